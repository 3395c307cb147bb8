"""A person's own sessions: the next one they have a place at, those they attended, their data.

Read by "My allyship" (its next session and attended sessions) and by its "My data" download.
Each function reads one person's own registrations only, in one query.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus


def _mine(user):
    return SessionRegistration.objects.filter(user=user).select_related(
        "signup__entry__locale", "signup__entry__topic"
    )


def my_sessions(user, now=None, limit: int = 3, annotate=None) -> tuple[list, list]:
    """``user``'s coming sessions (a place or a turn, soonest first, at most ``limit``) and
    the sessions they attended (latest first), from one query."""
    now = now or timezone.now()
    coming_filter = Q(
        status__in=[SignupStatus.PLACE, SignupStatus.WAITING],
        signup__cancelled_at__isnull=True,
        signup__entry__starts_at__gte=now,
    )
    rows = list(
        _mine(user)
        .annotate(**(annotate or {}))
        .filter(coming_filter | Q(attended=True))
        .order_by("signup__entry__starts_at", "pk")
    )
    coming = [r for r in rows if r.status != SignupStatus.CANCELLED and _is_coming(r, now)]
    attended = [r for r in reversed(rows) if r.attended and not _is_coming(r, now)]
    return coming[:limit], attended


def _is_coming(registration: SessionRegistration, now) -> bool:
    signup = registration.signup
    start = signup.entry.starts_at
    return signup.cancelled_at is None and start is not None and start >= now


def my_session_data(user) -> list[dict]:
    """Every sign-up of ``user``, for the "My data" download."""
    return [
        {
            "session": registration.signup.entry.title,
            "starts_at": registration.signup.entry.starts_at,
            "status": registration.status,
            "signed_up_at": registration.queued_at,
            "attended": registration.attended,
            "asked_for_feedback_at": registration.feedback_invited_at,
            "calendar_uid": registration.ics_uid(),
            "updated_at": registration.updated_at,
        }
        for registration in _mine(user).order_by("queued_at", "pk")
    ]
