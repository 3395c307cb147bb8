"""Signing up on the calendar page: a session's page, sign up, cancel, the place's file.

These views serve addresses of the calendar page (see :mod:`wagtail_allyship.sessions.urls`).
The page itself and its feeds are the calendar's; here they learn which entries take
sign-ups, so that the room and the online link reach only the people with a place.
Everything a person does is a POST with Django's CSRF check; each answer is a redirect with a
message that says what happened, or why nothing did.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail_allyship.calendar import views as calendar_views
from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.content.responses import login_redirect, personal
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.ical import registration_calendar
from wagtail_allyship.sessions.members import hidden_keys
from wagtail_allyship.sessions.models import SessionRegistration, SessionSignup
from wagtail_allyship.sessions.states import session_states, status_text

SESSION_TEMPLATE = "wagtail_allyship/sessions/session.html"


def private_keys() -> frozenset:
    """Translation keys of the entries that take sign-ups (their details are for places)."""
    return frozenset(SessionSignup.objects.values_list("entry__translation_key", flat=True))


def session_url(page: CalendarPage, key, request=None, base: str = "") -> str:
    base = base or page.get_url(request=request) or ""
    return base.rstrip("/") + "/" + page.reverse_subpage("session", args=[key])


# The calendar's own addresses, with sign-up added ------------------------------------


def index(page: CalendarPage, request) -> HttpResponse:
    """The calendar page, each session with its places left and the reader's place."""
    response = calendar_views.index(page, request)
    context = response.context_data
    items = [item for _month, month_items in context["month_groups"] for item in month_items]
    items += context["past_items"]
    states = session_states({item.entry.translation_key for item in items}, request.user)
    _leave_out_hidden(context, states)
    base = page.get_url(request=request) or ""
    for item in items:
        item.signup = states.get(item.entry.translation_key)
        if item.signup is not None:
            item.session_url = session_url(page, item.entry.translation_key, base=base)
    return personal(response) if request.user.is_authenticated else response


def _leave_out_hidden(context: dict, states: dict) -> None:
    """Take the meetings of circles the reader is not in off the page."""
    hidden = {key for key, state in states.items() if state.hidden}
    if not hidden:
        return
    context["month_groups"] = [
        (month, kept)
        for month, month_items in context["month_groups"]
        if (kept := [item for item in month_items if item.entry.translation_key not in hidden])
    ]
    context["past_items"] = [
        item for item in context["past_items"] if item.entry.translation_key not in hidden
    ]


# The feed is a shared address (calendar apps fetch it without logging in): it never holds a
# circle's meetings. One entry's file is fetched by the reader: members get their circle's.


def ics_feed(page: CalendarPage, request) -> HttpResponse:
    return calendar_views.ics_feed(
        page, request, private_keys=private_keys(), hidden_keys=hidden_keys(None)
    )


def ics_event(page: CalendarPage, request, key) -> HttpResponse:
    return calendar_views.ics_event(
        page, request, key, private_keys=private_keys(), hidden_keys=hidden_keys(request.user)
    )


# A session --------------------------------------------------------------------------------


def _session(page: CalendarPage, request, key, hidden_too: bool = False):
    """The entry in the page's language and its state for the reader; 404 without sign-up."""
    entry = page.entries().filter(translation_key=key).first()
    state = session_states([key], request.user).get(key) if entry else None
    if state is None or (state.hidden and not hidden_too):
        # A circle's meeting does not exist for those outside the circle.
        raise Http404(_("There is no sign-up for this entry."))
    return entry, state


def session(page: CalendarPage, request, key) -> HttpResponse:
    """One session: when and what, places left, the reader's place, sign up or cancel."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    entry, state = _session(page, request, key)
    context = super(CalendarPage, page).get_context(request)
    base = page.get_url(request=request) or ""
    context.update(
        {
            "entry": entry,
            "state": state,
            "status": status_text(state),
            "calendar_url": base,
            "action_url": session_url(page, key, base=base),
        }
    )
    return personal(TemplateResponse(request, SESSION_TEMPLATE, context))


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return login_redirect(request)
    return None


def sign_up(page: CalendarPage, request, key) -> HttpResponse:
    """Take a place, or a turn on the waiting list when the places are taken."""
    refused = _post_only(request)
    if refused:
        return refused
    _entry, state = _session(page, request, key, hidden_too=True)
    url = session_url(page, key, request=request)
    try:
        registration = places.sign_up(state.signup.pk, request.user)
    except places.SignupRefused as refusal:
        messages.error(request, refusal.message)
        if state.hidden:
            # A circle's meeting: its page is not for this reader; back to the calendar.
            url = page.get_url(request=request) or "/"
    else:
        if registration.has_place:
            messages.success(request, _("You have a place. We look forward to seeing you."))
        else:
            messages.info(
                request,
                _(
                    "The places are all taken, so you are on the waiting list. We will email "
                    "you if a place becomes free."
                ),
            )
    return personal(redirect(url))


def cancel(page: CalendarPage, request, key) -> HttpResponse:
    """Give up one's place (the next in line moves up) or one's turn on the waiting list."""
    refused = _post_only(request)
    if refused:
        return refused
    _entry, state = _session(page, request, key)
    url = session_url(page, key, request=request)
    full_url = session_url(page, key, base=page.get_full_url(request=request) or "")
    try:
        places.cancel(state.signup.pk, request.user, url=full_url)
    except places.SignupRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your sign-up is cancelled."))
    return personal(redirect(url))


def place_file(page: CalendarPage, request, key) -> HttpResponse:
    """The reader's own calendar file for their place (or its cancellation)."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    entry, state = _session(page, request, key)
    registration = (
        SessionRegistration.objects.filter(signup=state.signup, user=request.user)
        .select_related("user")
        .first()
    )
    if registration is None or registration.is_waiting:
        raise Http404(_("You have no place at this session."))
    registration.signup = state.signup
    body = registration_calendar(
        registration, entry, url=session_url(page, key, base=page.get_full_url(request) or "")
    )
    filename = f"{slugify(entry.title) or 'session'}.ics"
    return personal(calendar_views.ics_response(body, filename, inline=False))
