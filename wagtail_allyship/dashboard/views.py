"""The coordinator dashboard's report views: allies, overdue commitments, updates, surveys.

Each is a :class:`~wagtail_allyship.exports.reports.SpreadsheetReportView` of plain rows from
:mod:`wagtail_allyship.dashboard.figures`, for coordinators only, sorted by any column and
exported safely. The URLs and menu items are made from :data:`REPORTS` in
``wagtail_hooks.py``.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import TitleColumn

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.dashboard import deliveries, figures
from wagtail_allyship.exports.reports import ReportField, SpreadsheetReportView
from wagtail_allyship.pledges.models import (
    Commitment,
    DeliveryStatus,
    ReminderDelivery,
    current_programme_year,
    programme_year_label,
)
from wagtail_allyship.registry.models import AllyRegistration
from wagtail_allyship.reports.models import AnnualUpdate
from wagtail_allyship.survey.models import SurveyResponse
from wagtail_allyship.text.collation import sort_key
from wagtail_allyship.units.denied import forbidden


class CoordinatorReportView(SpreadsheetReportView):
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

    @classmethod
    def urls(cls) -> list:
        """The report's page and the results-only page that Wagtail's filters fetch."""
        return [
            path(f"reports/allyship-{cls.report_name}/", cls.as_view(), name=cls.url_name()),
            path(
                f"reports/allyship-{cls.report_name}/results/",
                cls.as_view(results_only=True),
                name=cls.url_name() + "_results",
            ),
        ]

    @classmethod
    def menu_item(cls, order: int) -> MenuItem:
        return CoordinatorMenuItem(
            cls.page_title,
            reverse(cls.url_name()),
            name=f"allyship-{cls.report_name}",
            icon_name=cls.header_icon,
            order=order,
        )

    @property
    def index_url_name(self) -> str:
        return self.url_name()

    @property
    def index_results_url_name(self) -> str:
        return self.url_name() + "_results"

    @property
    def filename_prefix(self) -> str:
        return f"allyship-{self.report_name}"

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


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


UNIT_FIELDS = [
    ReportField("unit", _("Unit"), sort_key="unit"),
    ReportField("parent_unit", _("Part of"), sort_key="parent_unit"),
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
    fields = [
        *UNIT_FIELDS,
        ReportField("allies", _("Allies now"), sort_key="allies"),
        ReportField(
            "joined_this_year",
            _("Joined this year"),
            export_label=_("Joined this programme year"),
            sort_key="joined_this_year",
        ),
        ReportField(
            "joined_last_year",
            _("Joined last year"),
            export_label=_("Joined last programme year"),
            sort_key="joined_last_year",
        ),
        ReportField("change", _("Change"), accessor="change_display", sort_key="change"),
    ]

    def get_rows(self):
        return figures.allies_per_unit()


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
    fields = [
        *UNIT_FIELDS,
        ReportField("open", _("Open commitments"), sort_key="open"),
        ReportField(
            "overdue", _("Overdue"), export_label=_("Overdue commitments"), sort_key="overdue"
        ),
    ]

    def get_rows(self):
        return figures.overdue_commitments_per_unit()


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
    fields = [
        *UNIT_FIELDS,
        ReportField(
            "contact_name", _("Contact"), export_label=_("Contact name"), sort_key="contact_name"
        ),
        ReportField("contact_email", _("Contact email")),
        ReportField("status", _("Update"), export_label=_("Update status"), sort_key="progress"),
    ]

    def get_rows(self):
        return figures.units_missing_update()


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
    fields = [
        ReportField(
            "title",
            _("Survey"),
            column=TitleColumn(
                "title", label=_("Survey"), url_name="wagtailadmin_pages:edit", sort_key="title"
            ),
        ),
        ReportField("state", _("Status"), sort_key="closed"),
        ReportField("responses", _("Responses"), sort_key="responses"),
        ReportField(
            "responses_this_month",
            _("This month"),
            export_label=_("Responses this month"),
            sort_key="responses_this_month",
        ),
    ]

    def get_page_subtitle(self):
        return ""  # surveys are counted over their whole life, not per programme year

    def get_rows(self):
        return figures.survey_responses()


class ReminderEmailsView(CoordinatorReportView):
    page_title = _("Reminder emails")
    header_icon = "mail"
    report_name = "reminder-emails"
    export_log_model = ReminderDelivery
    description = _(
        "The reminder emails of the last two weeks, and every one not sent yet, with how "
        "each went. A failed email was tried several times and refused each time: check the "
        "address, or ask the intranet's team about the mail server. The next day's run tries "
        "again."
    )
    default_ordering = "-changed"
    name_field = "recipient"
    fields = [
        ReportField("recipient", _("Recipient"), sort_key="recipient"),
        ReportField("email", _("Email")),
        ReportField("kind", _("Kind"), sort_key="kind"),
        ReportField("day", _("Day"), sort_key="day"),
        ReportField("status", _("Status"), sort_key="status"),
        ReportField("attempts", _("Attempts"), sort_key="attempts"),
        ReportField("last_error", _("Last error")),
        ReportField("changed", _("Last changed"), sort_key="changed"),
    ]

    def get_page_subtitle(self):
        counts = deliveries.delivery_counts()
        return _("Queued: %(queued)s · Sent: %(sent)s · Failed: %(failed)s") % {
            "queued": counts[DeliveryStatus.QUEUED],
            "sent": counts[DeliveryStatus.SENT],
            "failed": counts[DeliveryStatus.FAILED],
        }

    def get_rows(self):
        return deliveries.delivery_rows()


#: The coordinator reports, in the order of the Reports menu.
REPORTS = [
    AlliesPerUnitView,
    OverdueCommitmentsView,
    MissingAnnualUpdatesView,
    SurveyResponsesView,
    ReminderEmailsView,
]
