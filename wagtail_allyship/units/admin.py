"""Organisation units in the Wagtail admin: local editors keep their own units' details.

A local editor (see :mod:`wagtail_allyship.unit_permissions`) with Wagtail's permission to
change units changes only their own units and the units below them; with the permission to
add units, adds them only below their own. Everyone else is not narrowed.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import Locale

from wagtail_allyship.editing.listings import AllyshipSnippetViewSet
from wagtail_allyship.units.denied import UnitScopedViewSetMixin
from wagtail_allyship.units.models import OrganisationUnit, UnitEditorGroup
from wagtail_allyship.units.rights import (
    UnitScopedPermissionPolicy,
    editable_unit_keys,
    may_edit_unit,
    register_policy,
)


class OrganisationUnitPermissionPolicy(UnitScopedPermissionPolicy):
    """The unit-scoped policy, where the object's unit is the unit itself."""

    def _in_units(self, user) -> Q | None:
        keys = editable_unit_keys(user)
        return None if keys is None else Q(translation_key__in=keys)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        return action not in self.scoped_actions or may_edit_unit(user, instance)


policy = register_policy(OrganisationUnit, OrganisationUnitPermissionPolicy(OrganisationUnit))


class OrganisationUnitForm(WagtailAdminModelForm):
    """A local editor places units only below their own; the top of their units stays put."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keys = editable_unit_keys(self.for_user)
        field = self.fields.get("parent")
        if keys is None or field is None:
            return
        parent = self.instance.parent if self.instance.parent_id else None
        if self.instance.pk and (parent is None or parent.translation_key not in keys):
            # One of the units their group is bound to: where it sits is the central team's.
            field.disabled = True
            field.help_text = _("Only the central team moves the units your group is bound to.")
            return
        field.queryset = field.queryset.filter(translation_key__in=keys)
        field.required = True
        field.error_messages["required"] = _(
            "Choose one of your units: as a unit's editor, you add units only below your own."
        )
        field.error_messages["invalid_choice"] = _("Choose one of your own units from the list.")


class OrganisationUnitFilterSet(WagtailFilterSet):
    parent = django_filters.ModelChoiceFilter(
        label=_("Part of"),
        queryset=OrganisationUnit.objects.filter(children__isnull=False).distinct(),
        help_text=_("Show the units directly below this one."),
    )

    class Meta:
        model = OrganisationUnit
        fields = ["kind", "parent"]


class OrganisationUnitViewSet(UnitScopedViewSetMixin, AllyshipSnippetViewSet):
    model = OrganisationUnit
    icon = "group"
    menu_label = _("Organisation units")
    menu_name = "allyship_units"
    list_display = ["name", "short_name", "kind", "parent", "contact_name"]
    filterset_class = OrganisationUnitFilterSet
    search_fields = ["name", "short_name", "contact_name", "contact_email"]
    ordering = ["name"]
    unit_policy = policy
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "short_name",
        "kind",
        "parent",
        "contact_name",
        "contact_email",
        "sign_up_url",
    ]
    edit_handler = ObjectList(OrganisationUnit.panels, base_form_class=OrganisationUnitForm)

    def get_queryset(self, request):
        return OrganisationUnit.objects.select_related("parent", "locale")


class UnitEditorGroupForm(WagtailAdminModelForm):
    """Units are offered in the default language; the binding covers their translations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrganisationUnit.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")


class UnitEditorGroupViewSet(AllyshipSnippetViewSet):
    """Bind Wagtail groups to units, making their members local editors of those units."""

    model = UnitEditorGroup
    icon = "lock"
    menu_label = _("Unit editor groups")
    menu_name = "allyship_unit_editor_groups"
    list_display = ["group", "unit_names"]
    ordering = ["group__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("group"),
            FieldPanel(
                "units",
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "The units whose content members of the group may edit. Sub-units are "
                    "included, and so are the unit's copies in other languages."
                ),
            ),
        ],
        base_form_class=UnitEditorGroupForm,
    )

    def get_queryset(self, request):
        return UnitEditorGroup.objects.select_related("group").prefetch_related("units")


# Deleting units ------------------------------------------------------------------------


def describe(obj) -> str:
    """'Organisation unit “Essex Police”', the way a refusal message names an object."""
    return _("%(type)s “%(name)s”") % {
        "type": capfirst(obj._meta.verbose_name),
        "name": obj,
    }


def refuse_deleting_units_in_use(request, instances):
    """Refuse, before anything is deleted, to delete a unit that content still refers to."""
    refusals = []
    for unit in instances:
        if not isinstance(unit, OrganisationUnit):
            continue
        users = unit.blocking_references()
        if users:
            shown = ", ".join(describe(obj) for obj in users[:5])
            if len(users) > 5:
                shown += _(" and %(count)d more") % {"count": len(users) - 5}
            refusals.append(
                _("“%(unit)s” cannot be deleted because it is still used by: %(users)s.")
                % {"unit": unit, "users": shown}
            )
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    viewset = OrganisationUnit.snippet_viewset
    return redirect(viewset.get_url_name("list"))
