"""The reminders' background task: what a worker runs (see :mod:`.delivery`)."""

from __future__ import annotations

from wagtail_allyship.mail.tasks import enqueue_at, sending_task
from wagtail_allyship.pledges.delivery import send_due_deliveries


@sending_task()
def send_queued_reminders() -> dict:
    """Send every reminder email that is due, then schedule a pass for the next retry.

    ``allyship_reminders`` enqueues one of these per email it queues, so that a worker
    killed in the middle of a pass leaves the others to finish the queue; a pass that
    finds the queue empty ends at once.
    """
    result = send_due_deliveries()
    if result.retry_at:
        enqueue_at(send_queued_reminders, min(result.retry_at))
    return {
        "sent": result.sent,
        "already_sent": result.already_sent,
        "failed": result.failed,
    }
