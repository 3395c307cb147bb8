"""Accountability in the coordinator dashboard: statuses per unit, and who needs a nudge.

Each ally who has not left the programme is rated on his most recent pledge (this year's, or
the last one, which has then lapsed), by the rules of
:mod:`wagtail_allyship.pledges.accountability`. Both reports follow the shape of the other
dashboard reports (:class:`~wagtail_allyship.dashboard.views.CoordinatorReportView`) and cost
a fixed number of queries.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.dashboard.figures import current_allies, units_by_key
from wagtail_allyship.dashboard.views import UNIT_FIELDS, CoordinatorReportView
from wagtail_allyship.exports.reports import ReportField
from wagtail_allyship.pledges import accountability as rules
from wagtail_allyship.pledges.models import Pledge
from wagtail_allyship.pledges.status import RatedPledge, latest_pledges, rate_pledges
from wagtail_allyship.registry.models import display_name


def rated_allies(today: datetime.date | None = None) -> list[RatedPledge]:
    """Every current ally's latest pledge with its status (three queries)."""
    today = today or timezone.localdate()
    return rate_pledges(latest_pledges(current_allies()), today)


@dataclass
class StatusRow:
    unit: str
    parent_unit: str
    green: int
    amber: int
    red: int


def statuses_per_unit(today: datetime.date | None = None) -> list[StatusRow]:
    """How many allies of each unit are green, amber and red (units with none are left out)."""
    counts: dict = {}
    for rated in rated_allies(today):
        counts.setdefault(rated.unit_key, Counter())[rated.status.status] += 1
    rows = []
    for key, unit in units_by_key().items():
        if key in counts:
            found = counts[key]
            rows.append(
                StatusRow(
                    unit.name,
                    unit.parent_name,
                    found[rules.GREEN],
                    found[rules.AMBER],
                    found[rules.RED],
                )
            )
    return rows


def reason_text(reasons) -> str:
    """What keeps a pledge from green, in a few words, without the commitments' own text."""
    codes = Counter(reason.code for reason in reasons)
    parts = []
    if codes[rules.LAPSED]:
        parts.append(gettext("pledge lapsed"))
    if codes[rules.SILENT]:
        parts.append(gettext("nothing logged for a long time"))
    if codes[rules.OVERDUE]:
        parts.append(
            ngettext(
                "%(count)d deadline passed without an update",
                "%(count)d deadlines passed without an update",
                codes[rules.OVERDUE],
            )
            % {"count": codes[rules.OVERDUE]}
        )
    if codes[rules.QUIET]:
        parts.append(
            ngettext(
                "%(count)d commitment with no recent progress",
                "%(count)d commitments with no recent progress",
                codes[rules.QUIET],
            )
            % {"count": codes[rules.QUIET]}
        )
    if codes[rules.RENEW]:
        parts.append(gettext("due for renewal"))
    return "; ".join(parts)


@dataclass
class NudgeRow:
    name: str
    email: str
    unit: str
    status_code: str
    what: str

    @property
    def status(self) -> str:
        return str(STATUS_LABELS[self.status_code])

    @property
    def severity(self) -> int:
        return rules.STATUSES.index(self.status_code)


STATUS_LABELS = {rules.GREEN: _("Green"), rules.AMBER: _("Amber"), rules.RED: _("Red")}


def allies_to_nudge(today: datetime.date | None = None) -> list[NudgeRow]:
    """Current allies whose status is amber or red, with what would turn it green."""
    rated = [row for row in rated_allies(today) if not row.status.is_green]
    users = get_user_model().objects.in_bulk([row.user_id for row in rated])
    units = units_by_key()
    rows = []
    for row in rated:
        user, unit = users.get(row.user_id), units.get(row.unit_key)
        rows.append(
            NudgeRow(
                name=display_name(user),
                email=user.email if user else "",
                unit=unit.name if unit else "",
                status_code=row.status.status,
                what=reason_text(row.status.reasons),
            )
        )
    return rows


class AccountabilityPerUnitView(CoordinatorReportView):
    page_title = _("Accountability per unit")
    header_icon = "tasks"
    report_name = "accountability"
    export_log_model = Pledge
    description = _(
        "How many allies of each unit are green, amber or red, judged on their latest pledge. "
        "The rules are in the documentation for coordinators."
    )
    default_ordering = "-red"
    fields = [
        *UNIT_FIELDS,
        ReportField("green", _("Green"), sort_key="green"),
        ReportField("amber", _("Amber"), sort_key="amber"),
        ReportField("red", _("Red"), sort_key="red"),
    ]

    def get_rows(self):
        return statuses_per_unit()


class AlliesToNudgeView(CoordinatorReportView):
    page_title = _("Allies who need a nudge")
    header_icon = "mail"
    report_name = "nudge"
    export_log_model = Pledge
    description = _(
        "Allies whose pledge is amber or red, with what would turn it green. Red first."
    )
    default_ordering = "-severity"
    name_field = "name"
    fields = [
        ReportField("name", _("Ally"), sort_key="name"),
        ReportField("email", _("Email")),
        ReportField("unit", _("Unit"), sort_key="unit"),
        ReportField("status", _("Status"), sort_key="severity"),
        ReportField("what", _("What would turn it green")),
    ]

    def get_rows(self):
        return allies_to_nudge()


def panel_row() -> tuple:
    """The dashboard panel's line: how many allies need a nudge, linking to the list."""
    count = sum(1 for row in rated_allies() if not row.status.is_green)
    return (
        "tasks",
        reverse(AlliesToNudgeView.url_name()),
        count,
        ngettext("%(number)s ally needs a nudge", "%(number)s allies need a nudge", count),
    )


#: The accountability reports, after the others in the Reports menu.
ACCOUNTABILITY_REPORTS = [AccountabilityPerUnitView, AlliesToNudgeView]
