"""Sending the queued reminder emails, exactly once each, from any number of workers.

The queue's rows are sent by the package's one send step (:mod:`wagtail_allyship.mail.outbox`:
a row locked, sent and marked in one transaction, retried after a back-off). What is
particular to reminders is how one is sent: the email is composed again from what is still
due (nothing, if another run sent it), and it is claimed by inserting its
:class:`SentReminder` rows, whose unique constraint refuses a second copy, in the same
transaction as the send.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from wagtail_allyship.mail.outbox import DELIVERY_ERRORS, DrainResult, Outbox, retry_delay
from wagtail_allyship.pledges.models import (
    DeliveryStatus,
    ReminderDelivery,
    SentReminder,
)
from wagtail_allyship.pledges.reminder_emails import ReminderComposer

__all__ = ["DELIVERY_ERRORS", "DrainResult", "claim_and_send", "retry_delay", "send_due_deliveries"]


def claim_order(row: SentReminder) -> tuple:
    """One order for every run, so that two runs claiming the same rows lock them alike."""
    return (row.kind, row.user_id or 0, row.commitment_id or 0, str(row.for_date))


def claim_and_send(rows: list[SentReminder], message: EmailMessage) -> bool:
    """Record the reminders and send the email together; ``False`` if already claimed.

    Runs in a savepoint of the delivery's transaction: a lost claim is undone alone, and
    the delivery is then marked "already sent" in the same transaction.
    """
    try:
        with transaction.atomic():
            SentReminder.objects.bulk_create(sorted(rows, key=claim_order))
            message.send()
    except IntegrityError:
        return False
    return True


class ReminderOutbox(Outbox):
    """The reminder emails' queue."""

    model = ReminderDelivery
    label = "Reminder email"

    def due_rows(self, now):
        return ReminderDelivery.objects.due(now).select_related("user")

    def send_one(self, delivery: ReminderDelivery) -> str:
        outgoing = next(
            ReminderComposer(delivery.for_date, user_id=delivery.user_id).messages(delivery.kind),
            None,
        )
        delivery.attempts += 1
        delivery.status = DeliveryStatus.ALREADY_SENT
        # Looked up on the module, so that a test can stand in for the claim.
        if outgoing is not None and claim_and_send(outgoing.rows, outgoing.message):
            delivery.status = DeliveryStatus.SENT
        delivery.last_error = ""
        delivery.save(update_fields=["attempts", "status", "last_error", "updated_at"])
        return delivery.status


def send_due_deliveries() -> DrainResult:
    """Send every due reminder email, each tried at most once in this pass."""
    return ReminderOutbox().drain()
