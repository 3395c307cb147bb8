"""The coordinator dashboard's figures: plain rows per unit, built from grouped queries.

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
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from wagtail_allyship.pledges.models import Commitment, current_programme_year
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
from wagtail_allyship.reports.figures import year_range
from wagtail_allyship.reports.models import AnnualUpdate, AnnualUpdateStatus
from wagtail_allyship.resources.models import overdue_resources
from wagtail_allyship.survey.models import FeedbackSurveyPage, SurveyResponse
from wagtail_allyship.units.models import OrganisationUnit

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
