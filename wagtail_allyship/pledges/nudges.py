"""Which allies the reminders nudge about their accountability status, and what they are told.

The reminder emails follow the same status as "My allyship" and the coordinators' list of
who needs a nudge (:mod:`wagtail_allyship.pledges.status`): an ally whose latest pledge is
amber or red is told so, with what would turn it green, at most once a calendar month while
it stays that way. The nudge is folded into the ally's deadline reminder when both fall on
the same run, so that he gets one email, not two.

A nudge is claimed like any reminder, by a :class:`SentReminder` row of kind ``status``
dated the first day of the month, on the pledge's first commitment: the unique constraint
stops a second copy in the same month, from any number of runs or workers.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from wagtail_allyship.pledges import accountability as rules
from wagtail_allyship.pledges.models import Commitment, ReminderKind, SentReminder
from wagtail_allyship.pledges.status import latest_pledges, rate_pledges
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


@dataclass
class Nudge:
    """One ally's status and what keeps it from green (with the commitments it names)."""

    user_id: int
    pledge_id: int
    status: str
    #: The commitment the claim is recorded against: the pledge's first.
    anchor: Commitment
    #: ``{"code": …, "commitment": Commitment | None}`` in the order of the rules.
    reasons: list[dict] = field(default_factory=list)


def nudged_registrations(user_id: int | None = None):
    """Allies the reminders may write to: active, reminders on, with an email address."""
    registrations = AllyRegistration.objects.filter(
        status=RegistrationStatus.ACTIVE, reminders_on=True, user__is_active=True
    ).exclude(user__email="")
    if user_id is not None:
        registrations = registrations.filter(user_id=user_id)
    return registrations


def status_nudges(today: datetime.date, user_id: int | None = None) -> dict[int, Nudge]:
    """The nudges of ``today`` by user id, not yet sent this month (five queries in all)."""
    rated = [
        row
        for row in rate_pledges(latest_pledges(nudged_registrations(user_id)), today)
        if not row.status.is_green
    ]
    if not rated:
        return {}
    already = set(
        SentReminder.objects.filter(
            kind=ReminderKind.STATUS,
            for_date=month_start(today),
            user_id__in=[row.user_id for row in rated],
        ).values_list("user_id", flat=True)
    )
    commitments: dict[int, dict[int, Commitment]] = {}
    for commitment in Commitment.objects.filter(
        pledge_id__in=[row.pledge_id for row in rated]
    ).order_by("pledge_id", "position"):
        commitments.setdefault(commitment.pledge_id, {})[commitment.position] = commitment
    nudges = {}
    for row in rated:
        by_position = commitments.get(row.pledge_id)
        if row.user_id in already or not by_position:
            continue
        nudges[row.user_id] = Nudge(
            user_id=row.user_id,
            pledge_id=row.pledge_id,
            status=row.status.status,
            anchor=by_position[min(by_position)],
            reasons=[
                {"code": reason.code, "commitment": by_position.get(reason.position)}
                for reason in row.status.reasons
            ],
        )
    return nudges


def claim_row(user, nudge: Nudge, today: datetime.date) -> SentReminder:
    return SentReminder(
        user=user, commitment=nudge.anchor, kind=ReminderKind.STATUS, for_date=month_start(today)
    )


def status_counts(today: datetime.date) -> Counter:
    """How many active allies are amber and red today, for the coordinators' digest."""
    registrations = AllyRegistration.objects.filter(status=RegistrationStatus.ACTIVE)
    return Counter(
        row.status.status
        for row in rate_pledges(latest_pledges(registrations), today)
        if row.status.status != rules.GREEN
    )
