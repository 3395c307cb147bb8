"""What a reader sees of each session: places left, their own place or turn, what they can do.

:func:`session_states` works out, in two queries whatever the number of entries and
sign-ups, the state of every session on a page for one person: the sign-up settings with
their counts, and that person's registrations with their turn on the waiting list.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from wagtail_allyship.sessions.members import member_circle_ids
from wagtail_allyship.sessions.models import (
    AttendanceMode,
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)
from wagtail_allyship.sessions.places import signup_refusal


@dataclass
class SessionState:
    """One session as one reader sees it."""

    signup: SessionSignup
    taken: int = 0
    waiting: int = 0
    registration: SessionRegistration | None = None
    position: int | None = None
    refusal: str | None = None
    #: A circle's meeting that the reader is not a member of: not shown to them at all.
    hidden: bool = False

    @property
    def places_left(self) -> int | None:
        return self.signup.places_left(self.taken)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0

    @property
    def has_place(self) -> bool:
        return self.registration is not None and self.registration.has_place

    @property
    def is_waiting(self) -> bool:
        return self.registration is not None and self.registration.is_waiting

    @property
    def shows_room(self) -> bool:
        """Whether the reader sees the room: with a place, at a session held in person."""
        return self.has_place and self.signup.mode != AttendanceMode.ONLINE

    @property
    def shows_link(self) -> bool:
        """Whether the reader sees the online link: with a place, at a session held online."""
        return self.has_place and self.signup.mode != AttendanceMode.IN_PERSON

    @property
    def can_sign_up(self) -> bool:
        return self.refusal is None and not (self.has_place or self.is_waiting)

    @property
    def can_cancel(self) -> bool:
        return (self.has_place or self.is_waiting) and not self.signup.has_ended()

    @property
    def position_label(self) -> str:
        return ordinal(self.position) if self.position else ""


def ordinal(number: int) -> str:
    """'1st', '2nd', '3rd', '11th'… in the active language."""
    if number % 100 in (11, 12, 13):
        pattern = pgettext("ordinal 11, 12, 13", "{}th")
    else:
        pattern = {
            1: pgettext("ordinal 1", "{}st"),
            2: pgettext("ordinal 2", "{}nd"),
            3: pgettext("ordinal 3", "{}rd"),
        }.get(number % 10) or pgettext("ordinal 0, 4-9", "{}th")
    if number == 1:
        pattern = pgettext("ordinal first", "{}st")
    return pattern.format(number)


def waiting_position():
    """The subquery of a waiting registration's turn: 1 + those waiting before it."""
    ahead = (
        SessionRegistration.objects.filter(signup=OuterRef("signup"), status=SignupStatus.WAITING)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("signup")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1


def session_states(keys, user, now=None) -> dict:
    """The state of each session among the entries with translation keys ``keys``."""
    now = now or timezone.now()
    signups = list(
        SessionSignup.objects.filter(entry__translation_key__in=set(keys))
        .with_counts()
        .select_related("entry")
    )
    states = {
        signup.entry.translation_key: SessionState(
            signup,
            taken=signup.places_taken,
            waiting=signup.waiting,
            refusal=signup_refusal(signup, now),
        )
        for signup in signups
    }
    _hide_other_circles(states.values(), user)
    if signups and user is not None and user.is_authenticated:
        mine = (
            SessionRegistration.objects.filter(user=user, signup__in=[s.pk for s in signups])
            .exclude(status=SignupStatus.CANCELLED)
            .annotate(position=waiting_position())
        )
        by_signup = {state.signup.pk: state for state in states.values()}
        for registration in mine:
            state = by_signup[registration.signup_id]
            registration.signup = state.signup
            state.registration = registration
            state.position = registration.position if registration.is_waiting else None
    return states


def _hide_other_circles(states, user) -> None:
    """Mark the meetings of circles ``user`` is not in (a query only if there are any)."""
    states = [state for state in states if state.signup.circle_id is not None]
    member_of = member_circle_ids(user, {state.signup.circle_id for state in states})
    for state in states:
        state.hidden = state.signup.circle_id not in member_of


def status_text(state: SessionState) -> str:
    """One sentence on the reader's place, for messages."""
    if state.has_place:
        return _("You have a place.")
    if state.is_waiting:
        return _("You are on the waiting list (%(position)s).") % {"position": state.position_label}
    return ""
