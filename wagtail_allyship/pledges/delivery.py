"""Sending the queued reminder emails, exactly once each, from any number of workers.

Each :class:`ReminderDelivery` is sent in one transaction that

1. locks its row (``SELECT … FOR UPDATE SKIP LOCKED``: two workers never take the same row;
   SQLite, which has no row locks, runs one writer at a time instead),
2. composes the email again from what is still due (nothing, if another run sent it),
3. claims it by inserting its :class:`SentReminder` rows, whose unique constraint refuses a
   second copy, marks the row "sent", and hands the email to the mail server.

If the mail server refuses, the transaction is rolled back (nothing is claimed) and the
failure is recorded in a transaction of its own: the row waits ``MAIL_RETRY_SECONDS``, doubled
after each attempt, and is marked "failed" after ``MAIL_MAX_ATTEMPTS``. If the worker is
killed mid-send, the database rolls the transaction back when its connection drops, so the
row is still queued and the next worker to look sends it.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges.models import (
    DeliveryStatus,
    ReminderDelivery,
    SentReminder,
)
from wagtail_allyship.pledges.reminder_emails import ReminderComposer

logger = logging.getLogger(__name__)

#: Errors that mean "the mail server did not take it" rather than a fault in the package.
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)


@dataclass
class DrainResult:
    """What one pass over the queue did."""

    sent: int = 0
    already_sent: int = 0
    failed: int = 0
    retry_at: list[datetime.datetime] = field(default_factory=list)


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


def next_delivery(now: datetime.datetime, tried: set[int]) -> ReminderDelivery | None:
    """The next due delivery no other worker holds, locked until the transaction ends."""
    return (
        ReminderDelivery.objects.due(now)
        .exclude(pk__in=tried)
        .select_for_update(skip_locked=True)
        .order_by("next_attempt_at", "pk")
        .select_related("user")
        .first()
    )


def send_one(delivery: ReminderDelivery) -> str:
    """Compose and send ``delivery`` inside the caller's transaction; return its new status."""
    outgoing = next(
        ReminderComposer(delivery.for_date, user_id=delivery.user_id).messages(delivery.kind),
        None,
    )
    delivery.attempts += 1
    delivery.status = DeliveryStatus.ALREADY_SENT
    if outgoing is not None and claim_and_send(outgoing.rows, outgoing.message):
        delivery.status = DeliveryStatus.SENT
    delivery.last_error = ""
    delivery.save(update_fields=["attempts", "status", "last_error", "updated_at"])
    return delivery.status


def retry_delay(attempts: int) -> datetime.timedelta:
    """The back-off after ``attempts`` failed attempts: the base wait, doubled each time."""
    return datetime.timedelta(seconds=get_setting("MAIL_RETRY_SECONDS") * 2 ** (attempts - 1))


def record_failure(delivery_id: int, error: BaseException) -> ReminderDelivery:
    """Count a failed attempt: wait before the next, or give up after the last."""
    with transaction.atomic():
        delivery = ReminderDelivery.objects.select_for_update().get(pk=delivery_id)
        delivery.attempts += 1
        delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
        if delivery.attempts >= get_setting("MAIL_MAX_ATTEMPTS"):
            delivery.status = DeliveryStatus.FAILED
        else:
            delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
        delivery.save()
    return delivery


def send_next(now: datetime.datetime, tried: set[int], result: DrainResult) -> bool:
    """Send the next due delivery; ``False`` when there is none left."""
    taken: list[int] = []

    def step() -> str | None:
        taken.clear()
        delivery = next_delivery(now, tried)
        if delivery is None:
            return None
        taken.append(delivery.pk)
        return send_one(delivery)

    try:
        status = atomic_with_retries(step)
    except DELIVERY_ERRORS as error:
        if not taken:
            raise
        tried.add(taken[0])
        logger.warning("Reminder email %s not sent: %s", taken[0], error)
        delivery = record_failure(taken[0], error)
        result.failed += 1
        if delivery.status == DeliveryStatus.QUEUED:
            result.retry_at.append(delivery.next_attempt_at)
        return True
    if status is None:
        return False
    tried.add(taken[0])
    if status == DeliveryStatus.SENT:
        result.sent += 1
    else:
        result.already_sent += 1
    return True


def send_due_deliveries() -> DrainResult:
    """Send every due delivery, each tried at most once in this pass."""
    result = DrainResult()
    tried: set[int] = set()
    now = timezone.now()
    while send_next(now, tried, result):
        pass
    return result
