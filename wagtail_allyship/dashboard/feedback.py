"""Feedback in the coordinator dashboard: counts per unit and programme year, never a text.

Coordinators learn how much feedback allies ask for and receive, and that requests were
reported as unwanted, but not what anyone wrote nor who reported: the texts belong to the
ally and the colleague (see :mod:`wagtail_allyship.feedback.models`). One grouped query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail_allyship.dashboard.figures import units_by_key
from wagtail_allyship.dashboard.views import UNIT_FIELDS, CoordinatorReportView
from wagtail_allyship.exports.reports import ReportField
from wagtail_allyship.feedback.models import FeedbackRequest, FeedbackState
from wagtail_allyship.pledges.models import current_programme_year, programme_year_label

UNIT_KEY = "ally__ally_registration__unit__translation_key"


def feedback_counts():
    """Requests per unit key and year, counted by state (one query)."""
    return (
        FeedbackRequest.objects.values(UNIT_KEY, "programme_year")
        .annotate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(state=FeedbackState.ANSWERED)),
            declined=Count("pk", filter=Q(state=FeedbackState.DECLINED)),
            reported=Count("pk", filter=Q(state=FeedbackState.REPORTED)),
            on_wall=Count(
                "pk",
                filter=Q(state=FeedbackState.ANSWERED, writer_agrees=True, ally_agrees=True),
            ),
        )
        .order_by()
    )


@dataclass
class FeedbackRow:
    unit: str
    parent_unit: str
    programme_year: int
    asked: int
    answered: int
    declined: int
    reported: int
    on_wall: int

    @property
    def year(self) -> str:
        return programme_year_label(self.programme_year)


def feedback_per_unit() -> list[FeedbackRow]:
    units = units_by_key()
    rows = []
    for row in feedback_counts():
        unit = units.get(row[UNIT_KEY])
        rows.append(
            FeedbackRow(
                unit=unit.name if unit else "",
                parent_unit=unit.parent_name if unit else "",
                programme_year=row["programme_year"],
                asked=row["asked"],
                answered=row["answered"],
                declined=row["declined"],
                reported=row["reported"],
                on_wall=row["on_wall"],
            )
        )
    return rows


class FeedbackPerUnitView(CoordinatorReportView):
    page_title = _("Feedback per unit")
    header_icon = "comment"
    report_name = "feedback"
    export_log_model = FeedbackRequest
    description = _(
        "How many feedback requests the allies of each unit made in each programme year, and "
        "what became of them. What colleagues wrote, and who reported a request as unwanted, "
        "is never shown here."
    )
    default_ordering = "-programme_year"
    fields = [
        *UNIT_FIELDS,
        ReportField("year", _("Programme year"), sort_key="programme_year"),
        ReportField("asked", _("Requests"), sort_key="asked"),
        ReportField("answered", _("Answered"), sort_key="answered"),
        ReportField("declined", _("Declined"), sort_key="declined"),
        ReportField("reported", _("Reported as unwanted"), sort_key="reported"),
        ReportField("on_wall", _("On the pledge wall"), sort_key="on_wall"),
    ]

    def get_page_subtitle(self):
        return ""  # one row per unit and programme year

    def get_rows(self):
        return feedback_per_unit()


def panel_row() -> tuple:
    """The dashboard panel's line: requests reported as unwanted this programme year."""
    count = FeedbackRequest.objects.filter(
        programme_year=current_programme_year(), state=FeedbackState.REPORTED
    ).count()
    return (
        "warning",
        reverse(FeedbackPerUnitView.url_name()),
        count,
        ngettext(
            "%(number)s feedback request reported as unwanted this year",
            "%(number)s feedback requests reported as unwanted this year",
            count,
        ),
    )


FEEDBACK_REPORTS = [FeedbackPerUnitView]
