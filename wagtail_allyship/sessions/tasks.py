"""The background task that sends the emails of session sign-up (see :mod:`.delivery`)."""

from __future__ import annotations

from django.db import transaction

from wagtail_allyship.mail.tasks import enqueue_at, sending_task
from wagtail_allyship.sessions.delivery import send_due_notices


@sending_task()
def send_queued_notices() -> dict:
    """Send the queued session emails, then schedule a pass for the next retry."""
    result = send_due_notices()
    if result.retry_at:
        enqueue_at(send_queued_notices, min(result.retry_at))
    return {"sent": result.sent, "skipped": result.already_sent, "failed": result.failed}


def hand_over() -> None:
    """Give what a change queued to the workers once the change is committed.

    Outside a transaction this runs at once. Inside one (a host with ``ATOMIC_REQUESTS``),
    it waits for the commit, so that no email tells of a change that was rolled back and no
    worker looks for rows it cannot see yet. Without a worker (the immediate backend) the
    task runs in this process; a failure stays on the row for the next pass.
    """
    transaction.on_commit(send_queued_notices.enqueue, robust=True)
