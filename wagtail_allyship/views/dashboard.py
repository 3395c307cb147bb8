"""The coordinator dashboard: a panel on the admin home page and the report views it links to.

Every figure is computed per *unit*, and a unit is known by its translation key: an ally who
picked the French copy of a unit counts for the unit, whose name is shown in the site's
default language. Each report is a list of plain rows built from a fixed number of grouped
queries, so it costs the same whether the organisation has six units or six hundred.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from ..annual_figures import year_range
from ..audit import LoggedExportMixin
from ..collation import sort_key
from ..models import (
    AllyRegistration,
    AnnualUpdate,
    AnnualUpdateStatus,
    Commitment,
    FeedbackSurveyPage,
    OrganisationUnit,
    RegistrationStatus,
    SurveyResponse,
)
from ..models.pledges import current_programme_year, programme_year_label
from ..models.resources import overdue_resources
from ..permissions import is_coordinator
from ..spreadsheets import neutralise
from .denied import forbidden
from .resources import ResourcesDueForReviewView

# Units --------------------------------------------------------------------------------


@dataclass
class UnitInfo:
    """What the reports say about one unit, in the default language where it has a copy."""

    key: Any
    name: str
    parent_name: str
    contact_name: str
    contact_email: str
    #: In the default language and without sub-units there: expected to send an update.
    expected: bool


def units_by_key() -> dict[Any, UnitInfo]:
    """Every unit once, by translation key, named in the default language (two queries).

    A unit that exists only in another language keeps the name of that copy, so that its
    allies still appear somewhere. The *expected* rule is the annual report's (see
    :func:`wagtail_allyship.annual_figures._units`): a unit in the default language with no
    sub-units in that language.
    """
    default_locale_id = Locale.get_default().pk
    rows = list(
        OrganisationUnit.objects.order_by("pk").values(
            "pk",
            "translation_key",
            "name",
            "parent_id",
            "contact_name",
            "contact_email",
            "locale_id",
        )
    )
    by_pk = {row["pk"]: row for row in rows}
    chosen: dict[Any, dict] = {}
    for row in rows:
        current = chosen.get(row["translation_key"])
        if current is None or (
            current["locale_id"] != default_locale_id and row["locale_id"] == default_locale_id
        ):
            chosen[row["translation_key"]] = row
    parents = {
        row["parent_id"]
        for row in rows
        if row["parent_id"] and row["locale_id"] == default_locale_id
    }

    def parent_name(row: dict) -> str:
        parent = by_pk.get(row["parent_id"])
        if parent is None:
            return ""
        return chosen.get(parent["translation_key"], parent)["name"]

    return {
        key: UnitInfo(
            key=key,
            name=row["name"],
            parent_name=parent_name(row),
            contact_name=row["contact_name"],
            contact_email=row["contact_email"],
            expected=row["locale_id"] == default_locale_id and row["pk"] not in parents,
        )
        for key, row in chosen.items()
    }


# Figures ------------------------------------------------------------------------------


def current_allies() -> QuerySet:
    """Registrations of allies who have not left the programme."""
    return AllyRegistration.objects.exclude(status=RegistrationStatus.LEFT)


def commitments_to_follow_up() -> QuerySet:
    """Open commitments of active allies: the ones the overdue digest email reports on."""
    return Commitment.objects.open().filter(
        pledge__user__is_active=True,
        pledge__user__ally_registration__status=RegistrationStatus.ACTIVE,
    )


def this_month(today: datetime.date | None = None) -> datetime.date:
    """The month survey responses are filed under: its first day."""
    return (today or timezone.localdate()).replace(day=1)


def surveys_to_report() -> QuerySet:
    """Live surveys in the default language; their translations count with them."""
    return FeedbackSurveyPage.objects.live().filter(locale=Locale.get_default())


@dataclass
class AlliesRow:
    unit: str
    parent_unit: str
    allies: int
    joined_this_year: int
    joined_last_year: int

    @property
    def change(self) -> int:
        return self.joined_this_year - self.joined_last_year

    @property
    def change_display(self) -> str:
        return f"+{self.change}" if self.change > 0 else str(self.change)


def allies_per_unit(today: datetime.date | None = None) -> list[AlliesRow]:
    year = current_programme_year(today)
    this_start, this_end = year_range(year)
    last_start, last_end = year_range(year - 1)
    counts = {
        row["unit__translation_key"]: row
        for row in current_allies()
        .values("unit__translation_key")
        .annotate(
            allies=Count("pk"),
            this_year=Count("pk", filter=Q(joined_on__gte=this_start, joined_on__lte=this_end)),
            last_year=Count("pk", filter=Q(joined_on__gte=last_start, joined_on__lte=last_end)),
        )
        .order_by()
    }
    rows = []
    for key, unit in units_by_key().items():
        row = counts.get(key, {})
        rows.append(
            AlliesRow(
                unit=unit.name,
                parent_unit=unit.parent_name,
                allies=row.get("allies", 0),
                joined_this_year=row.get("this_year", 0),
                joined_last_year=row.get("last_year", 0),
            )
        )
    return rows


@dataclass
class CommitmentsRow:
    unit: str
    parent_unit: str
    open: int
    overdue: int


def overdue_commitments_per_unit(today: datetime.date | None = None) -> list[CommitmentsRow]:
    """Units with any open commitment, with how many of them are past their deadline."""
    today = today or timezone.localdate()
    units = units_by_key()
    rows = []
    for row in (
        commitments_to_follow_up()
        .values("pledge__user__ally_registration__unit__translation_key")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=today)))
        .order_by()
    ):
        unit = units.get(row["pledge__user__ally_registration__unit__translation_key"])
        rows.append(
            CommitmentsRow(
                unit=unit.name if unit else "",
                parent_unit=unit.parent_name if unit else "",
                open=row["open"],
                overdue=row["overdue"],
            )
        )
    return rows


#: How an update's progress sorts: the least advanced first.
UPDATE_PROGRESS = {"missing": 0, AnnualUpdateStatus.DRAFT: 1, AnnualUpdateStatus.SUBMITTED: 2}


@dataclass
class MissingUpdateRow:
    unit: str
    parent_unit: str
    contact_name: str
    contact_email: str
    status_code: str

    @property
    def status(self) -> str:
        if self.status_code == "missing":
            return str(_("Missing"))
        return str(AnnualUpdateStatus(self.status_code).label)

    @property
    def progress(self) -> int:
        return UPDATE_PROGRESS[self.status_code]


def units_missing_update(year: int | None = None) -> list[MissingUpdateRow]:
    """Expected units whose update for ``year`` (this year by default) is not approved yet."""
    year = year or current_programme_year()
    statuses: dict[Any, set] = {}
    for key, status in AnnualUpdate.objects.for_year(year).values_list(
        "unit__translation_key", "status"
    ):
        statuses.setdefault(key, set()).add(status)
    rows = []
    for key, unit in units_by_key().items():
        found = statuses.get(key, set())
        if not unit.expected or AnnualUpdateStatus.APPROVED in found:
            continue
        if AnnualUpdateStatus.SUBMITTED in found:
            status = AnnualUpdateStatus.SUBMITTED
        elif found:
            status = AnnualUpdateStatus.DRAFT
        else:
            status = "missing"
        rows.append(
            MissingUpdateRow(
                unit=unit.name,
                parent_unit=unit.parent_name,
                contact_name=unit.contact_name,
                contact_email=unit.contact_email,
                status_code=str(status),
            )
        )
    return rows


@dataclass
class SurveyRow:
    pk: int
    title: str
    closed: bool
    responses: int
    responses_this_month: int

    @property
    def state(self) -> str:
        return str(_("Closed") if self.closed else _("Open"))


def survey_responses(today: datetime.date | None = None) -> list[SurveyRow]:
    month = this_month(today)
    counts = {
        row["page__translation_key"]: row
        for row in SurveyResponse.objects.values("page__translation_key")
        .annotate(total=Count("pk"), month=Count("pk", filter=Q(month=month)))
        .order_by()
    }
    rows = []
    for page in surveys_to_report().values("pk", "title", "translation_key", "closed"):
        row = counts.get(page["translation_key"], {})
        rows.append(
            SurveyRow(
                pk=page["pk"],
                title=page["title"],
                closed=page["closed"],
                responses=row.get("total", 0),
                responses_this_month=row.get("month", 0),
            )
        )
    return rows


def headline_figures(today: datetime.date | None = None) -> dict[str, int]:
    """The numbers on the dashboard panel, in a fixed number of queries."""
    today = today or timezone.localdate()
    start, end = year_range(current_programme_year(today))
    allies = current_allies().aggregate(
        total=Count("pk"),
        joined=Count("pk", filter=Q(joined_on__gte=start, joined_on__lte=end)),
    )
    return {
        "allies": allies["total"],
        "joined_this_year": allies["joined"],
        "overdue_commitments": commitments_to_follow_up().filter(deadline__lt=today).count(),
        "units_missing_update": len(units_missing_update(current_programme_year(today))),
        "resources_due": overdue_resources().count(),
        "responses_this_month": SurveyResponse.objects.filter(
            month=this_month(today),
            page__translation_key__in=surveys_to_report().values("translation_key"),
        ).count(),
    }


# Report views -------------------------------------------------------------------------


class CoordinatorReportView(LoggedExportMixin, ReportView):
    """A coordinators-only report of plain rows, sorted by a column, exported safely.

    Each export is recorded in the audit log against ``export_log_model``, the model whose
    records the report counts.
    """

    template_name = "wagtail_allyship/dashboard/report.html"
    header_icon = "table"
    #: What the report lists, shown above the table.
    description = ""
    #: Name used in the URLs, the URL names and the export file name.
    report_name = ""
    #: The row attribute that names a row; rows are sorted by it within equal figures.
    name_field = "unit"

    @classmethod
    def url_name(cls) -> str:
        return f"wagtail_allyship_report_{cls.report_name.replace('-', '_')}"

    @property
    def index_url_name(self) -> str:
        return self.url_name()

    @property
    def index_results_url_name(self) -> str:
        return self.url_name() + "_results"

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            return forbidden(request, _("Only programme coordinators can see this report."))
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return is_coordinator(self.request.user)

    def get_page_subtitle(self):
        return _("Programme year %(year)s") % {
            "year": programme_year_label(current_programme_year())
        }

    def get_rows(self) -> list:
        raise NotImplementedError

    def get_queryset(self):
        rows = self.get_rows()
        ordering = self.ordering or ""
        field = ordering.lstrip("-")
        # By name first, so that rows with equal figures stay in alphabetical order.
        rows.sort(key=lambda row: sort_key(getattr(row, self.name_field)))
        if field:
            rows.sort(
                key=lambda row: self.sort_value(getattr(row, field)),
                reverse=ordering.startswith("-"),
            )
        return rows

    @staticmethod
    def sort_value(value):
        return sort_key(value) if isinstance(value, str) else value

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def get_filename(self):
        return f"allyship-{self.report_name}-{timezone.localdate().isoformat()}"


UNIT_COLUMNS = [
    Column("unit", label=_("Unit"), sort_key="unit"),
    Column("parent_unit", label=_("Part of"), sort_key="parent_unit"),
]


class AlliesPerUnitView(CoordinatorReportView):
    page_title = _("Allies per unit and trend")
    header_icon = "group"
    report_name = "allies"
    export_log_model = AllyRegistration
    description = _(
        "Allies registered in each unit who have not left the programme, how many of them "
        "joined in this programme year and in the last one, and the difference between the two."
    )
    default_ordering = "unit"
    columns = [
        *UNIT_COLUMNS,
        Column("allies", label=_("Allies now"), sort_key="allies"),
        Column("joined_this_year", label=_("Joined this year"), sort_key="joined_this_year"),
        Column("joined_last_year", label=_("Joined last year"), sort_key="joined_last_year"),
        Column("change", label=_("Change"), accessor="change_display", sort_key="change"),
    ]
    list_export = [
        "unit",
        "parent_unit",
        "allies",
        "joined_this_year",
        "joined_last_year",
        "change",
    ]
    export_headings = {
        "unit": _("Unit"),
        "parent_unit": _("Part of"),
        "allies": _("Allies now"),
        "joined_this_year": _("Joined this programme year"),
        "joined_last_year": _("Joined last programme year"),
        "change": _("Change"),
    }

    def get_rows(self):
        return allies_per_unit()


class OverdueCommitmentsView(CoordinatorReportView):
    page_title = _("Overdue commitments per unit")
    header_icon = "warning"
    report_name = "overdue-commitments"
    export_log_model = Commitment
    description = _(
        "Units whose active allies have open commitments, with how many of those are past "
        "their deadline. Commitments of paused allies and of allies who left are not counted, "
        "as in the digest email."
    )
    default_ordering = "-overdue"
    columns = [
        *UNIT_COLUMNS,
        Column("open", label=_("Open commitments"), sort_key="open"),
        Column("overdue", label=_("Overdue"), sort_key="overdue"),
    ]
    list_export = ["unit", "parent_unit", "open", "overdue"]
    export_headings = {
        "unit": _("Unit"),
        "parent_unit": _("Part of"),
        "open": _("Open commitments"),
        "overdue": _("Overdue commitments"),
    }

    def get_rows(self):
        return overdue_commitments_per_unit()


class MissingAnnualUpdatesView(CoordinatorReportView):
    page_title = _("Units missing this year's annual update")
    header_icon = "doc-full"
    report_name = "missing-updates"
    export_log_model = AnnualUpdate
    description = _(
        "Units expected to send an annual update (units without sub-units) whose update for "
        "this programme year has not been approved yet, with the unit's programme contact."
    )
    default_ordering = "progress"
    columns = [
        *UNIT_COLUMNS,
        Column("contact_name", label=_("Contact"), sort_key="contact_name"),
        Column("contact_email", label=_("Contact email")),
        Column("status", label=_("Update"), sort_key="progress"),
    ]
    list_export = ["unit", "parent_unit", "contact_name", "contact_email", "status"]
    export_headings = {
        "unit": _("Unit"),
        "parent_unit": _("Part of"),
        "contact_name": _("Contact name"),
        "contact_email": _("Contact email"),
        "status": _("Update status"),
    }

    def get_rows(self):
        return units_missing_update()


class SurveyResponsesView(CoordinatorReportView):
    page_title = _("Survey responses")
    header_icon = "form"
    report_name = "survey-responses"
    export_log_model = SurveyResponse
    description = _(
        "Each live survey with the number of responses it received, in every language, in "
        "total and this month."
    )
    default_ordering = "title"
    name_field = "title"
    columns = [
        TitleColumn(
            "title", label=_("Survey"), url_name="wagtailadmin_pages:edit", sort_key="title"
        ),
        Column("state", label=_("Status"), sort_key="closed"),
        Column("responses", label=_("Responses"), sort_key="responses"),
        Column(
            "responses_this_month",
            label=_("This month"),
            sort_key="responses_this_month",
        ),
    ]
    list_export = ["title", "state", "responses", "responses_this_month"]
    export_headings = {
        "title": _("Survey"),
        "state": _("Status"),
        "responses": _("Responses"),
        "responses_this_month": _("Responses this month"),
    }

    def get_page_subtitle(self):
        return ""  # surveys are counted over their whole life, not per programme year

    def get_rows(self):
        return survey_responses()


REPORTS = [AlliesPerUnitView, OverdueCommitmentsView, MissingAnnualUpdatesView, SurveyResponsesView]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for view in REPORTS:
        urls += [
            path(
                f"reports/allyship-{view.report_name}/",
                view.as_view(),
                name=view.url_name(),
            ),
            path(
                f"reports/allyship-{view.report_name}/results/",
                view.as_view(results_only=True),
                name=view.url_name() + "_results",
            ),
        ]
    return urls


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


def _menu_item(view: type[CoordinatorReportView], order: int) -> MenuItem:
    return CoordinatorMenuItem(
        view.page_title,
        reverse(view.url_name()),
        name=f"allyship-{view.report_name}",
        icon_name=view.header_icon,
        order=order,
    )


@hooks.register("register_reports_menu_item")
def register_allies_report():
    return _menu_item(AlliesPerUnitView, 901)


@hooks.register("register_reports_menu_item")
def register_overdue_commitments_report():
    return _menu_item(OverdueCommitmentsView, 902)


@hooks.register("register_reports_menu_item")
def register_missing_updates_report():
    return _menu_item(MissingAnnualUpdatesView, 903)


@hooks.register("register_reports_menu_item")
def register_survey_report():
    return _menu_item(SurveyResponsesView, 904)


# The panel on the admin home page ---------------------------------------------------


class CoordinatorDashboardPanel(Component):
    """Headline figures of the programme, each linking to the report behind it."""

    name = "allyship_dashboard"
    template_name = "wagtail_allyship/dashboard/panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        figures = headline_figures()
        allies = reverse(AlliesPerUnitView.url_name())
        rows = [
            (
                "group",
                allies,
                figures["allies"],
                ngettext(
                    "%(number)s ally registered", "%(number)s allies registered", figures["allies"]
                ),
            ),
            (
                "plus",
                allies,
                figures["joined_this_year"],
                ngettext(
                    "%(number)s joined this year",
                    "%(number)s joined this year",
                    figures["joined_this_year"],
                ),
            ),
            (
                "warning",
                reverse(OverdueCommitmentsView.url_name()),
                figures["overdue_commitments"],
                ngettext(
                    "%(number)s overdue commitment",
                    "%(number)s overdue commitments",
                    figures["overdue_commitments"],
                ),
            ),
            (
                "doc-full",
                reverse(MissingAnnualUpdatesView.url_name()),
                figures["units_missing_update"],
                ngettext(
                    "%(number)s unit without an approved update this year",
                    "%(number)s units without an approved update this year",
                    figures["units_missing_update"],
                ),
            ),
            (
                "date",
                reverse(ResourcesDueForReviewView.index_url_name),
                figures["resources_due"],
                ngettext(
                    "%(number)s resource due for review",
                    "%(number)s resources due for review",
                    figures["resources_due"],
                ),
            ),
            (
                "form",
                reverse(SurveyResponsesView.url_name()),
                figures["responses_this_month"],
                ngettext(
                    "%(number)s survey response this month",
                    "%(number)s survey responses this month",
                    figures["responses_this_month"],
                ),
            ),
        ]
        return {
            "year": programme_year_label(current_programme_year()),
            "items": [
                {
                    "icon": icon,
                    "url": url,
                    "text": text % {"number": number_format(count, force_grouping=True)},
                }
                for icon, url, count, text in rows
            ],
        }


@hooks.register("construct_homepage_panels")
def add_coordinator_dashboard(request, panels):
    if is_coordinator(request.user):
        panels.append(CoordinatorDashboardPanel())
