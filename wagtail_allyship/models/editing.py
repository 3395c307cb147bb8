"""Which Wagtail groups edit which units: the binding that makes a group's members local editors.

A group bound to units edits the content of those units and of every unit below them, and
only that; a group bound to none keeps whatever its Wagtail permissions give it everywhere.
Units are matched across languages by translation key, so binding the English copy of a
unit covers its French and Arabic copies too.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .units import OrganisationUnit


class UnitEditorGroup(models.Model):
    """A Wagtail group whose members edit only the content of the chosen units."""

    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="allyship_units",
        help_text=_(
            "The Wagtail group of the unit's editors. Give the group its usual Wagtail "
            "permissions as well; this setting narrows them to the units below."
        ),
    )
    units = models.ManyToManyField(
        OrganisationUnit,
        verbose_name=_("units"),
        related_name="editor_groups",
        help_text=_(
            "The units whose content members of the group may edit. Sub-units are included, "
            "and so are the unit's copies in other languages."
        ),
    )

    panels = [FieldPanel("group"), FieldPanel("units")]

    class Meta:
        verbose_name = _("unit editor group")
        verbose_name_plural = _("unit editor groups")
        ordering = ["group__name"]

    def __str__(self) -> str:
        return self.group.name

    def unit_names(self) -> str:
        return ", ".join(unit.name for unit in self.units.all())

    unit_names.short_description = _("units")
