"""Annual updates in the Wagtail admin: local editors write their unit's, coordinators approve.

The listing, forms and history are Wagtail's snippet views. What this module adds: local
editors list and open only their own units' updates (another unit's update is refused with
403, whatever the URL), choose only their own units, and cannot approve; once approved, an
update is changed only by those who may approve.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.models import Locale
from wagtail.snippets.views.snippets import (
    CopyView,
)

from wagtail_allyship.editing.listings import AllyshipSnippetViewSet
from wagtail_allyship.reports.models import AnnualUpdate, AnnualUpdateStatus
from wagtail_allyship.units.denied import UnitScopedObjectMixin, UnitScopedViewSetMixin
from wagtail_allyship.units.models import OrganisationUnit
from wagtail_allyship.units.rights import (
    UnitScopedPermissionPolicy,
    editable_unit_keys,
    register_policy,
)

APPROVE = "approve"


class AnnualUpdatePermissionPolicy(UnitScopedPermissionPolicy):
    """Unit-scoped permissions, plus: an approved update is changed only by approvers."""

    def user_can_approve(self, user) -> bool:
        return self.user_has_permission(user, APPROVE)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in ("change", "delete") and instance.is_approved:
            return self.user_can_approve(user)
        return True


policy = register_policy(AnnualUpdate, AnnualUpdatePermissionPolicy(AnnualUpdate))


class AnnualUpdateForm(WagtailAdminModelForm):
    """Offers a local editor only their own units, and approval only to approvers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.previous_status = self.instance.status if self.instance.pk else None
        if "unit" in self.fields:
            units = OrganisationUnit.objects.filter(locale=Locale.get_default())
            keys = editable_unit_keys(user)
            if keys is not None:
                units = units.filter(translation_key__in=keys)
            self.fields["unit"].queryset = units.order_by("name")
            self.fields["unit"].error_messages["invalid_choice"] = _(
                "Choose one of your own units from the list."
            )
        if "status" in self.fields and not (user and policy.user_can_approve(user)):
            self.fields["status"].choices = [
                choice
                for choice in self.fields["status"].choices
                if choice[0] != AnnualUpdateStatus.APPROVED
            ]

    def save(self, commit=True):
        self.instance.record_status_change(self.for_user, self.previous_status)
        return super().save(commit=commit)


class AnnualUpdateCopyView(UnitScopedObjectMixin, CopyView):
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        obj.status = AnnualUpdateStatus.DRAFT
        return obj


class AnnualUpdateFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=lambda request: OrganisationUnit.objects.filter(
            locale=Locale.get_default()
        ).order_by("name"),
        method="filter_unit",
        help_text=_("Show the updates of this unit."),
    )

    class Meta:
        model = AnnualUpdate
        fields = ["year", "status", "unit"]

    def filter_unit(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(unit__translation_key=value.translation_key)


class AnnualUpdateViewSet(UnitScopedViewSetMixin, AllyshipSnippetViewSet):
    model = AnnualUpdate
    icon = "doc-full"
    menu_label = _("Annual updates")
    menu_name = "allyship_annual_updates"
    list_display = ["title", "unit", "year", "status", "updated_at"]
    list_export = ["unit", "year", "title", "status", "submitted_at", "approved_at"]
    filterset_class = AnnualUpdateFilterSet
    search_fields = ["title", "body"]
    ordering = ["-year", "unit__name"]
    unit_policy = policy
    copy_view_class = AnnualUpdateCopyView
    inspect_view_enabled = True
    inspect_view_fields = [
        "unit",
        "year",
        "title",
        "body",
        "evidence_links",
        "image",
        "status",
        "submitted_by",
        "submitted_at",
        "approved_by",
        "approved_at",
    ]

    edit_handler = ObjectList(AnnualUpdate.panels, base_form_class=AnnualUpdateForm)

    def get_queryset(self, request):
        """Local editors list their own units' updates only."""
        queryset = AnnualUpdate.objects.select_related("unit")
        keys = editable_unit_keys(request.user)
        if keys is not None:
            queryset = queryset.filter(unit__translation_key__in=keys)
        return queryset
