"""``manage.py allyship_reminders``: email allies about deadlines and coordinators a digest.

Run it once a day, or every hour, from cron or a systemd timer on any number of servers: it
queues the emails that are due and hands them to the workers of Django's tasks framework.
See :mod:`wagtail_allyship.pledges.reminders` for what is sent and why nothing is sent twice.
It also hands the workers any email about a session sign-up that is waiting for a retry, for
hosts whose task backend cannot schedule one (the immediate backend).
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from wagtail_allyship.pledges.reminders import send_reminders
from wagtail_allyship.sessions.models import SessionNotice
from wagtail_allyship.sessions.tasks import send_queued_notices


class Command(BaseCommand):
    help = (
        "Email allies whose commitments are due soon or overdue, and coordinators a digest of "
        "overdue commitments per unit. Safe to run repeatedly and on several servers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this day (YYYY-MM-DD), e.g. to catch up after an outage.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show who would get an email, without sending or recording anything.",
        )
        parser.add_argument(
            "--skip-allies", action="store_true", help="Send no reminders to allies."
        )
        parser.add_argument(
            "--skip-digest", action="store_true", help="Send no digest to coordinators."
        )

    def handle(self, *args, date=None, dry_run=False, skip_allies=False, skip_digest=False, **kw):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(
                    f"--date {date!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31."
                ) from error
        run = send_reminders(
            today=today, allies=not skip_allies, digests=not skip_digest, dry_run=dry_run
        )
        if not dry_run and SessionNotice.objects.due().exists():
            send_queued_notices.enqueue()
        if dry_run:
            for line in run.planned:
                self.stdout.write(f"would send: {line}")
            self.stdout.write(f"Dry run: {len(run.planned)} email(s) would be sent.")
            return
        if run.queued:
            self.stdout.write(
                f"Queued {run.queued} email(s) for the workers; the coordinators' list of "
                "reminder emails shows how each one goes."
            )
            return
        self.stdout.write(
            f"Sent {run.ally_emails} reminder(s) to allies and {run.digests} digest(s) to "
            f"coordinators; {run.already_sent} had already been sent by another run."
        )
        if run.failed:
            for line in run.failed:
                self.stderr.write(f"not sent: {line}")
            raise CommandError(
                f"{len(run.failed)} email(s) could not be sent; they will be tried again on "
                "the next run after the retry wait (MAIL_RETRY_SECONDS). Check the email settings "
                "(EMAIL_HOST and friends)."
            )
