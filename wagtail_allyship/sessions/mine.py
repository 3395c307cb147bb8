"""A person's own sessions: the next one they have a place at, those they attended, their data.

Read by "My allyship" (its next session and attended sessions) and by its "My data" download.
Each function reads one person's own registrations only, in one query.
"""

from __future__ import annotations

from django.utils import timezone

from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus


def _mine(user):
    return SessionRegistration.objects.filter(user=user).select_related(
        "signup__entry__locale", "signup__entry__topic"
    )


def next_sessions(user, now=None, limit: int = 3, annotate=None) -> list[SessionRegistration]:
    """The coming sessions ``user`` has a place at or is waiting for, soonest first."""
    now = now or timezone.now()
    return list(
        _mine(user)
        .annotate(**(annotate or {}))
        .filter(
            status__in=[SignupStatus.PLACE, SignupStatus.WAITING],
            signup__cancelled_at__isnull=True,
            signup__entry__starts_at__gte=now,
        )
        .order_by("signup__entry__starts_at", "pk")[:limit]
    )


def attended_sessions(user) -> list[SessionRegistration]:
    """The sessions the organisers marked ``user`` as having attended, latest first."""
    return list(_mine(user).filter(attended=True).order_by("-signup__entry__starts_at", "-pk"))


def my_session_data(user) -> list[dict]:
    """Every sign-up of ``user``, for the "My data" download."""
    return [
        {
            "session": registration.signup.entry.title,
            "starts_at": registration.signup.entry.starts_at,
            "status": registration.status,
            "signed_up_at": registration.queued_at,
            "attended": registration.attended,
            "calendar_uid": registration.ics_uid(),
            "updated_at": registration.updated_at,
        }
        for registration in _mine(user).order_by("queued_at", "pk")
    ]
