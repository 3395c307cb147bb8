"""Accountability status of pledges, from the data already held: the bridge to the pure rules.

The rules are in :mod:`wagtail_allyship.pledges.accountability`; this module gathers their
facts, either from pledges already loaded with their commitments and progress ("My
allyship", no further query) or in two grouped queries for every ally at once (the dashboard
and the annual report), so that the cost does not grow with the number of allies.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges import years
from wagtail_allyship.pledges.accountability import (
    CommitmentFacts,
    PledgeFacts,
    Status,
    accountability_status,
)
from wagtail_allyship.pledges.models import OPEN_STATUSES, Commitment, Pledge


def year_end(programme_year: int) -> datetime.date:
    return years.year_end(programme_year, get_setting("PROGRAMME_YEAR_START_MONTH"))


def status_of(facts: PledgeFacts, today: datetime.date, renewal: bool = True) -> Status:
    """The rules with the host's settings."""
    return accountability_status(
        facts,
        today,
        months=get_setting("ACCOUNTABILITY_MONTHS"),
        renewal_days=get_setting("ACCOUNTABILITY_RENEWAL_DAYS"),
        renewal=renewal,
    )


def my_status(pledges: list[Pledge], today: datetime.date) -> tuple[Pledge, Status] | None:
    """The ally's own status: that of his latest pledge, with the pledges loaded for the page."""
    if not pledges:
        return None
    latest = max(pledges, key=lambda pledge: pledge.programme_year)
    return latest, loaded_pledge_status(latest, later_years=False, today=today)


def loaded_pledge_status(pledge: Pledge, later_years: bool, today: datetime.date) -> Status:
    """Status of a pledge loaded as "My allyship" loads it (commitments and updates prefetched).

    ``later_years`` says whether the ally has a pledge for a later year. Needs
    ``was_carried_over`` on each commitment, as :func:`~.views.mine.my_pledges` annotates it.
    """
    commitments = []
    for commitment in pledge.commitments.all():
        latest = max((update.date for update in commitment.updates.all()), default=None)
        commitments.append(
            CommitmentFacts(
                position=commitment.position,
                deadline=commitment.deadline,
                is_open=commitment.is_open and not commitment.was_carried_over,
                last_logged=latest,
            )
        )
    facts = PledgeFacts(
        made_on=timezone.localdate(pledge.created_at),
        year_end=year_end(pledge.programme_year),
        renewed=later_years,
        commitments=tuple(commitments),
    )
    return status_of(facts, today)


@dataclass
class RatedPledge:
    """One pledge with its status, and who made it (for the coordinators' nudge list)."""

    pledge_id: int
    user_id: int
    programme_year: int
    unit_key: Any
    status: Status


def rate_pledges(pledges, today: datetime.date, renewal: bool = True) -> list[RatedPledge]:
    """Status of every pledge of the queryset ``pledges``, in three queries."""
    rows = list(
        pledges.order_by().values(
            "pk",
            "user_id",
            "programme_year",
            "created_at",
            "user__ally_registration__unit__translation_key",
        )
    )
    latest_year: dict[int, int] = {}
    for row in Pledge.objects.filter(user_id__in={row["user_id"] for row in rows}).values_list(
        "user_id", "programme_year"
    ):
        latest_year[row[0]] = max(latest_year.get(row[0], row[1]), row[1])
    carried = Commitment.objects.filter(carried_over_from=OuterRef("pk"))
    by_pledge: dict[int, list[CommitmentFacts]] = {}
    for row in (
        Commitment.objects.filter(pledge_id__in=[row["pk"] for row in rows])
        .annotate(last_logged=Max("updates__date"), carried_on=Exists(carried))
        .order_by()
        .values("pledge_id", "position", "deadline", "status", "last_logged", "carried_on")
    ):
        by_pledge.setdefault(row["pledge_id"], []).append(
            CommitmentFacts(
                position=row["position"],
                deadline=row["deadline"],
                is_open=row["status"] in OPEN_STATUSES and not row["carried_on"],
                last_logged=row["last_logged"],
            )
        )
    rated = []
    for row in rows:
        facts = PledgeFacts(
            made_on=timezone.localdate(row["created_at"]),
            year_end=year_end(row["programme_year"]),
            renewed=latest_year.get(row["user_id"], 0) > row["programme_year"],
            commitments=tuple(by_pledge.get(row["pk"], ())),
        )
        rated.append(
            RatedPledge(
                pledge_id=row["pk"],
                user_id=row["user_id"],
                programme_year=row["programme_year"],
                unit_key=row["user__ally_registration__unit__translation_key"],
                status=status_of(facts, today, renewal=renewal),
            )
        )
    return rated


def latest_pledges(registrations) -> Any:
    """Each ally's most recent pledge: this year's, or the last one that lapsed (a queryset).

    ``registrations`` is a queryset of the allies to rate (those who have not left).
    """
    newer = Pledge.objects.filter(
        user_id=OuterRef("user_id"), programme_year__gt=OuterRef("programme_year")
    )
    return Pledge.objects.filter(user_id__in=registrations.values("user_id")).filter(~Exists(newer))
