"""Organisation units: the forces, regions and business units a programme runs in.

A unit is orthogonal to a language: every unit can publish in several locales, and each
locale holds its own translated copy of the unit (``TranslatableMixin``).

A Wagtail group bound to units (``UnitEditorGroup``) makes its members local editors: they
change the content of those units and of every unit below them, and only that. Units are
matched across languages by translation key, so binding the English copy of a unit covers
its French and Arabic copies too.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from wagtail_allyship.conf import get_setting


class UnitKind(models.TextChoices):
    NATIONAL = "national", _("National team")
    REGION = "region", _("Region")
    FORCE = "force", _("Force")
    BUSINESS_UNIT = "business_unit", _("Business unit")
    DEPARTMENT = "department", _("Department")


class OrganisationUnitQuerySet(models.QuerySet):
    def descendants_of(
        self, units: Iterable[OrganisationUnit], include_self: bool = True
    ) -> OrganisationUnitQuerySet:
        """Units below ``units`` in the tree, one query per level of depth."""
        level = {unit.pk for unit in units}
        seen = set(level)
        found = set(level) if include_self else set()
        while level:
            level = set(
                OrganisationUnit.objects.filter(parent__in=level)
                .exclude(pk__in=seen)
                .values_list("pk", flat=True)
            )
            seen |= level
            found |= level
        return self.filter(pk__in=found)


class OrganisationUnit(TranslatableMixin, models.Model):
    """A force, region, business unit or national team; the values that fill placeholders."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("Full name as staff know it, e.g. 'Essex Police' or 'Northern Region'."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=50,
        blank=True,
        help_text=_("Abbreviation used where space is short, e.g. 'EP'. Optional."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=UnitKind.choices,
        default=UnitKind.FORCE,
        help_text=_("What sort of unit this is; used to group units in reports."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_(
            "The unit this one belongs to, e.g. the region of a force. Leave empty for a "
            "top-level unit."
        ),
    )
    contact_name = models.CharField(
        _("contact name"),
        max_length=255,
        blank=True,
        help_text=_("Person allies in this unit can contact about the programme."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Address allies in this unit write to; shown on local pages."),
    )
    sign_up_url = models.URLField(
        _("sign-up URL"),
        blank=True,
        help_text=_("Where staff in this unit sign up as allies, e.g. a form on your intranet."),
    )

    objects = OrganisationUnitQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
                FieldPanel("parent"),
            ],
            heading=_("Unit"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("sign_up_url"),
            ],
            heading=_("Programme contact"),
        ),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("parent"),
        SynchronizedField("kind"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("sign_up_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_ancestors(self) -> list[OrganisationUnit]:
        """Units above this one, nearest first."""
        ancestors: list[OrganisationUnit] = []
        seen = {self.pk}
        unit = self.parent
        while unit is not None and unit.pk not in seen:
            ancestors.append(unit)
            seen.add(unit.pk)
            unit = unit.parent
        return ancestors

    def subtree_height(self) -> int:
        """How many levels of sub-units hang below this unit (0 for a unit without any)."""
        height, level, seen = 0, {self.pk}, {self.pk}
        while level:
            level = set(
                OrganisationUnit.objects.filter(parent__in=level)
                .exclude(pk__in=seen)
                .values_list("pk", flat=True)
            )
            seen |= level
            height += bool(level)
        return height

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            return
        parent = self.parent
        if self.locale_id and parent.locale_id != self.locale_id:
            raise ValidationError(
                {
                    "parent": _(
                        "'%(parent)s' is in another language. Choose the %(locale)s version "
                        "of the parent unit, or translate it first."
                    )
                    % {"parent": parent, "locale": self.locale.get_display_name()}
                }
            )
        if self.pk is not None and (
            parent.pk == self.pk or self.pk in {u.pk for u in parent.get_ancestors()}
        ):
            raise ValidationError(
                {
                    "parent": _(
                        "A unit cannot be part of itself or of one of its own sub-units. "
                        "Choose a unit higher in the tree."
                    )
                }
            )
        max_depth = get_setting("UNIT_TREE_MAX_DEPTH")
        levels_below = self.subtree_height() if self.pk is not None else 0
        if len(parent.get_ancestors()) + 2 + levels_below > max_depth:
            raise ValidationError(
                {
                    "parent": _(
                        "The unit tree may have at most %(depth)d levels. Choose a parent "
                        "higher in the tree."
                    )
                    % {"depth": max_depth}
                }
            )

    def blocking_references(self) -> list[models.Model]:
        """Objects that stop this unit from being deleted (protected references to it)."""
        collector = Collector(using=router.db_for_write(type(self), instance=self))
        try:
            collector.collect([self])
        except ProtectedError as error:
            return sorted(error.protected_objects, key=str)
        except RestrictedError as error:
            return sorted(error.restricted_objects, key=str)
        return []


# Local editors --------------------------------------------------------------------------


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
