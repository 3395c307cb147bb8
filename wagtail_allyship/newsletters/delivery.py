"""Sending queued programme updates and digests, exactly once each, from any number of workers.

The same steps as the reminders (:mod:`wagtail_allyship.pledges.delivery`): each delivery is
sent in one transaction that locks its row (``SELECT … FOR UPDATE SKIP LOCKED``, so two
workers never take the same one), checks it is still queued, hands the email to the mail
server and marks it sent. A worker killed mid-send leaves the row queued (its transaction
dies with its connection) and the next pass sends it; the ``(send, user)`` and
``(user, month)`` unique constraints keep a second row from ever being queued. A refused
email waits ``MAIL_RETRY_SECONDS``, doubled after each attempt, and is marked failed after
``MAIL_MAX_ATTEMPTS``.
"""

from __future__ import annotations

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.conf import get_setting
from wagtail_allyship.newsletters.digest import DigestComposer
from wagtail_allyship.newsletters.emails import UpdateComposer
from wagtail_allyship.newsletters.models import (
    DeliveryKind,
    DeliveryStatus,
    NewsletterDelivery,
    NewsletterSend,
)
from wagtail_allyship.pledges.delivery import DELIVERY_ERRORS, DrainResult, retry_delay

logger = logging.getLogger(__name__)


def live_versions(translation_key) -> dict:
    """The live versions of a newsletter by language code (one query)."""
    pages = (
        Page.objects.live()
        .filter(translation_key=translation_key)
        .select_related("locale")
        .specific()
    )
    return {page.locale.language_code: page for page in pages}


class Composers:
    """The composers of one pass: each newsletter's versions rendered once per language."""

    def __init__(self) -> None:
        self.updates: dict[int, UpdateComposer] = {}
        self.digest: DigestComposer | None = None

    def message(self, delivery: NewsletterDelivery, user):
        if delivery.kind == DeliveryKind.DIGEST:
            if self.digest is None:
                self.digest = DigestComposer()
            return self.digest.message(user, delivery)
        if delivery.send_id not in self.updates:
            send = NewsletterSend.objects.get(pk=delivery.send_id)
            self.updates[delivery.send_id] = UpdateComposer(live_versions(send.translation_key))
        composer = self.updates[delivery.send_id]
        if not composer.pages:
            raise LookupError("The newsletter was unpublished or deleted before it could be sent.")
        return composer.message(user, delivery.language)


def recipient(user_id: int):
    return (
        get_user_model()
        .objects.select_related("ally_registration__unit__locale", "wagtail_userprofile")
        .get(pk=user_id)
    )


def next_delivery(now: datetime.datetime, tried: set[int]) -> NewsletterDelivery | None:
    """The next due delivery no other worker holds, locked until the transaction ends."""
    return (
        NewsletterDelivery.objects.due(now)
        .exclude(pk__in=tried)
        .select_for_update(skip_locked=True)
        .order_by("next_attempt_at", "pk")
        .first()
    )


def send_one(delivery: NewsletterDelivery, composers: Composers) -> str:
    """Compose and send ``delivery`` inside the caller's transaction; return its new status."""
    user = recipient(delivery.user_id)
    message = composers.message(delivery, user) if user.email else None
    delivery.attempts += 1
    delivery.last_error = ""
    if message is None:
        delivery.status = DeliveryStatus.SKIPPED
    else:
        message.send()
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = timezone.now()
    delivery.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return delivery.status


def record_failure(delivery_id: int, error: BaseException) -> NewsletterDelivery:
    """Count a failed attempt: wait before the next, or give up after the last."""
    with transaction.atomic():
        delivery = NewsletterDelivery.objects.select_for_update().get(pk=delivery_id)
        delivery.attempts += 1
        delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
        if delivery.attempts >= get_setting("MAIL_MAX_ATTEMPTS") or isinstance(error, LookupError):
            delivery.status = DeliveryStatus.FAILED
        else:
            delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
        delivery.save()
    return delivery


def send_next(now, tried: set[int], result: DrainResult, composers: Composers) -> bool:
    """Send the next due delivery; ``False`` when there is none left."""
    taken: list[int] = []

    def step() -> str | None:
        taken.clear()
        delivery = next_delivery(now, tried)
        if delivery is None:
            return None
        taken.append(delivery.pk)
        return send_one(delivery, composers)

    try:
        status = atomic_with_retries(step)
    except (*DELIVERY_ERRORS, LookupError) as error:
        if not taken:
            raise
        tried.add(taken[0])
        logger.warning("Newsletter email %s not sent: %s", taken[0], error)
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


def send_due_deliveries(limit: int | None = None) -> DrainResult:
    """Send due deliveries (at most ``limit``), each tried at most once in this pass."""
    result = DrainResult()
    tried: set[int] = set()
    composers = Composers()
    now = timezone.now()
    while (limit is None or len(tried) < limit) and send_next(now, tried, result, composers):
        pass
    return result
