"""iCalendar (RFC 5545) files of the allyship calendar, built with the ``icalendar`` library.

Plain data in, bytes out: the models describe each entry as an :class:`IcsEntry` and this
module turns a list of them into a calendar file. The library escapes text values (commas,
semicolons, backslashes and line breaks) and folds long lines, and the time zones of timed
events are written out as ``VTIMEZONE`` components, so that clients need nothing else.

The files carry no ``METHOD``: RFC 5545 then reads ``DTSTAMP`` as the time the entry was last
changed, which keeps a file the same from one request to the next until an editor changes
something (clients and caches see no false updates).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from wagtail_allyship.calendar import recurrence

PRODUCT_ID = "-//wagtail-allyship//Allyship calendar//EN"

#: ``text/calendar`` with the charset every iCalendar file uses.
CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class IcsEntry:
    """One entry of a calendar file: a yearly all-day date or a one-off event.

    For a yearly date, give ``yearly`` as ``(month, day, end_month, end_day)`` and
    ``first_year``; for a one-off event, give ``start`` and ``end``: dates for an all-day
    event (``end`` is the day after the last day), aware datetimes for a timed one.
    """

    uid: str
    title: str
    stamp: datetime
    description: str = ""
    url: str = ""
    location: str = ""
    categories: tuple[str, ...] = ()
    language: str = ""
    yearly: tuple[int, int, int | None, int | None] | None = None
    first_year: int | None = None
    start: date | datetime | None = None
    end: date | datetime | None = None
    busy: bool = False


def yearly_rule(month: int, day: int) -> dict:
    """The RRULE of a yearly date; 29 February becomes the last day of February."""
    if month == 2 and day == 29:
        return {"FREQ": "YEARLY", "BYMONTH": 2, "BYMONTHDAY": -1}
    return {"FREQ": "YEARLY"}


def _text(event: Event, name: str, value: str, language: str) -> None:
    if value:
        event.add(name, value, parameters={"LANGUAGE": language} if language else None)


def build_event(entry: IcsEntry) -> Event:
    """The ``VEVENT`` of one entry."""
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", entry.stamp.astimezone(UTC))
    event.add("last-modified", entry.stamp.astimezone(UTC))
    _text(event, "summary", entry.title, entry.language)
    _text(event, "description", entry.description, entry.language)
    _text(event, "location", entry.location, entry.language)
    if entry.url:
        event.add("url", entry.url)
    if entry.categories:
        event.add("categories", list(entry.categories))
    if entry.yearly is not None:
        month, day, end_month, end_day = entry.yearly
        year = entry.first_year or datetime.now(UTC).year
        occurrence = recurrence.yearly_occurrence(year, month, day, end_month, end_day)
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end + timedelta(days=1))
        event.add("rrule", yearly_rule(month, day))
    else:
        event.add("dtstart", entry.start)
        if entry.end is not None and entry.end != entry.start:
            event.add("dtend", entry.end)
    event.add("transp", "OPAQUE" if entry.busy else "TRANSPARENT")
    return event


def build_calendar(
    entries: Iterable[IcsEntry], name: str = "", description: str = "", language: str = ""
) -> bytes:
    """A complete calendar file holding ``entries``."""
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", description)
    timed = []
    for entry in entries:
        cal.add_component(build_event(entry))
        if isinstance(entry.start, datetime):
            timed.append(entry)
    if timed:
        # Only the transitions around the events, not decades of them.
        first = min(entry.start for entry in timed).date() - timedelta(days=366)
        last = max((entry.end or entry.start) for entry in timed).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()
