"""Reminder emails: allies about their deadlines, coordinators about overdue commitments.

:func:`send_reminders` is what ``manage.py allyship_reminders`` runs, once a day or more
often, from cron or a systemd timer, on any number of servers. It does not send anything
itself: it queues one :class:`ReminderDelivery` per recipient and hands the queue to the
workers of Django's tasks framework (:mod:`wagtail_allyship.pledges.tasks`). On a host
whose ``TASKS`` backend is the immediate one (the default), the sending happens at once in
the command's own process; with a database or RQ backend, the workers send.

Nothing is sent twice and nobody is skipped:

- a delivery is unique per recipient, kind and day, so running the command twice queues
  nothing new;
- each email is claimed in the transaction that sends it (see
  :mod:`wagtail_allyship.pledges.delivery`), so two workers, or a worker killed and
  restarted, never send a second copy;
- every run hands the workers whatever is still queued and due, including what a killed
  worker left and what waits for a retry.

What the emails say and who gets them: :mod:`wagtail_allyship.pledges.reminder_emails`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from wagtail_allyship.mail.tasks import failure_of, runs_in_process
from wagtail_allyship.pledges.models import DeliveryKind, DeliveryStatus, ReminderDelivery
from wagtail_allyship.pledges.reminder_emails import ReminderComposer
from wagtail_allyship.pledges.tasks import send_queued_reminders


@dataclass
class ReminderRun:
    """What one run did, for the command's report."""

    ally_emails: int = 0
    digests: int = 0
    already_sent: int = 0
    queued: int = 0
    failed: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)


def queue_deliveries(today: datetime.date, recipients: dict[str, list[int]]) -> None:
    """Queue a delivery for each recipient that has something new to be told.

    A recipient whose delivery is still queued gets no second one: that one is moved to
    ``today`` so that it says everything now due. One whose delivery of the day failed for
    good is left alone until the next day. Two runs that queue the same recipient at once
    are harmless: the second delivery finds nothing left to send.
    """
    now = timezone.now()
    for kind, ids in recipients.items():
        if not ids:
            continue
        pending = ReminderDelivery.objects.filter(
            kind=kind, user_id__in=ids, status=DeliveryStatus.QUEUED
        )
        pending.filter(for_date__lt=today).update(for_date=today, updated_at=now)
        skip = set(pending.values_list("user_id", flat=True)) | set(
            ReminderDelivery.objects.filter(
                kind=kind, user_id__in=ids, status=DeliveryStatus.FAILED, for_date=today
            ).values_list("user_id", flat=True)
        )
        ReminderDelivery.objects.bulk_create(
            [
                ReminderDelivery(user_id=pk, kind=kind, for_date=today)
                for pk in ids
                if pk not in skip
            ]
        )


def hand_to_workers() -> list[int]:
    """Enqueue passes over the due deliveries; return their ids.

    For workers, one pass per delivery, not one for all: a worker killed in the middle of
    a pass leaves the other passes queued to finish its work, and passes that find nothing
    left end at once. In the command's own process (the immediate backend) one pass does
    it all; if it crashed, the error is raised rather than lost in the task's result.
    """
    due = list(ReminderDelivery.objects.due().values_list("pk", flat=True))
    passes = min(len(due), 1) if runs_in_process() else len(due)
    for _pass in range(passes):
        failure = failure_of(send_queued_reminders.enqueue())
        if failure:
            raise RuntimeError(f"Sending the reminders failed:\n{failure}")
    return due


def run_report(run: ReminderRun, ids: list[int]) -> ReminderRun:
    """Fill ``run`` from where the deliveries it handed over stand now.

    With workers, they are all still queued: the report says how many were handed over,
    and the coordinators' list of reminder emails shows how each one went.
    """
    if not runs_in_process():
        run.queued = len(ids)
        return run
    counts = (
        ReminderDelivery.objects.filter(pk__in=ids)
        .values("kind", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in counts:
        if row["status"] == DeliveryStatus.SENT:
            if row["kind"] == DeliveryKind.ALLY:
                run.ally_emails += row["n"]
            else:
                run.digests += row["n"]
        elif row["status"] == DeliveryStatus.ALREADY_SENT:
            run.already_sent += row["n"]
    failed = (
        ReminderDelivery.objects.filter(pk__in=ids)
        .exclude(last_error="")
        .select_related("user")
        .order_by("pk")
    )
    run.failed = [f"{d.user.email}: {d.last_error}" for d in failed]
    return run


def send_reminders(
    *,
    today: datetime.date | None = None,
    allies: bool = True,
    digests: bool = True,
    dry_run: bool = False,
) -> ReminderRun:
    """Queue every reminder that is due and not sent yet, and hand the queue to the workers."""
    today = today or timezone.localdate()
    run = ReminderRun()
    composer = ReminderComposer(today)
    kinds = [
        kind
        for kind, wanted in ((DeliveryKind.ALLY, allies), (DeliveryKind.DIGEST, digests))
        if wanted
    ]
    recipients: dict[str, list[int]] = {}
    for kind in kinds:
        outgoing = list(composer.messages(kind))
        run.planned.extend(item.describe for item in outgoing)
        recipients[kind] = [item.user.pk for item in outgoing]
    if dry_run:
        return run
    queue_deliveries(today, recipients)
    return run_report(run, hand_to_workers())
