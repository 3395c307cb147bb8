"""Date rules of the allyship calendar, as plain functions (no Django).

Two kinds of entry share these rules:

* A **yearly date** is a month and a day, with an optional end month and day. An end that
  comes earlier in the year than the start means the range runs on into the next year
  (20 December to 5 January).
* A **one-off event** has a start date and, optionally, a start time, an end date and an end
  time, all read as wall-clock values in an IANA time zone ("Europe/London").

Rules worth knowing:

* **29 February** is a valid yearly date. In a year without it, the date is observed on
  28 February, the last day of that February. (An iCalendar feed says the same with
  ``BYMONTH=2;BYMONTHDAY=-1``, so calendar clients agree with the pages.)
* **Clocks going forward**: a wall-clock time that does not exist on that day in that time
  zone is refused (:class:`NonExistentTimeError`). **Clocks going back**: a time that
  happens twice means the first of the two.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

T = TypeVar("T")

#: A leap year, to decide whether a month and day can ever exist.
_LEAP_YEAR = 2000


class NonExistentTimeError(ValueError):
    """A wall-clock time that is skipped when the clocks go forward."""


class EndBeforeStartError(ValueError):
    """An event that ends before it starts."""


class MissingEndTimeError(ValueError):
    """A timed event that ends on a later day but has no end time."""


@dataclass(frozen=True)
class Occurrence:
    """One showing of a yearly date: its first and last day (inclusive)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and self.end >= first


# yearly dates ---------------------------------------------------------------------------


def is_valid_month_day(month: int | None, day: int | None) -> bool:
    """Whether ``day`` exists in ``month`` in some year (29 February does)."""
    if not isinstance(month, int) or not isinstance(day, int) or not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(_LEAP_YEAR, month)[1]


def observed_date(year: int, month: int, day: int) -> date:
    """The date ``month``/``day`` is observed in ``year`` (29 February → 28 in other years)."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def crosses_year_end(month: int, day: int, end_month: int | None, end_day: int | None) -> bool:
    """Whether a yearly range ends in the year after it starts."""
    return end_month is not None and end_day is not None and (end_month, end_day) < (month, day)


def yearly_occurrence(
    year: int, month: int, day: int, end_month: int | None = None, end_day: int | None = None
) -> Occurrence:
    """The showing of a yearly date that starts in ``year``."""
    start = observed_date(year, month, day)
    if end_month is None or end_day is None:
        return Occurrence(start, start)
    end_year = year + 1 if crosses_year_end(month, day, end_month, end_day) else year
    end = observed_date(end_year, end_month, end_day)
    return Occurrence(start, max(start, end))


def yearly_occurrences(
    month: int,
    day: int,
    end_month: int | None,
    end_day: int | None,
    first: date,
    last: date,
) -> list[Occurrence]:
    """Every showing of a yearly date that has at least one day from ``first`` to ``last``.

    A showing that started before ``first`` and is still running is included.
    """
    found = []
    for year in range(first.year - 1, last.year + 1):
        occurrence = yearly_occurrence(year, month, day, end_month, end_day)
        if occurrence.overlaps(first, last):
            found.append(occurrence)
    return found


def next_yearly_occurrence(
    month: int, day: int, end_month: int | None, end_day: int | None, on_or_after: date
) -> Occurrence:
    """The first showing that has not ended before ``on_or_after`` (it may be running)."""
    for year in (on_or_after.year - 1, on_or_after.year, on_or_after.year + 1):
        occurrence = yearly_occurrence(year, month, day, end_month, end_day)
        if occurrence.end >= on_or_after:
            return occurrence
    raise AssertionError("a yearly date always comes round within a year")  # pragma: no cover


# months -----------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_ahead(today: date, count: int = 12) -> tuple[date, date]:
    """From ``today`` to the last day of the ``count``-th month (the current one is the first)."""
    return today, add_months(today, count) - timedelta(days=1)


def group_by_month(items: Iterable[T], key: Callable[[T], date]) -> list[tuple[date, list[T]]]:
    """``items`` in date order, grouped by month; each group is keyed by its month's first day."""
    groups: dict[date, list[T]] = {}
    for item in sorted(items, key=key):
        day = key(item)
        groups.setdefault(date(day.year, day.month, 1), []).append(item)
    return list(groups.items())


# time zones and one-off events ------------------------------------------------------------


@lru_cache(maxsize=1)
def time_zone_names() -> tuple[str, ...]:
    """Every IANA time zone name the system knows, sorted (fixed for the life of a process)."""
    return tuple(sorted(available_timezones()))


def get_time_zone(name: str | None) -> ZoneInfo | None:
    """The time zone called ``name``, or ``None`` if there is no such zone."""
    if not name or name not in time_zone_names():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def time_exists(day: date, at: time, zone: tzinfo) -> bool:
    """Whether the wall-clock time ``at`` happens on ``day`` in ``zone``."""
    naive = datetime.combine(day, at)
    back = naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    return back.replace(tzinfo=None) == naive


def local_datetime(day: date, at: time, zone: tzinfo) -> datetime:
    """``day`` at ``at`` in ``zone``, aware; the earlier one when the time happens twice."""
    if not time_exists(day, at, zone):
        raise NonExistentTimeError(f"{day} {at} does not exist in {zone}")
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0)


@dataclass(frozen=True)
class EventTimes:
    """When a one-off event takes place, in its own time zone and in UTC.

    All-day events have ``all_day`` set; their ``end`` is the start of the day after the last
    day (exclusive, as in iCalendar). Timed events without an end time end when they start.
    """

    start: datetime
    end: datetime
    all_day: bool

    @property
    def start_utc(self) -> datetime:
        return self.start.astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        return self.end.astimezone(UTC)

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        if self.all_day:
            return (self.end - timedelta(days=1)).date()
        return self.end.date()


def event_times(
    starts_on: date,
    start_time: time | None,
    ends_on: date | None,
    end_time: time | None,
    zone: tzinfo,
) -> EventTimes:
    """The start and end of a one-off event; raises ``ValueError`` for impossible input.

    Raises :class:`NonExistentTimeError` for a time skipped by the clocks going forward,
    :class:`EndBeforeStartError` when the end comes before the start, and
    :class:`MissingEndTimeError` for a timed event that ends on a later day at no given time.
    """
    last_day = ends_on or starts_on
    if last_day < starts_on:
        raise EndBeforeStartError("the event ends before it starts")
    if start_time is None:
        start = datetime.combine(starts_on, time(0)).replace(tzinfo=zone)
        end = datetime.combine(last_day + timedelta(days=1), time(0)).replace(tzinfo=zone)
        return EventTimes(start, end, all_day=True)
    start = local_datetime(starts_on, start_time, zone)
    if end_time is None:
        if last_day != starts_on:
            raise MissingEndTimeError("an event that ends on a later day needs an end time")
        return EventTimes(start, start, all_day=False)
    end = local_datetime(last_day, end_time, zone)
    if end < start:
        raise EndBeforeStartError("the event ends before it starts")
    return EventTimes(start, end, all_day=False)
