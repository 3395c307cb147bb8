"""The email that asks the people who attended a session for their feedback, once each.

Saving attendance enqueues :func:`.tasks.send_feedback_invitations`; the task claims each
registration (``feedback_invited_at``) in one update before it sends, so two workers running
the same task send nothing twice. An email that cannot go releases its claim, and the next
saving of attendance tries again.
"""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus
from wagtail_allyship.sessions.notices import SUBJECT_SPACES, entry_in, recipient_language

logger = logging.getLogger(__name__)

TEMPLATES = "wagtail_allyship/session_feedback/email/"


def feedback_address(entry) -> str:
    """The full address of the entry's feedback form, on a calendar page in its language."""
    calendars = CalendarPage.objects.live().order_by("depth", "path")
    calendar = calendars.filter(locale_id=entry.locale_id).first() or calendars.first()
    if calendar is None:
        return ""
    base = calendar.get_full_url() or ""
    if not base:
        return ""
    key = entry.translation_key
    return base.rstrip("/") + "/" + calendar.reverse_subpage("session_feedback", args=[key])


def to_invite(signup_pk: int):
    return SessionRegistration.objects.filter(
        signup_id=signup_pk,
        signup__cancelled_at__isnull=True,
        status=SignupStatus.PLACE,
        attended=True,
        feedback_invited_at__isnull=True,
    ).select_related("user", "signup__entry")


def claim(registration: SessionRegistration) -> bool:
    """Mark ``registration`` as invited; ``False`` if another worker did first."""
    return bool(
        SessionRegistration.objects.filter(
            pk=registration.pk, feedback_invited_at__isnull=True
        ).update(feedback_invited_at=timezone.now())
    )


def send_invitation(registration: SessionRegistration) -> None:
    user = registration.user
    language = recipient_language(user)
    with translation.override(language):
        entry = entry_in(registration.signup.entry, language)
        context = {
            "name": display_name(user),
            "entry": entry,
            "when": entry.schedule(),
            "url": feedback_address(entry),
        }
        subject = render_to_string(f"{TEMPLATES}invitation_subject.txt", context)
        body = render_to_string(f"{TEMPLATES}invitation.txt", context)
    EmailMessage(SUBJECT_SPACES.sub(" ", subject).strip(" "), body, to=[user.email]).send()


def invite_attendees(signup_pk: int) -> dict[str, int]:
    """Email each attendee of the session not yet invited; counts of sent and failed."""
    sent = failed = 0
    for registration in to_invite(signup_pk):
        if not registration.user.email or not claim(registration):
            continue
        try:
            send_invitation(registration)
        except (smtplib.SMTPException, OSError):
            logger.warning("Session feedback invitation %s could not be sent", registration.pk)
            with transaction.atomic():
                SessionRegistration.objects.filter(pk=registration.pk).update(
                    feedback_invited_at=None
                )
            failed += 1
        else:
            sent += 1
    return {"sent": sent, "failed": failed}
