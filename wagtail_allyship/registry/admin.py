"""The ally registry in the Wagtail admin: listing, filters, export and allies per unit.

Only coordinators (see :mod:`wagtail_allyship.permissions`) reach any of it. The listing is
Wagtail's snippet listing; its spreadsheet export neutralises cells that a spreadsheet would
run as formulas, and each export is recorded in the audit log (:mod:`wagtail_allyship.audit`).
"Allies per unit" counts registrations per unit and, for units with sub-units, including them.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import InspectView

from wagtail_allyship.access.personal import PersonalDataPermissionPolicy
from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.editing.listings import AllyshipIndexView, AllyshipSnippetViewSet
from wagtail_allyship.exports.audit import LoggedExportMixin
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
from wagtail_allyship.units.admin import describe
from wagtail_allyship.units.models import OrganisationUnit


def default_locale_units(request=None):
    """Units in the site's default language: the choices of the unit filter."""
    return OrganisationUnit.objects.filter(locale=Locale.get_default()).order_by("name")


def unit_keys_below(unit: OrganisationUnit) -> list:
    """Translation keys of ``unit`` and every unit below it, whatever their language."""
    return list(
        OrganisationUnit.objects.descendants_of([unit]).values_list("translation_key", flat=True)
    )


class AllyRegistrationFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Unit"),
        queryset=default_locale_units,
        method="filter_unit",
        help_text=gettext_lazy("Also shows the allies of every unit below the one chosen."),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=RegistrationStatus.choices
    )
    joined_on = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Joined"), widget=DateRangePickerWidget
    )
    consent_to_contact = django_filters.BooleanFilter(label=gettext_lazy("May be contacted"))

    class Meta:
        model = AllyRegistration
        fields = ["unit", "status", "joined_on", "consent_to_contact"]

    def filter_unit(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(unit__translation_key__in=unit_keys_below(value))


class CoordinatorsOnlyMixin:
    """Refuse the view to anyone who is not a coordinator."""

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AllyRegistrationIndexView(LoggedExportMixin, AllyshipIndexView):
    """The registry listing: searches every word of a name, exports safely and on the record."""

    export_log_title = gettext_lazy("Ally registry")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            match = Q()
            for field_name in self.search_fields or []:
                match |= Q(**{f"{field_name}__icontains": word})
            queryset = queryset.filter(match)
        return queryset

    @cached_property
    def unit_paths(self) -> dict[int, str]:
        """' › '-separated path of every unit, from one query, for the export."""
        units = {unit.pk: unit for unit in OrganisationUnit.objects.only("pk", "name", "parent_id")}
        paths = {}
        for unit in units.values():
            names, seen, current = [], set(), unit
            while current is not None and current.pk not in seen:
                names.append(current.name)
                seen.add(current.pk)
                current = units.get(current.parent_id)
            paths[unit.pk] = " › ".join(reversed(names))
        return paths

    def to_row_dict(self, item):
        row = OrderedDict()
        for field_name in self.list_export:
            if field_name == "unit_path":
                value = self.unit_paths.get(item.unit_id, "")
            elif field_name == "status":
                value = item.get_status_display()
            else:
                value = getattr(item, field_name)
                value = value() if callable(value) else value
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            row[field_name] = value
        return row

    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        buttons.append(
            Button(
                _("Allies per unit"),
                url=reverse(AllyRegistration.snippet_viewset.get_url_name("unit_counts")),
                icon_name="table",
                priority=80,
            )
        )
        return sorted(buttons)


class AllyRegistrationInspectView(InspectView):
    def get_full_name_display_value(self):
        return self.object.full_name()

    def get_email_display_value(self):
        return self.object.user.email


# Allies per unit ----------------------------------------------------------------------


@dataclass
class UnitCount:
    """One row of "Allies per unit"."""

    unit: OrganisationUnit | None
    depth: int
    counts: Counter = field(default_factory=Counter)
    with_sub_units: Counter = field(default_factory=Counter)

    #: Deeper levels than this are indented as much as this one (admin.css).
    MAX_INDENT = 6

    @property
    def indent(self) -> int:
        return min(self.depth, self.MAX_INDENT)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def total_with_sub_units(self) -> int:
        return sum(self.with_sub_units.values())

    @property
    def has_sub_units(self) -> bool:
        return self.with_sub_units != self.counts

    def status_counts(self) -> list[int]:
        return [self.counts[status] for status in RegistrationStatus.values]


def count_per_unit(
    units: list[OrganisationUnit], counts: dict[tuple, int]
) -> tuple[list[UnitCount], Counter]:
    """Rows in tree order (parents before their sub-units) and the counts of unknown units.

    ``counts`` maps ``(translation_key, status)`` to a number of registrations; units are
    matched by translation key, so allies who chose a translated unit count for it too.
    """
    by_key = {unit.translation_key: unit for unit in units}
    children: dict[int | None, list[OrganisationUnit]] = {}
    pks = {unit.pk for unit in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in pks else None
        children.setdefault(parent, []).append(unit)

    own: dict[int, Counter] = {unit.pk: Counter() for unit in units}
    unknown = Counter()
    for (key, status), number in counts.items():
        unit = by_key.get(key)
        if unit is None:
            unknown[status] += number
        else:
            own[unit.pk][status] += number

    rows: list[UnitCount] = []

    def visit(unit: OrganisationUnit, depth: int, seen: set[int]) -> Counter:
        row = UnitCount(unit, depth, own[unit.pk], Counter(own[unit.pk]))
        rows.append(row)
        for child in children.get(unit.pk, []):
            if child.pk not in seen:
                row.with_sub_units.update(visit(child, depth + 1, seen | {child.pk}))
        return row.with_sub_units

    for top in children.get(None, []):
        visit(top, 0, {top.pk})
    return rows, unknown


class UnitCountsView(CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """How many allies each unit has, by status, with and without its sub-units."""

    template_name = "wagtail_allyship/pledges/admin/unit_counts.html"
    header_icon = "group"
    page_title = gettext_lazy("Allies per unit")

    def get_breadcrumbs_items(self):
        viewset = AllyRegistration.snippet_viewset
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(viewset.get_url_name("list")), "label": viewset.menu_label},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locale = Locale.get_default()
        units = list(
            OrganisationUnit.objects.filter(locale=locale)
            .only("pk", "name", "parent_id", "translation_key")
            .order_by("name")
        )
        counts = {
            (row["unit__translation_key"], row["status"]): row["number"]
            for row in AllyRegistration.objects.values("unit__translation_key", "status")
            .annotate(number=Count("pk"))
            .order_by()
        }
        rows, unknown = count_per_unit(units, counts)
        viewset = AllyRegistration.snippet_viewset
        context.update(
            {
                "rows": rows,
                "statuses": RegistrationStatus.choices,
                "unknown": [unknown[status] for status in RegistrationStatus.values],
                "unknown_total": sum(unknown.values()),
                "language": locale.get_display_name(),
                "list_url": reverse(viewset.get_url_name("list")),
            }
        )
        return context


# Deleting a unit that allies are registered in --------------------------------------


def refuse_deleting_units_with_allies(request, instances):
    """Refuse to delete units in use, counting registered allies without naming them.

    It runs before the general "unit in use" refusal, which names everything that uses a
    unit: the editors who manage units need not be coordinators, so they must not learn who
    the allies are. Without allies among the users of the units, it leaves the refusal to
    that hook.
    """
    units = [unit for unit in instances if isinstance(unit, OrganisationUnit)]
    counts = {
        row["unit"]: row["number"]
        for row in AllyRegistration.objects.filter(unit__in=units)
        .values("unit")
        .annotate(number=Count("pk"))
        .order_by()
    }
    if not counts:
        return None
    refusals = []
    for unit in units:
        others = [
            obj for obj in unit.blocking_references() if not isinstance(obj, AllyRegistration)
        ]
        allies = counts.get(unit.pk, 0)
        if not others and not allies:
            continue
        parts = [describe(obj) for obj in others[:5]]
        if len(others) > 5:
            parts.append(_("%(count)d more") % {"count": len(others) - 5})
        if allies:
            parts.append(
                ngettext("%(count)d ally registration", "%(count)d ally registrations", allies)
                % {"count": allies}
            )
        refusals.append(
            _("“%(unit)s” cannot be deleted because it is still used by: %(users)s.")
            % {"unit": unit, "users": ", ".join(parts)}
        )
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(OrganisationUnit.snippet_viewset.get_url_name("list"))


# The chooser: Wagtail offers one for every snippet; this one only to coordinators ------


class RegistryChooseView(CoordinatorsOnlyMixin, ChooseView):
    pass


class RegistryChooseResultsView(CoordinatorsOnlyMixin, ChooseResultsView):
    pass


class RegistryChosenView(CoordinatorsOnlyMixin, SnippetChosenView):
    pass


class RegistryChosenMultipleView(CoordinatorsOnlyMixin, SnippetChosenMultipleView):
    pass


class RegistryCreateView(CoordinatorsOnlyMixin, SnippetCreateView):
    pass


class RegistryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = RegistryChooseView
    choose_results_view_class = RegistryChooseResultsView
    chosen_view_class = RegistryChosenView
    chosen_multiple_view_class = RegistryChosenMultipleView
    create_view_class = RegistryCreateView


# The viewset --------------------------------------------------------------------------


class AllyRegistrationViewSet(AllyshipSnippetViewSet):
    """The ally registry, for coordinators (anyone with a permission on ally registrations)."""

    model = AllyRegistration
    #: The personal-data guard's policy, also on Wagtail versions without a policy registry.
    permission_policy = PersonalDataPermissionPolicy(AllyRegistration)
    icon = "user"
    menu_label = gettext_lazy("Ally registry")
    menu_name = "allyship_registry"
    index_view_class = AllyRegistrationIndexView
    inspect_view_class = AllyRegistrationInspectView
    chooser_viewset_class = RegistryChooserViewSet
    list_display = ["full_name", "unit", "role", "status", "joined_on", "consent_to_contact"]
    filterset_class = AllyRegistrationFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__username", "user__email"]
    ordering = ["-joined_on", "-pk"]
    list_per_page = 50
    list_export = [
        "full_name",
        "email",
        "unit",
        "unit_path",
        "role",
        "status",
        "joined_on",
        "may_be_contacted",
    ]
    export_headings = {
        "full_name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "unit": gettext_lazy("Unit"),
        "unit_path": gettext_lazy("Place in the organisation"),
        "role": gettext_lazy("Role or rank"),
        "status": gettext_lazy("Status"),
        "joined_on": gettext_lazy("Joined on"),
        "may_be_contacted": gettext_lazy("May be contacted"),
    }
    export_filename = "ally-registry"
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "email",
        "unit",
        "role",
        "status",
        "joined_on",
        "left_on",
        "may_be_contacted",
        "updated_at",
    ]

    def get_queryset(self, request):
        return AllyRegistration.objects.select_related("user", "unit")

    @property
    def unit_counts_view(self):
        return UnitCountsView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("units/", self.unit_counts_view, name="unit_counts"),
        ]
