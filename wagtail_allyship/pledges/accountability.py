"""The accountability status of a pledge: green, amber or red, from dates alone (pure).

The rules, with ``N`` the setting ``ACCOUNTABILITY_MONTHS`` (3 by default) and the renewal
window the setting ``ACCOUNTABILITY_RENEWAL_DAYS`` (30 by default):

- A commitment is *open* while it is not started or in progress and was not carried over
  into a later pledge; done and dropped commitments need nothing more.
- An open commitment's *last activity* is the date of its latest progress update or, before
  its first update, the day the pledge was made: a new pledge starts green.
- An open commitment is *quiet* when its last activity is more than ``N`` months before today,
  and *overdue* when its deadline has passed and no progress was logged on or after it.
- The pledge *lapsed* when its programme year is over and the ally has no later pledge; it is
  *due for renewal* when its year ends within the renewal window and there is no later pledge.

**Red**: the pledge lapsed, or it has open commitments and the latest activity on any of them
is more than ``2 × N`` months old (nothing logged for twice the period).
**Amber**: not red, and an open commitment is overdue or quiet, or the pledge is due for
renewal. **Green**: everything else: every open commitment has activity within ``N`` months,
no deadline passed without an update, and the pledge is not due for renewal.

The annual report leaves renewal out (``renewal=False``): it judges a year's pledges on their
commitments, and renewing is the business of the year after.

This module holds plain values only, so that the rules can be checked by hand.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

GREEN = "green"
AMBER = "amber"
RED = "red"

#: The statuses from the best to the worst.
STATUSES = (GREEN, AMBER, RED)

# What stands between a pledge and green, as codes the pages turn into sentences.
LAPSED = "lapsed"
SILENT = "silent"
OVERDUE = "overdue"
QUIET = "quiet"
RENEW = "renew"


@dataclass(frozen=True)
class CommitmentFacts:
    """What the status needs to know of one commitment."""

    position: int
    deadline: datetime.date
    is_open: bool
    #: Date of the latest progress update, if any.
    last_logged: datetime.date | None = None


@dataclass(frozen=True)
class PledgeFacts:
    """What the status needs to know of one pledge."""

    made_on: datetime.date
    year_end: datetime.date
    #: Whether the ally has a pledge for a later programme year.
    renewed: bool
    commitments: tuple[CommitmentFacts, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One thing that keeps a pledge from green; ``position`` names the commitment, if any."""

    code: str
    position: int | None = None


@dataclass(frozen=True)
class Status:
    status: str
    reasons: tuple[Reason, ...] = field(default=())

    @property
    def is_green(self) -> bool:
        return self.status == GREEN


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier, or the last day of that month if shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_activity(commitment: CommitmentFacts, made_on: datetime.date) -> datetime.date:
    return commitment.last_logged or made_on


def is_overdue(commitment: CommitmentFacts, today: datetime.date) -> bool:
    """Open, past its deadline, and nothing logged on or after the deadline."""
    return (
        commitment.is_open
        and commitment.deadline < today
        and (commitment.last_logged is None or commitment.last_logged < commitment.deadline)
    )


def accountability_status(
    pledge: PledgeFacts,
    today: datetime.date,
    months: int,
    renewal_days: int,
    renewal: bool = True,
) -> Status:
    """Green, amber or red for ``pledge`` on ``today``, with what keeps it from green."""
    open_ones = [c for c in pledge.commitments if c.is_open]
    if renewal and pledge.year_end < today and not pledge.renewed:
        return Status(RED, (Reason(LAPSED),))
    if open_ones:
        latest = max(last_activity(c, pledge.made_on) for c in open_ones)
        if latest < months_before(today, 2 * months):
            return Status(RED, (Reason(SILENT),))
    quiet_since = months_before(today, months)
    reasons = []
    for commitment in sorted(open_ones, key=lambda c: c.position):
        if is_overdue(commitment, today):
            reasons.append(Reason(OVERDUE, commitment.position))
        elif last_activity(commitment, pledge.made_on) < quiet_since:
            reasons.append(Reason(QUIET, commitment.position))
    due = pledge.year_end - datetime.timedelta(days=renewal_days)
    if renewal and not pledge.renewed and due <= today <= pledge.year_end:
        reasons.append(Reason(RENEW))
    return Status(AMBER if reasons else GREEN, tuple(reasons))
