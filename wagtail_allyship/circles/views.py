"""The circles' addresses below "My allyship": the circles, one's own circle, joining, leaving.

Each view takes the My allyship page first (see :mod:`wagtail_allyship.circles.urls`). All
need a logged-in user and answer ``Cache-Control: private, no-store``. A circle's own page,
with its members' names and its next meeting, is for its members and facilitator: anyone
else (coordinators included; they use the admin) gets a 404, so that the page does not even
confirm who is in which circle.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail_allyship.circles import rules
from wagtail_allyship.circles.meetings import attach_next_meetings, with_next_meeting
from wagtail_allyship.circles.models import (
    Admission,
    AllyCircle,
    CircleMembership,
    CircleRequest,
)
from wagtail_allyship.content.responses import login_redirect, personal, subpage_url
from wagtail_allyship.pledges.views.common import render
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

LIST_TEMPLATE = "wagtail_allyship/circles/circles.html"
CIRCLE_TEMPLATE = "wagtail_allyship/circles/circle.html"


def circle_list(page, request) -> HttpResponse:
    """The reader's circles, and the open circles they can ask to join."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    user = request.user
    mine = set(CircleMembership.objects.filter(user=user).values_list("circle_id", flat=True))
    asked = dict(CircleRequest.objects.filter(user=user).values_list("circle_id", "status"))
    circles = list(
        with_next_meeting(AllyCircle.objects.with_member_count())
        .filter(Q(admission=Admission.OPEN) | Q(pk__in=mine))
        .select_related("unit")
        .order_by("name", "pk")
    )
    for circle in circles:
        circle.is_mine = circle.pk in mine
        circle.request_status = asked.get(circle.pk)
        circle.left = circle.places_left(circle.member_count)
        circle.url = subpage_url(page, request, "circle", circle.pk)
        circle.ask_url = subpage_url(page, request, "circle_ask", circle.pk)
        circle.withdraw_url = subpage_url(page, request, "circle_withdraw", circle.pk)
    # The next meeting is for members only: the other circles do not get theirs.
    attach_next_meetings([circle for circle in circles if circle.is_mine], page, request)
    return render(
        page,
        request,
        LIST_TEMPLATE,
        {
            "my_circles": [circle for circle in circles if circle.is_mine],
            "open_circles": [circle for circle in circles if not circle.is_mine],
            "is_ally": rules.is_registered_ally(user),
        },
    )


def _circle_for_member(request, circle_id: int) -> AllyCircle:
    circle = (
        with_next_meeting(AllyCircle.objects.select_related("unit", "facilitator"))
        .filter(pk=circle_id)
        .first()
    )
    if circle is None or not rules.can_see_members(circle, request.user):
        raise Http404(_("There is no such circle among yours."))
    return circle


def circle_detail(page, request, circle_id: int) -> HttpResponse:
    """One's own circle: who is in it, when it meets, the next meeting."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    circle = _circle_for_member(request, circle_id)
    attach_next_meetings([circle], page, request)
    memberships = list(
        CircleMembership.objects.filter(circle=circle)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "pk")
    )
    place = None
    if circle.next_meeting is not None:
        place = (
            SessionRegistration.objects.filter(signup=circle.next_meeting, user=request.user)
            .exclude(status=SignupStatus.CANCELLED)
            .first()
        )
    return render(
        page,
        request,
        CIRCLE_TEMPLATE,
        {
            "circle": circle,
            "members": [display_name(membership.user) for membership in memberships],
            "facilitator": display_name(circle.facilitator) if circle.facilitator else "",
            "is_member": any(m.user_id == request.user.pk for m in memberships),
            "place": place,
            "leave_url": subpage_url(page, request, "circle_leave", circle.pk),
            "list_url": subpage_url(page, request, "circles"),
        },
    )


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return login_redirect(request)
    return None


def _act(page, request, step, success: str, back: str) -> HttpResponse:
    """Run one of the rules' steps; say what happened, or why nothing did."""
    try:
        step()
    except rules.CircleRefused as refusal:
        messages.error(request, refusal.message)
    except AllyCircle.DoesNotExist:
        messages.error(request, _("There is no such circle."))
    else:
        messages.success(request, success)
    return personal(redirect(subpage_url(page, request, back)))


def ask(page, request, circle_id: int) -> HttpResponse:
    """Ask to join an open circle."""
    return _post_only(request) or _act(
        page,
        request,
        lambda: rules.ask_to_join(circle_id, request.user),
        _(
            "Your request has been sent. A coordinator will answer it; you will see the "
            "answer here."
        ),
        "circles",
    )


def withdraw(page, request, circle_id: int) -> HttpResponse:
    """Take back a request not yet answered."""
    return _post_only(request) or _act(
        page,
        request,
        lambda: rules.withdraw(circle_id, request.user),
        _("Your request has been withdrawn."),
        "circles",
    )


def leave(page, request, circle_id: int) -> HttpResponse:
    """Leave one's circle (and give up one's places at its coming meetings)."""
    return _post_only(request) or _act(
        page,
        request,
        lambda: rules.leave(circle_id, request.user),
        _("You have left the circle. Its members and meetings are no longer shown to you."),
        "circles",
    )
