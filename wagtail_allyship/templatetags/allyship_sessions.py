"""Template tags of session sign-up for other pages: the reader's own sessions.

``{% load allyship_sessions %}{% allyship_my_sessions %}`` shows the logged-in reader's next
sessions (a place or a turn on the waiting list) and the sessions they attended, each with a
link to its feedback until they answer; "My allyship" includes it, and a host can put it on
any page of its own. ``{% allyship_my_next_session %}`` shows only the next one, for a
programme's home page.
"""

from __future__ import annotations

from django import template

from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.session_feedback.answers import answered_keys
from wagtail_allyship.sessions.mine import my_sessions
from wagtail_allyship.sessions.states import ordinal, waiting_position

register = template.Library()


def _calendar_url(page, request) -> str:
    """A live calendar page, in the page's language if there is one (one query)."""
    calendars = CalendarPage.objects.live().order_by("depth", "path")
    locale_id = getattr(page, "locale_id", None)
    calendar = (locale_id and calendars.filter(locale_id=locale_id).first()) or calendars.first()
    if calendar is None:
        return ""
    return calendar.get_url(request=request) or ""


@register.inclusion_tag("wagtail_allyship/sessions/includes/my_sessions.html", takes_context=True)
def allyship_my_sessions(context) -> dict:
    """The reader's coming sessions and those they attended (nothing for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"coming": [], "attended": []}
    coming, attended = my_sessions(user, annotate={"position": waiting_position()})
    base = _calendar_url(context.get("page"), request).rstrip("/") if coming or attended else ""
    for registration in coming:
        key = registration.signup.entry.translation_key
        registration.url = f"{base}/session/{key}/" if base else ""
        registration.position_label = (
            ordinal(registration.position) if registration.is_waiting else ""
        )
    add_feedback_links(attended, user, base)
    return {"coming": coming, "attended": attended, "shown": True}


def add_feedback_links(attended: list, user, base: str) -> None:
    """Give each attended session not yet answered about its feedback address (one query)."""
    answered = answered_keys([r.signup for r in attended if not r.signup.is_cancelled], user)
    for registration in attended:
        signup = registration.signup
        open_ = base and not signup.is_cancelled and signup.pk not in answered
        key = signup.entry.translation_key
        registration.feedback_url = f"{base}/session/{key}/feedback/" if open_ else ""


@register.inclusion_tag(
    "wagtail_allyship/sessions/includes/my_next_session.html", takes_context=True
)
def allyship_my_next_session(context) -> dict:
    """The reader's own next session (a place or a turn), for a programme's home page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"registration": None}
    coming, _attended = my_sessions(user, limit=1, annotate={"position": waiting_position()})
    if not coming:
        return {"registration": None}
    registration = coming[0]
    base = _calendar_url(context.get("page"), request).rstrip("/")
    key = registration.signup.entry.translation_key
    registration.url = f"{base}/session/{key}/" if base else ""
    registration.position_label = ordinal(registration.position) if registration.is_waiting else ""
    return {"registration": registration}
