"""The session feedback form, at ``session/<key>/feedback/`` below the calendar page.

Only people marked as having attended see the questions; they answer once. The answers are
kept apart from who gave them (see :mod:`.models`), and the page says so before the questions.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.content.responses import login_redirect, personal
from wagtail_allyship.session_feedback import answers
from wagtail_allyship.session_feedback.forms import SessionFeedbackForm
from wagtail_allyship.sessions.models import SessionSignup

TEMPLATE = "wagtail_allyship/session_feedback/feedback.html"


def _session(page: CalendarPage, key):
    """The entry in the page's language and its sign-up; 404 when it takes no sign-up."""
    entry = page.entries().filter(translation_key=key).first()
    signup = SessionSignup.objects.filter(entry__translation_key=key).select_related("entry")
    signup = signup.first() if entry is not None else None
    if signup is None:
        raise Http404(_("There is no sign-up for this entry."))
    return entry, signup


def feedback(page: CalendarPage, request, key) -> HttpResponse:
    """Ask the three questions, or say why not (not attended, answered, cancelled)."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    entry, signup = _session(page, key)
    state = answers.feedback_state(signup, request.user)
    form = None
    status = 200
    if state == answers.OPEN:
        form = SessionFeedbackForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if form.is_valid():
                return _keep(request, signup, form)
            status = 400
    elif request.method == "POST":
        status = 400 if state == answers.ANSWERED else 403
    context = super(CalendarPage, page).get_context(request)
    context.update(
        {
            "entry": entry,
            "form": form,
            "feedback_state": state,
            "min_group_size": answers.min_group_size(),
            "calendar_url": page.get_url(request=request) or "",
        }
    )
    return personal(TemplateResponse(request, TEMPLATE, context, status=status))


def _keep(request, signup, form) -> HttpResponse:
    if answers.record(signup, request.user, form.cleaned_data) is None:
        messages.info(request, _("You had already answered about this session: nothing changed."))
    else:
        messages.success(request, _("Thank you: your answers are kept, without your name."))
    return personal(redirect(request.path))
