"""Who gets a place: signing up, cancelling, the waiting list and changes to a session.

Every change runs in one transaction that first locks the session's sign-up row (``SELECT …
FOR UPDATE``): two people taking the last place at the same moment are served one after the
other, so one gets it and the other joins the waiting list. The unique constraint on
(session, person) refuses a second sign-up sent twice at once. Transactions the database
abandons to break a deadlock are run again (:mod:`wagtail_allyship.concurrency`).

The emails that announce a move (:mod:`wagtail_allyship.sessions.notices`) are queued in the
same transaction and handed to the background workers when it commits: a change is never
left untold, and a mail server that is down delays the email without undoing the change.
"""

from __future__ import annotations

import uuid

from django.db import IntegrityError, models
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.sessions import notices, tasks
from wagtail_allyship.sessions.members import members_only_refusal
from wagtail_allyship.sessions.models import (
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)


class SignupRefused(Exception):
    """A sign-up or a cancellation that the rules refuse; ``message`` says why, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Reading, under the lock -----------------------------------------------------------------


def _locked_signup(signup_id: int) -> SessionSignup:
    """The session's sign-up row, locked until the transaction ends (the first read in it)."""
    return SessionSignup.objects.select_for_update().select_related("entry").get(pk=signup_id)


def _locked(signup: SessionSignup, status: str):
    """The registrations of ``status``, locked, in the order of the waiting list."""
    return (
        SessionRegistration.objects.select_for_update()
        .filter(signup=signup, status=status)
        .order_by("queued_at", "pk")
    )


def _taken(signup: SessionSignup) -> int:
    # A locking read: it sees what the transaction before this one committed, on every
    # database (MariaDB's plain reads would see the snapshot of the transaction's start).
    return len(list(_locked(signup, SignupStatus.PLACE).values_list("pk", flat=True)))


def signup_refusal(signup: SessionSignup, now=None) -> str | None:
    """Why nobody can sign up for ``signup`` now, or ``None``."""
    now = now or timezone.now()
    if signup.is_cancelled:
        return _("This session has been cancelled: nobody can sign up for it.")
    if signup.has_ended(now):
        return _("This session is over: nobody can sign up for it any more.")
    if not signup.is_open(now):
        return _("Sign-up for this session has closed.")
    return None


# Changes ----------------------------------------------------------------------------------


def tell(notice: str, registration: SessionRegistration, url: str) -> None:
    """Queue the email about a change, to go once the change is committed."""
    notices.queue_notice(notice, registration, url)
    tasks.hand_over()


def sign_up(signup_id: int, user, now=None, url: str = "") -> SessionRegistration:
    """Give ``user`` a place, or a turn on the waiting list when the places are taken."""

    def work() -> SessionRegistration:
        moment = now or timezone.now()
        signup = _locked_signup(signup_id)
        refusal = members_only_refusal(signup, user) or signup_refusal(signup, moment)
        if refusal:
            raise SignupRefused(refusal)
        registration = (
            SessionRegistration.objects.select_for_update().filter(signup=signup, user=user).first()
        )
        if registration is not None and not registration.is_cancelled:
            raise SignupRefused(already_message(registration))
        status = SignupStatus.PLACE if _has_free_place(signup) else SignupStatus.WAITING
        if registration is None:
            registration = SessionRegistration(signup=signup, user=user)
        else:
            # Signing up again after cancelling is a new registration: a new calendar entry.
            registration.uid = uuid.uuid4()
            registration.sequence = 0
            registration.attended = None
        registration.status = status
        registration.queued_at = moment
        registration.save()
        return registration

    try:
        return atomic_with_retries(work)
    except IntegrityError:
        # The same person's other request won the race: they are signed up once.
        raise SignupRefused(_("You are already signed up for this session.")) from None


def _has_free_place(signup: SessionSignup) -> bool:
    if signup.places is None:
        return True
    if _locked(signup, SignupStatus.WAITING).exists():
        return False
    return _taken(signup) < signup.places


def already_message(registration: SessionRegistration) -> str:
    if registration.has_place:
        return _("You already have a place at this session.")
    return _("You are already on the waiting list for this session.")


def cancel(signup_id: int, user, url: str = "") -> SessionRegistration:
    """Cancel ``user``'s place or turn; the first in line moves up into a freed place."""

    def work() -> SessionRegistration:
        signup = _locked_signup(signup_id)
        registration = (
            SessionRegistration.objects.select_for_update()
            .filter(signup=signup, user=user)
            .exclude(status=SignupStatus.CANCELLED)
            .first()
        )
        if registration is None:
            raise SignupRefused(_("You are not signed up for this session."))
        if signup.has_ended():
            raise SignupRefused(_("This session is over: its sign-ups can no longer change."))
        had_place = registration.has_place
        registration.status = SignupStatus.CANCELLED
        registration.sequence += 1
        registration.save(update_fields=["status", "sequence", "updated_at"])
        if had_place:
            fill_places(signup, url)
        return registration

    return atomic_with_retries(work)


def fill_places(signup: SessionSignup, url: str = "") -> list[SessionRegistration]:
    """Move the first in line up into the free places, and tell each of them (locked)."""
    if signup.is_cancelled or signup.has_ended():
        return []
    waiting = _locked(signup, SignupStatus.WAITING).select_related("user", "signup__entry")
    if signup.places is not None:
        free = signup.places - _taken(signup)
        if free <= 0:
            return []
        waiting = waiting[:free]
    moved = list(waiting)
    for registration in moved:
        registration.status = SignupStatus.PLACE
        registration.save(update_fields=["status", "updated_at"])
        tell(notices.MOVED_UP, registration, url)
    return moved


def reduce_to_places(signup: SessionSignup, url: str = "") -> list[SessionRegistration]:
    """When there are fewer places than people with one, the latest move to the waiting list.

    They keep their turn, which puts them ahead of everyone who signed up after them, and
    they are told.
    """
    if signup.places is None or signup.is_cancelled or signup.has_ended():
        return []
    places = list(_locked(signup, SignupStatus.PLACE).select_related("user", "signup__entry"))
    excess = len(places) - signup.places
    if excess <= 0:
        return []
    moved = places[-excess:]
    for registration in moved:
        registration.status = SignupStatus.WAITING
        registration.save(update_fields=["status", "updated_at"])
        tell(notices.MOVED_DOWN, registration, url)
    return moved


def rebalance(signup_id: int, url: str = "") -> tuple[list, list]:
    """After the places changed: move people down (too few places) or up (more places)."""

    def work() -> tuple[list, list]:
        signup = _locked_signup(signup_id)
        return reduce_to_places(signup, url), fill_places(signup, url)

    return atomic_with_retries(work)


def cancel_session(signup_id: int, url: str = "") -> list[SessionRegistration]:
    """Cancel the whole session: everyone with a place or a turn is told, once."""

    def work() -> list[SessionRegistration]:
        signup = _locked_signup(signup_id)
        if signup.is_cancelled:
            return []
        signup.cancelled_at = timezone.now()
        signup.sequence += 1
        signup.changed_at = signup.cancelled_at
        signup.save(update_fields=["cancelled_at", "sequence", "changed_at"])
        told = list(
            SessionRegistration.objects.select_for_update()
            .filter(signup=signup)
            .exclude(status=SignupStatus.CANCELLED)
            .select_related("user", "signup__entry")
            .order_by("queued_at", "pk")
        )
        for registration in told:
            tell(notices.SESSION_CANCELLED, registration, url)
        return told

    return atomic_with_retries(work)


# The calendar file's version ----------------------------------------------------------


def entry_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    """``post_save`` of calendar entries: a changed time or place raises the file's version."""
    if raw or created:
        return
    signup = SessionSignup.objects.filter(entry=instance).first()
    if signup is None:
        return
    signup.entry = instance
    was_described = bool(signup.fingerprint)
    if signup.note_changes():
        SessionSignup.objects.filter(pk=signup.pk).update(
            sequence=models.F("sequence") + int(was_described),
            fingerprint=signup.fingerprint,
            changed_at=signup.changed_at,
        )
