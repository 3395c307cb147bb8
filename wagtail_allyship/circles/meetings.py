"""A circle's meetings: the sessions whose sign-up names the circle, and the next of them.

Read by the circles' pages and "My allyship". Each function costs a fixed number of queries
however many circles and meetings there are.
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.sessions.models import SessionSignup


def coming_meetings(now=None):
    """Circle meetings not cancelled and not yet started, soonest first."""
    now = now or timezone.now()
    return SessionSignup.objects.filter(
        circle__isnull=False, cancelled_at__isnull=True, entry__starts_at__gte=now
    ).order_by("entry__starts_at", "pk")


def with_next_meeting(circles, now=None):
    """``circles`` (a queryset) annotated with ``next_meeting_id``."""
    next_one = coming_meetings(now).filter(circle=OuterRef("pk")).values("pk")[:1]
    return circles.annotate(next_meeting_id=Subquery(next_one))


def attach_next_meetings(circles, page=None, request=None) -> None:
    """Give each circle (annotated by :func:`with_next_meeting`) ``next_meeting`` and its
    session address ``next_meeting_url`` (two queries at most, none without meetings)."""
    ids = {circle.next_meeting_id for circle in circles if circle.next_meeting_id}
    found = SessionSignup.objects.filter(pk__in=ids).select_related("entry") if ids else []
    meetings = {meeting.pk: meeting for meeting in found}
    base = calendar_base(page, request) if meetings else ""
    for circle in circles:
        circle.next_meeting = meetings.get(circle.next_meeting_id)
        circle.next_meeting_url = (
            f"{base}/session/{circle.next_meeting.entry.translation_key}/"
            if circle.next_meeting and base
            else ""
        )


def calendar_base(page, request) -> str:
    """The address of a live calendar page, in the page's language if there is one."""
    calendars = CalendarPage.objects.live().order_by("depth", "path")
    locale_id = getattr(page, "locale_id", None)
    calendar = (locale_id and calendars.filter(locale_id=locale_id).first()) or calendars.first()
    if calendar is None:
        return ""
    return (calendar.get_url(request=request) or "").rstrip("/")
