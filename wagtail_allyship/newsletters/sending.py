"""Starting a send: the editor's choice checked, the audience counted, deliveries queued once.

:func:`request_send` records the editor's send (refused the second time: one send per
newsletter); :func:`start_send` turns it into one queued delivery per recipient when its time
comes, exactly once even if started twice; the workers then send them (:mod:`.tasks`).
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from wagtail_allyship.newsletters.audience import Plan, plan
from wagtail_allyship.newsletters.delivery import live_versions
from wagtail_allyship.newsletters.models import (
    DeliveryKind,
    DeliveryStatus,
    NewsletterDelivery,
    NewsletterSend,
    SendStatus,
)

#: How many deliveries one task drains before it ends (several tasks share a big send).
DELIVERIES_PER_TASK = 50


class AlreadySent(Exception):
    """The newsletter (in some language) was already sent or scheduled."""


def audience_plan(page, kind: str, units) -> Plan:
    """Who the send would reach, in which language; nothing is written."""
    return plan(kind, units, live_versions(page.translation_key))


def request_send(page, kind: str, units, user, when: datetime.datetime | None = None):
    """Record the editor's send; :class:`AlreadySent` if the newsletter has one."""
    try:
        with transaction.atomic():
            send = NewsletterSend.objects.create(
                translation_key=page.translation_key,
                page=page,
                audience=kind,
                requested_by=user,
                send_at=when or timezone.now(),
            )
            send.units.set(units)
    except IntegrityError as error:
        raise AlreadySent from error
    return send


def start_send(send_id: int) -> int:
    """Queue one delivery per recipient of a scheduled send whose time has come; how many."""
    with transaction.atomic():
        send = NewsletterSend.objects.select_for_update().filter(pk=send_id).first()
        if send is None or send.status != SendStatus.SCHEDULED or send.send_at > timezone.now():
            return 0
        versions = live_versions(send.translation_key)
        found = plan(send.audience, list(send.units.all()), versions)
        NewsletterDelivery.objects.bulk_create(
            [
                NewsletterDelivery(
                    kind=DeliveryKind.NEWSLETTER, send=send, user=user, language=language
                )
                for user, language in found.recipients
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        send.status = SendStatus.SENDING
        send.skipped_without_email = found.without_email
        send.save(update_fields=["status", "skipped_without_email"])
    return found.total


def tasks_for(count: int) -> int:
    """How many sending tasks to enqueue for ``count`` deliveries (one more, for a worker lost)."""
    return math.ceil(count / DELIVERIES_PER_TASK) + 1 if count else 0


@dataclass
class Progress:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.queued + self.sent + self.failed + self.skipped


def progress(send: NewsletterSend) -> Progress:
    """How the send is going, by status (one query)."""
    counts = dict(
        send.deliveries.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return Progress(
        queued=counts.get(DeliveryStatus.QUEUED, 0),
        sent=counts.get(DeliveryStatus.SENT, 0),
        failed=counts.get(DeliveryStatus.FAILED, 0),
        skipped=counts.get(DeliveryStatus.SKIPPED, 0),
    )
