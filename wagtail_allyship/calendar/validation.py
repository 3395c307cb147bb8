"""Why a calendar entry cannot be saved as it is: one function per rule, each naming its field.

``AwarenessDate.clean`` calls :func:`yearly_errors` or :func:`event_errors` and raises what
they return: a message per field, saying what to change.
"""

from __future__ import annotations

import calendar as calendar_module

from django.conf import settings
from django.utils import formats
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.calendar import recurrence

MONTH_CHOICES = list(MONTHS.items())

#: A leap year, so that 29 February can be printed.
LEAP_YEAR = 2000


def month_name(number: int) -> str:
    """The translated name of month ``number`` (1 = January)."""
    return str(dict(MONTH_CHOICES)[number])


def default_time_zone() -> str:
    """The host's ``TIME_ZONE`` if it is a real IANA zone, else UTC."""
    name = getattr(settings, "TIME_ZONE", None) or "UTC"
    return name if recurrence.get_time_zone(name) else "UTC"


def no_such_day(month: int, day: int) -> str:
    last = calendar_module.monthrange(LEAP_YEAR, month)[1]
    return _("%(month)s has no day %(day)s. Choose a day from 1 to %(last)s.") % {
        "month": month_name(month),
        "day": day,
        "last": last,
    }


# Yearly dates -------------------------------------------------------------------------------


def yearly_errors(entry) -> dict[str, str]:
    """A yearly date needs a real month and day; an end day needs its month, and the other way.

    An end equal to the start is cleared: the date is one day long.
    """
    errors = {}
    if entry.month is None:
        errors["month"] = _("Choose the month of the yearly date.")
    if entry.day is None:
        errors["day"] = _("Give the day of the month, e.g. 8 for 8 March.")
    if not errors and not recurrence.is_valid_month_day(entry.month, entry.day):
        errors["day"] = no_such_day(entry.month, entry.day)
    if (entry.end_month is None) != (entry.end_day is None):
        if entry.end_month is None:
            errors["end_month"] = _("Choose the month of the last day too, or clear the end day.")
        else:
            errors["end_day"] = _("Give the last day too, or clear the end month.")
    elif entry.end_month is not None and not recurrence.is_valid_month_day(
        entry.end_month, entry.end_day
    ):
        errors["end_day"] = no_such_day(entry.end_month, entry.end_day)
    elif (entry.end_month, entry.end_day) == (entry.month, entry.day):
        entry.end_month = entry.end_day = None
    return errors


# Events and sessions -------------------------------------------------------------------------


def missing_field_errors(entry) -> dict[str, str]:
    errors = {}
    if entry.starts_on is None:
        errors["starts_on"] = _("Give the day the event starts.")
    if entry.end_time is not None and entry.start_time is None:
        errors["start_time"] = _("Give a start time too, or clear the end time.")
    if entry.is_session:
        if entry.topic_id is None:
            errors["topic"] = _("A good-practice session needs a theme: choose a topic.")
        if not entry.online_link:
            errors["online_link"] = _("Give the address people use to join the session.")
    return errors


def time_zone_errors(entry, zone) -> dict[str, str]:
    """A time zone must be known, and is needed as soon as the entry has a time."""
    if entry.time_zone and zone is None:
        return {
            "time_zone": _(
                "“%(zone)s” is not a time zone we know. Choose one from the list, e.g. "
                "Europe/London."
            )
            % {"zone": entry.time_zone}
        }
    if zone is None and entry.start_time is not None:
        return {
            "time_zone": _(
                "Choose the time zone the start and end times are in, e.g. Europe/London."
            )
        }
    return {}


def clock_change_errors(entry, zone) -> dict[str, str]:
    """A time that the clocks skip on that day (spring forward) cannot be chosen."""
    errors = {}
    for field, day, at in (
        ("start_time", entry.starts_on, entry.start_time),
        ("end_time", entry.ends_on or entry.starts_on, entry.end_time),
    ):
        if at is not None and not recurrence.time_exists(day, at, zone):
            errors[field] = _(
                "%(time)s does not exist in %(zone)s on %(date)s: the clocks go forward "
                "that night. Choose a time an hour later."
            ) % {
                "time": formats.time_format(at, "TIME_FORMAT"),
                "zone": entry.time_zone,
                "date": formats.date_format(day, "DATE_FORMAT"),
            }
    return errors


def order_errors(entry) -> dict[str, str]:
    """The end comes after the start; an end on a later day needs its time."""
    try:
        entry.event_times()
    except recurrence.EndBeforeStartError:
        field = "ends_on" if entry.ends_on and entry.ends_on < entry.starts_on else "end_time"
        return {field: _("The event ends before it starts. Check the end date and time.")}
    except recurrence.MissingEndTimeError:
        return {
            "end_time": _(
                "The event ends on a later day: give the time it ends, or clear the end date."
            )
        }
    return {}


def event_errors(entry) -> dict[str, str]:
    """A one-off event or session: the rules in order, each only once the earlier ones hold."""
    zone = recurrence.get_time_zone(entry.time_zone)
    errors = {**missing_field_errors(entry), **time_zone_errors(entry, zone)}
    if errors:
        return errors
    zone = zone or recurrence.get_time_zone(default_time_zone())
    return clock_change_errors(entry, zone) or order_errors(entry)
