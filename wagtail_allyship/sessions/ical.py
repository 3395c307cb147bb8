"""The calendar file of one person's place: one UID per registration, updated and cancelled.

Each registration has its own UID, so that the file a person downloads again after a change
replaces the entry in their calendar instead of adding a second one. The file is an iTIP
message (RFC 5546): ``METHOD:REQUEST`` with ``STATUS:CONFIRMED`` while the place stands, and
``METHOD:CANCEL`` with ``STATUS:CANCELLED`` once the place or the session is cancelled.
``SEQUENCE`` goes up with every change to the session's time, place or link, and when the
place is cancelled, which is how calendar apps know the newer file wins.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, vCalAddress

from wagtail_allyship.calendar import ical
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.sessions.models import AttendanceMode, SessionRegistration


def is_cancelled(registration: SessionRegistration) -> bool:
    return registration.is_cancelled or registration.signup.is_cancelled


def organiser_address() -> str:
    address = getattr(settings, "DEFAULT_FROM_EMAIL", "") or "webmaster@localhost"
    return f"mailto:{address}"


def registration_entry(registration: SessionRegistration, entry, url: str) -> ical.IcsEntry:
    """The entry as the calendar's file describes it, under this registration's UID."""
    base = entry.ics_entry(url=url)
    mode = registration.signup.mode
    location = entry.location if mode != AttendanceMode.ONLINE else ""
    online = entry.online_link if mode != AttendanceMode.IN_PERSON else ""
    return dataclasses.replace(
        base,
        uid=registration.ics_uid(),
        stamp=timezone.now(),
        location=location or online,
        url=online or entry.link or url,
        busy=True,
    )


def registration_calendar(registration: SessionRegistration, entry, url: str = "") -> bytes:
    """The iCalendar file of ``registration``'s place at ``entry`` (in the reader's language)."""
    cancelled = is_cancelled(registration)
    event = ical.build_event(registration_entry(registration, entry, url))
    event.add("sequence", registration.ics_sequence())
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("organizer", vCalAddress(organiser_address()))
    attendee = vCalAddress(f"mailto:{registration.user.email or registration.user.get_username()}")
    attendee.params["CN"] = display_name(registration.user)
    attendee.params["ROLE"] = "REQ-PARTICIPANT"
    attendee.params["PARTSTAT"] = "DECLINED" if cancelled else "ACCEPTED"
    event.add("attendee", attendee)
    cal = Calendar()
    cal.add("prodid", ical.PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    cal.add_component(event)
    start = event.decoded("dtstart")
    if isinstance(start, datetime):
        cal.add_missing_timezones(
            first_date=start.date() - timedelta(days=366),
            last_date=start.date() + timedelta(days=366),
        )
    return cal.to_ical()
