"""The rows of the coordinators' list of reminder emails: what the workers sent, and what not.

Every email of the last :data:`RECENT_DAYS` days, and every one not sent at all (still queued,
or failed for good) whatever its day, so that a failure never drops off the list unseen.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from wagtail_allyship.pledges.models import DeliveryStatus, ReminderDelivery
from wagtail_allyship.registry.models import display_name

RECENT_DAYS = 14


@dataclass
class DeliveryRow:
    recipient: str
    email: str
    kind: str
    day: datetime.date
    status: str
    status_code: str
    attempts: int
    last_error: str
    changed: datetime.datetime


def deliveries_to_show(today: datetime.date | None = None):
    since = (today or timezone.localdate()) - datetime.timedelta(days=RECENT_DAYS)
    return ReminderDelivery.objects.filter(
        Q(for_date__gte=since) | Q(status__in=[DeliveryStatus.QUEUED, DeliveryStatus.FAILED])
    )


def delivery_rows(today: datetime.date | None = None) -> list[DeliveryRow]:
    return [
        DeliveryRow(
            recipient=display_name(delivery.user),
            email=delivery.user.email,
            kind=delivery.get_kind_display(),
            day=delivery.for_date,
            status=delivery.get_status_display(),
            status_code=delivery.status,
            attempts=delivery.attempts,
            last_error=delivery.last_error,
            changed=delivery.updated_at,
        )
        for delivery in deliveries_to_show(today).select_related("user")
    ]


def delivery_counts(today: datetime.date | None = None) -> dict[str, int]:
    """How many of the listed emails are in each status."""
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for row in deliveries_to_show(today).values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts
