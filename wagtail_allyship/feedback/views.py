"""The addresses of feedback below "My allyship": asking, answering, and agreeing to show.

Each view takes the My allyship page first (see :mod:`wagtail_allyship.feedback.urls`). All
need a logged-in user and answer ``Cache-Control: private, no-store``. A person reaches only
his own requests, and the requests made to him: any other number is a 404, whoever asks
(coordinators and superusers included), so that the text of an answer never leaves the two
people it belongs to.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.responses import (
    error_summary,
    login_redirect,
    page_url,
    personal,
    subpage_url,
)
from wagtail_allyship.feedback import rules
from wagtail_allyship.feedback.forms import AnswerForm, AskColleagueForm
from wagtail_allyship.feedback.models import FeedbackRequest, FeedbackState
from wagtail_allyship.pledges.models import Commitment
from wagtail_allyship.pledges.views.common import render
from wagtail_allyship.registry.models import display_name

ANSWER_TEMPLATE = "wagtail_allyship/feedback/answer.html"


def _back(page, request, message: str, level=messages.success) -> HttpResponse:
    level(request, message)
    return personal(redirect(page_url(page, request) + "#allyship-feedback"))


def ask(page, request) -> HttpResponse:
    """Ask a named colleague, or make a private link to pass on."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    form = AskColleagueForm(request.POST if request.POST.get("action") == "colleague" else None)
    refusal = None
    if request.method == "POST":
        try:
            if request.POST.get("action") == "link":
                _request, token = rules.make_link(request.user)
                link = request.build_absolute_uri(
                    subpage_url(page, request, "feedback_link", token)
                )
                return render(
                    page, request, "wagtail_allyship/feedback/link_made.html", {"link": link}
                )
            if form.is_valid():
                colleague = form.cleaned_data["colleague"]
                rules.ask_colleague(request.user, colleague)
                return _back(
                    page,
                    request,
                    _("Your request has been sent to %(name)s.")
                    % {"name": display_name(colleague)},
                )
        except rules.FeedbackRefused as error:
            refusal = str(error)
    response = render(
        page,
        request,
        "wagtail_allyship/feedback/ask.html",
        {
            "form": form,
            "errors": error_summary(("", form)),
            "refusal": refusal,
            "remaining": max(
                0,
                get_setting("FEEDBACK_REQUESTS_PER_MONTH")
                - rules.requests_this_month(request.user),
            ),
            "cancel_url": page_url(page, request),
        },
    )
    if refusal:
        response.status_code = 400
    return response


def answer_named(page, request, request_id: int) -> HttpResponse:
    """A request made to the logged-in user by name (404 for anyone else's)."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    found = (
        FeedbackRequest.objects.select_related("ally")
        .filter(pk=request_id, colleague=request.user)
        .first()
    )
    if found is None:
        raise Http404(_("No such feedback request was made to you."))
    return _answer(page, request, found, subpage_url(page, request, "feedback_answer", found.pk))


def answer_link(page, request, token: str) -> HttpResponse:
    """A request made through a private link: whoever is logged in and holds it, once."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    found = rules.request_for_link(token)
    if found is None:
        raise Http404(_("This feedback link is not valid."))
    return _answer(page, request, found, subpage_url(page, request, "feedback_link", token))


def _refused(page, request, reason: str, status: int) -> HttpResponse:
    response = render(
        page,
        request,
        "wagtail_allyship/feedback/refused.html",
        {"reason": reason, "back_url": page_url(page, request)},
    )
    response.status_code = status
    return response


def _refusal_status(found: FeedbackRequest, user) -> int:
    """410 for a request that can no longer be answered, 403 for the wrong person."""
    if found.ally_id != user.pk and (found.state != FeedbackState.PENDING or found.is_expired()):
        return 410
    if found.ally_id == user.pk or (found.colleague_id and found.colleague_id != user.pk):
        return 403
    return 410


def _act(found: FeedbackRequest, request, form: AnswerForm) -> str | None:
    """Carry out the colleague's choice; the message to show, or None if the form is invalid."""
    action = request.POST.get("action")
    user = request.user
    if action == "decline":
        rules.decline(found.pk, user)
        return _("You declined the request. Nothing is sent to anyone else.")
    if action == "report":
        rules.report_unwanted(found.pk, user)
        return _(
            "You reported the request as unwanted. The coordinators are told that a report "
            "was made, never by whom."
        )
    if action == "block":
        rules.block_ally(found.pk, user)
        return _("You declined the request and will receive no more requests from %(name)s.") % {
            "name": display_name(found.ally)
        }
    if form.is_valid():
        rules.answer(
            found.pk,
            user,
            form.cleaned_data["text"],
            form.cleaned_data["commitment"],
            form.cleaned_data["writer_agrees"],
        )
        return _("Thank you. Your answer has been given to %(name)s.") % {
            "name": display_name(found.ally)
        }
    return None


def _answer(page, request, found: FeedbackRequest, action_url: str) -> HttpResponse:
    reason = rules.refusal_to_answer(found, request.user)
    if reason:
        return _refused(page, request, reason, _refusal_status(found, request.user))
    commitments = Commitment.objects.filter(
        pledge__user_id=found.ally_id, pledge__programme_year=found.programme_year
    ).order_by("position")
    answering = request.method == "POST" and request.POST.get("action") == "answer"
    form = AnswerForm(request.POST if answering else None, ally_commitments=commitments)
    if request.method == "POST":
        try:
            message = _act(found, request, form)
        except rules.FeedbackRefused as error:
            return _refused(page, request, str(error), _refusal_status(found, request.user))
        if message:
            return _back(page, request, message)
    return render(
        page,
        request,
        ANSWER_TEMPLATE,
        {
            "feedback_request": found,
            "ally_name": display_name(found.ally),
            "form": form,
            "errors": error_summary(("", form)),
            "action_url": action_url,
            "cancel_url": page_url(page, request),
        },
    )


def ally_agrees(page, request, request_id: int) -> HttpResponse:
    """The ally agrees, or no longer agrees, to show an answer he received on the wall."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return login_redirect(request)
    agrees = request.POST.get("agrees") == "1"
    if rules.set_ally_agreement(request.user, request_id, agrees) is None:
        raise Http404(_("You received no such answer."))
    if agrees:
        return _back(
            page,
            request,
            _(
                "You agreed to show this answer on the pledge wall. It appears there when its "
                "writer agrees too."
            ),
        )
    return _back(page, request, _("This answer is no longer shown on the pledge wall."))


def writer_agrees(page, request, request_id: int) -> HttpResponse:
    """The writer agrees, or no longer agrees, to show her answer on the wall."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return login_redirect(request)
    agrees = request.POST.get("agrees") == "1"
    if rules.set_writer_agreement(request.user, request_id, agrees) is None:
        raise Http404(_("You wrote no such answer."))
    if agrees:
        return _back(
            page,
            request,
            _("You agreed to show your answer on the pledge wall, if the ally agrees too."),
        )
    return _back(page, request, _("Your answer is no longer shown on the pledge wall."))


def overview(page, request) -> dict:
    """What "My allyship" shows of feedback, in two queries whatever the number of answers."""
    user = request.user
    sent = list(
        FeedbackRequest.objects.filter(ally=user)
        .select_related("colleague", "commitment")
        .order_by("-created_at", "-pk")
    )
    to_me = list(
        FeedbackRequest.objects.filter(colleague=user)
        .exclude(state__in=[FeedbackState.DECLINED, FeedbackState.REPORTED])
        .select_related("ally")
        .order_by("-created_at", "-pk")
    )
    for item in sent:
        item.agree_url = subpage_url(page, request, "feedback_ally_agrees", item.pk)
    for item in to_me:
        item.answer_url = subpage_url(page, request, "feedback_answer", item.pk)
        item.agree_url = subpage_url(page, request, "feedback_writer_agrees", item.pk)
    month_start = rules.month_start()
    return {
        "received": [item for item in sent if item.state == FeedbackState.ANSWERED],
        "waiting": [
            item for item in sent if item.state == FeedbackState.PENDING and not item.is_expired()
        ],
        "declined": sum(
            item.state in (FeedbackState.DECLINED, FeedbackState.REPORTED) for item in sent
        ),
        "asked_of_me": [
            item for item in to_me if item.state == FeedbackState.PENDING and not item.is_expired()
        ],
        "given": [item for item in to_me if item.state == FeedbackState.ANSWERED],
        "remaining": max(
            0,
            get_setting("FEEDBACK_REQUESTS_PER_MONTH")
            - sum(item.created_at >= month_start for item in sent),
        ),
        "ask_url": subpage_url(page, request, "feedback_ask"),
    }
