"""Template tags that bring the allyship calendar onto other pages, e.g. the intranet home.

``{% load allyship_calendar %}{% allyship_next_session %}`` shows the next good-practice
session in the current language (nothing at all when none is planned);
``{% allyship_get_next_session as session %}`` gives the entry itself for a design of your own.
"""

from __future__ import annotations

from django import template
from wagtail.models import Locale

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.sessions.states import session_states

register = template.Library()


def _locale_id(context) -> int | None:
    page = context.get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


@register.simple_tag(takes_context=True)
def allyship_get_next_session(context) -> AwarenessDate | None:
    """The next good-practice session (not yet over) in the current page's language."""
    locale_id = _locale_id(context)
    if locale_id is None:
        return None
    # A circle's meetings belong to its members (see "Your next session" and the circle's own
    # page), not to the programme's open sessions, so this box never offers one.
    entries = AwarenessDate.objects.filter(locale_id=locale_id).exclude(
        signup__circle__isnull=False
    )
    return entries.next_session()


@register.inclusion_tag("wagtail_allyship/calendar/includes/next_session.html", takes_context=True)
def allyship_next_session(context) -> dict:
    """A box with the next good-practice session, its link and an 'add to my calendar' link."""
    session = allyship_get_next_session(context)
    if session is None:
        return {"session": None}
    request = context.get("request")
    calendar = CalendarPage.objects.live().filter(locale_id=session.locale_id).first()
    calendar_url = calendar.get_url(request=request) if calendar else ""
    key = session.translation_key
    user = getattr(request, "user", None)
    state = session_states([key], user).get(key)
    signup_url = ""
    if state is not None and calendar_url:
        signup_url = (
            calendar_url.rstrip("/") + "/" + calendar.reverse_subpage("session", args=[key])
        )
    return {
        "session": session,
        # An entry that takes sign-ups gives its link only to the people with a place.
        "state": state,
        "signup_url": signup_url,
        "show_link": state is None or state.shows_link,
        "when": session.schedule(),
        "calendar_url": calendar_url,
        "download_url": calendar.event_download_url(session, base=calendar_url)
        if calendar_url
        else "",
    }
