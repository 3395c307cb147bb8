"""``manage.py allyship_digest``: queue this month's digest, and start scheduled newsletters.

Run it from cron or a systemd timer (once a day is enough: it queues each ally's digest once
a month, and starts any programme update whose scheduled time has come); the workers send.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from wagtail_allyship.newsletters.digest import queue_digests
from wagtail_allyship.newsletters.models import DeliveryStatus, NewsletterDelivery
from wagtail_allyship.newsletters.tasks import enqueue_passes, start_due_sends


class Command(BaseCommand):
    help = (
        "Queue this month's digest for the allies who asked for it, start the programme "
        "updates whose time has come, and hand what is queued to the workers. Safe to run "
        "repeatedly and on several servers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Act as if today were this day (YYYY-MM-DD), e.g. after an outage."
        )
        parser.add_argument(
            "--skip-digest", action="store_true", help="Queue no digest; only start newsletters."
        )

    def handle(self, *args, date=None, skip_digest=False, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(
                    f"--date {date!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01."
                ) from error
        queued = 0 if skip_digest else queue_digests(today)
        started = start_due_sends()
        waiting = NewsletterDelivery.objects.filter(status=DeliveryStatus.QUEUED).count()
        enqueue_passes(waiting)
        self.stdout.write(
            f"Queued {queued} digest(s); started {started} scheduled newsletter(s); "
            f"{waiting} email(s) handed to the workers."
        )
