"""Who joins a circle: asking, answering, placing and leaving.

Every change runs in one transaction that first locks the circle's row (``SELECT … FOR
UPDATE``), so two people taking a circle's last place at the same moment are served one
after the other: one joins, the other is told the circle is full. The unique constraints on
(circle, person) refuse a request or a membership sent twice at once. Each refusal carries a
translated message that says why nothing changed.
"""

from __future__ import annotations

import contextlib

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_allyship.circles.models import (
    AllyCircle,
    CircleMembership,
    CircleRequest,
    RequestStatus,
)
from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus


class CircleRefused(Exception):
    """A change the rules refuse; ``message`` says why, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Questions ------------------------------------------------------------------------------


def is_registered_ally(user) -> bool:
    """Whether ``user`` is in the ally registry and has not left the programme."""
    if user is None or not user.is_authenticated:
        return False
    return (
        AllyRegistration.objects.filter(user=user).exclude(status=RegistrationStatus.LEFT).exists()
    )


def can_see_members(circle: AllyCircle, user) -> bool:
    """Members and the facilitator see a circle's members and meetings; nobody else does."""
    if user is None or not user.is_authenticated:
        return False
    if circle.facilitator_id == user.pk:
        return True
    return CircleMembership.objects.filter(circle=circle, user=user).exists()


def _locked_circle(circle_id: int) -> AllyCircle:
    """The circle's row, locked until the transaction ends (the first read in it)."""
    return AllyCircle.objects.select_for_update().get(pk=circle_id)


def _members(circle: AllyCircle) -> int:
    # A locking read, so that MariaDB sees what the transaction before this one committed.
    locked = CircleMembership.objects.select_for_update().filter(circle=circle)
    return len(list(locked.values_list("pk", flat=True)))


def _refuse_if_full(circle: AllyCircle) -> None:
    if _members(circle) >= circle.max_size:
        raise CircleRefused(
            _("“%(circle)s” is full: it has no place left.") % {"circle": circle.name}
        )


def _refuse_if_member(circle: AllyCircle, user, message: str) -> None:
    if CircleMembership.objects.filter(circle=circle, user=user).exists():
        raise CircleRefused(message % {"circle": circle.name})


# An ally's own steps ------------------------------------------------------------------


def ask_to_join(circle_id: int, user) -> CircleRequest:
    """Ask to join an open circle; a coordinator answers."""
    if not is_registered_ally(user):
        raise CircleRefused(
            _("Only registered allies can join a circle. Sign up as an ally first.")
        )

    def work() -> CircleRequest:
        circle = _locked_circle(circle_id)
        _refuse_if_member(circle, user, _("You are already a member of “%(circle)s”."))
        if not circle.is_open:
            raise CircleRefused(
                _("“%(circle)s” does not take requests: its coordinators place its members.")
                % {"circle": circle.name}
            )
        request = CircleRequest.objects.select_for_update().filter(circle=circle, user=user).first()
        if request is not None and request.is_pending:
            raise CircleRefused(already_asked(circle))
        if request is not None and request.status == RequestStatus.DECLINED:
            raise CircleRefused(
                _(
                    "Your request to join “%(circle)s” was declined. If things have changed, "
                    "speak to the programme's coordinators."
                )
                % {"circle": circle.name}
            )
        _refuse_if_full(circle)
        request = request or CircleRequest(circle=circle, user=user)
        request.status = RequestStatus.PENDING
        request.asked_at = timezone.now()
        request.answered_at = None
        request.save()
        return request

    try:
        return atomic_with_retries(work)
    except IntegrityError:
        # The same person's other request won the race: they asked once.
        raise CircleRefused(already_asked(AllyCircle.objects.get(pk=circle_id))) from None


def already_asked(circle: AllyCircle) -> str:
    return _("You have already asked to join “%(circle)s”. A coordinator will answer soon.") % {
        "circle": circle.name
    }


def withdraw(circle_id: int, user) -> CircleRequest:
    """Take back a request that has not been answered yet."""

    def work() -> CircleRequest:
        circle = _locked_circle(circle_id)
        request = CircleRequest.objects.select_for_update().filter(circle=circle, user=user).first()
        if request is None or not request.is_pending:
            raise CircleRefused(_("You have no request waiting for this circle."))
        request.status = RequestStatus.WITHDRAWN
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at"])
        return request

    return atomic_with_retries(work)


def leave(circle_id: int, user) -> int:
    """Leave a circle (or, for a coordinator, take someone out of it).

    The person's places at the circle's coming meetings are given up too, so that they no
    longer see the meetings' room and link. Returns the number of meetings given up.
    """

    def work() -> int:
        circle = _locked_circle(circle_id)
        deleted, _by_model = CircleMembership.objects.filter(circle=circle, user=user).delete()
        if not deleted:
            raise CircleRefused(
                _("Not a member of “%(circle)s”: nothing to leave.") % {"circle": circle.name}
            )
        return _give_up_meetings(circle, user)

    return atomic_with_retries(work)


def _give_up_meetings(circle: AllyCircle, user) -> int:
    coming = SessionRegistration.objects.filter(
        user=user,
        signup__circle=circle,
        signup__cancelled_at__isnull=True,
        signup__entry__starts_at__gt=timezone.now(),
        status__in=[SignupStatus.PLACE, SignupStatus.WAITING],
    )
    given_up = 0
    for signup_id in coming.values_list("signup_id", flat=True):
        with contextlib.suppress(places.SignupRefused):
            places.cancel(signup_id, user)
            given_up += 1
    return given_up


# A coordinator's steps ----------------------------------------------------------------


def place(circle_id: int, user) -> CircleMembership:
    """Put a registered ally in a circle (open or placement only), if it has room."""
    if not is_registered_ally(user):
        raise CircleRefused(
            _("Only registered allies can be placed in a circle; this person is not one.")
        )

    def work() -> CircleMembership:
        circle = _locked_circle(circle_id)
        _refuse_if_member(circle, user, _("This person is already a member of “%(circle)s”."))
        _refuse_if_full(circle)
        membership = CircleMembership.objects.create(
            circle=circle, user=user, how=CircleMembership.How.PLACED
        )
        CircleRequest.objects.filter(circle=circle, user=user, status=RequestStatus.PENDING).update(
            status=RequestStatus.ACCEPTED, answered_at=timezone.now()
        )
        return membership

    try:
        return atomic_with_retries(work)
    except IntegrityError:
        raise CircleRefused(_("This person is already a member of this circle.")) from None


def answer(request_id: int, accept: bool) -> CircleRequest:
    """Accept (the ally joins, if there is room) or decline a waiting request."""

    def work() -> CircleRequest:
        circle_id = CircleRequest.objects.filter(pk=request_id).values_list("circle_id", flat=True)
        circle = _locked_circle(circle_id.get())
        request = (
            CircleRequest.objects.select_for_update()
            .select_related("user")
            .get(pk=request_id, circle=circle)
        )
        if not request.is_pending:
            raise CircleRefused(_("This request has already been answered or withdrawn."))
        if accept:
            _refuse_if_full(circle)
            CircleMembership.objects.get_or_create(
                circle=circle, user=request.user, defaults={"how": CircleMembership.How.ASKED}
            )
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at"])
        return request

    try:
        return atomic_with_retries(work)
    except (CircleRequest.DoesNotExist, AllyCircle.DoesNotExist):
        raise CircleRefused(_("There is no such request.")) from None
