"""The session feedback's background task: ask a session's attendees (see :mod:`.invitations`)."""

from __future__ import annotations

from django.db import transaction

from wagtail_allyship.mail.tasks import sending_task
from wagtail_allyship.session_feedback.invitations import invite_attendees


@sending_task()
def send_feedback_invitations(signup_pk: int) -> dict:
    return invite_attendees(signup_pk)


def after_attendance_marked(request, signup) -> None:
    """Enqueue the invitations once the attendance just saved is committed."""
    if signup.is_cancelled:
        return
    transaction.on_commit(lambda: send_feedback_invitations.enqueue(signup.pk))
