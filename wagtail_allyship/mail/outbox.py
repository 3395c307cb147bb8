"""The one way the package sends a queued email: lock a row, send, record; retry after a wait.

Every email the package sends on its own (reminders, programme updates and digests, the
notices of session sign-up) is first a row in a queue, written in the same transaction as
the change it announces. A worker then sends each row in one transaction that

1. locks it (``SELECT … FOR UPDATE SKIP LOCKED``: two workers never take the same row;
   SQLite, which has no row locks, runs one writer at a time instead),
2. asks the queue's :meth:`Outbox.send_one` to compose and send it, which says what became
   of it ("sent", or a status meaning there was nothing left to send),
3. saves that status; the commit is what makes the send count.

If the mail server refuses, the transaction is rolled back and the failure is recorded in a
transaction of its own: the row waits ``MAIL_RETRY_SECONDS``, doubled after each attempt,
and is marked "failed" after ``MAIL_MAX_ATTEMPTS`` (at once for an error that a retry cannot
mend). A worker killed mid-send leaves the row queued, since its transaction dies with its
connection, and the next pass sends it.

Kept in one place so that the three queues cannot drift apart in how they claim and retry.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.conf import get_setting

logger = logging.getLogger(__name__)

#: Errors that mean "the mail server did not take it" rather than a fault in the package.
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)

#: The statuses every queue shares (each model's ``DeliveryStatus`` has these values).
QUEUED = "queued"
SENT = "sent"
FAILED = "failed"


@dataclass
class DrainResult:
    """What one pass over a queue did."""

    sent: int = 0
    already_sent: int = 0
    failed: int = 0
    retry_at: list[datetime.datetime] = field(default_factory=list)


def retry_delay(attempts: int) -> datetime.timedelta:
    """The back-off after ``attempts`` failed attempts: the base wait, doubled each time."""
    return datetime.timedelta(seconds=get_setting("MAIL_RETRY_SECONDS") * 2 ** (attempts - 1))


def send_or_skip(delivery, message, nothing_to_send: str) -> str:
    """Send ``message`` and mark ``delivery`` sent, or mark it ``nothing_to_send`` if ``None``.

    Inside the caller's transaction; the delivery's new status is saved and returned.
    """
    delivery.attempts += 1
    delivery.last_error = ""
    if message is None:
        delivery.status = nothing_to_send
    else:
        message.send()
        delivery.status = SENT
        delivery.sent_at = timezone.now()
    delivery.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return delivery.status


class Outbox:
    """One queue of emails. A queue names its model and says how one of its rows is sent.

    The model has ``status``, ``attempts``, ``next_attempt_at`` and ``last_error`` fields
    and a ``due(now)`` queryset method (queued, and not waiting for a retry's back-off).
    """

    model: type
    #: How the log names one email of this queue.
    label = "Email"
    #: Errors that no retry can mend: the row is marked failed at once.
    permanent_errors: tuple[type[BaseException], ...] = ()

    def due_rows(self, now: datetime.datetime):
        return self.model.objects.due(now)

    def next_delivery(self, now: datetime.datetime, tried: set[int]):
        """The next due row no other worker holds, locked until the transaction ends."""
        return (
            self.due_rows(now)
            .exclude(pk__in=tried)
            .select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .first()
        )

    def send_one(self, delivery) -> str:
        """Compose and send ``delivery`` inside the caller's transaction; its new status.

        Raise one of :data:`DELIVERY_ERRORS` (or :attr:`permanent_errors`) when it could not
        be sent: the transaction is then rolled back and the failure recorded.
        """
        raise NotImplementedError

    def record_failure(self, delivery_id: int, error: BaseException):
        """Count a failed attempt: wait before the next, or give up after the last."""
        with transaction.atomic():
            delivery = self.model.objects.select_for_update().get(pk=delivery_id)
            delivery.attempts += 1
            delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
            hopeless = isinstance(error, self.permanent_errors)
            if hopeless or delivery.attempts >= get_setting("MAIL_MAX_ATTEMPTS"):
                delivery.status = FAILED
            else:
                delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
            delivery.save()
        return delivery

    def send_next(self, now: datetime.datetime, tried: set[int], result: DrainResult) -> bool:
        """Send the next due row; ``False`` when there is none left."""
        taken: list[int] = []

        def step() -> str | None:
            taken.clear()
            delivery = self.next_delivery(now, tried)
            if delivery is None:
                return None
            taken.append(delivery.pk)
            return self.send_one(delivery)

        try:
            status = atomic_with_retries(step)
        except (*DELIVERY_ERRORS, *self.permanent_errors) as error:
            if not taken:
                raise
            tried.add(taken[0])
            logger.warning("%s %s not sent: %s", self.label, taken[0], error)
            delivery = self.record_failure(taken[0], error)
            result.failed += 1
            if delivery.status == QUEUED:
                result.retry_at.append(delivery.next_attempt_at)
            return True
        if status is None:
            return False
        tried.add(taken[0])
        if status == SENT:
            result.sent += 1
        else:
            result.already_sent += 1
        return True

    def drain(self, limit: int | None = None) -> DrainResult:
        """Send due rows (at most ``limit``), each tried at most once in this pass."""
        result = DrainResult()
        tried: set[int] = set()
        now = timezone.now()
        while (limit is None or len(tried) < limit) and self.send_next(now, tried, result):
            pass
        return result
