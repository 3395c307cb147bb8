"""``manage.py allyship_retention``: remove personal data that is past its retention period.

Run it once a day or once a month from cron; see :mod:`wagtail_allyship.retention` for what
goes and when. ``--dry-run`` lists what would go and changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail_allyship.privacy.retention import RetentionPlan, apply_retention, plan_retention
from wagtail_allyship.text.progress import Progress


class Command(BaseCommand):
    help = (
        "Remove the registrations, pledges and progress of allies who left the programme "
        "longer ago than RETENTION_LEFT_ALLIES_MONTHS, and survey responses older than "
        "RETENTION_SURVEY_RESPONSES_MONTHS. Safe to run repeatedly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be removed, without removing anything.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        verbosity = options.get("verbosity", 1)
        try:
            with Progress(self.stdout, 1, _("Retention"), verbosity) as progress:
                if dry_run:
                    progress.step(_("finding what is past its retention period"))
                    plan = plan_retention()
                else:
                    progress.step(_("removing what is past its retention period"))
                    plan = apply_retention()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if not verbosity:
            return
        if dry_run:
            self.stdout.write(_("Dry run: nothing has been removed."))
            for pk, unit, left_on in plan.registrations:
                self.stdout.write(
                    _("Would remove registration %(id)d (unit: %(unit)s, left on %(date)s).")
                    % {"id": pk, "unit": unit, "date": left_on.isoformat()}
                )
            self.stdout.write(_("Would remove:"))
        else:
            self.stdout.write(_("Removed:"))
        self.write_counts(plan)
        if plan.undated:
            self.stdout.write(
                ngettext(
                    "%(count)d registration is marked as left but has no leaving date; it was "
                    "kept. Save it in the ally registry to date it from today.",
                    "%(count)d registrations are marked as left but have no leaving date; they "
                    "were kept. Save them in the ally registry to date them from today.",
                    plan.undated,
                )
                % {"count": plan.undated}
            )

    def write_counts(self, plan: RetentionPlan) -> None:
        left_before = plan.left_before.isoformat()
        responses_before = plan.responses_before.isoformat()
        rows = [
            (
                _("ally registrations (left before %(date)s)") % {"date": left_before},
                len(plan.registrations),
            ),
            (_("pledges"), plan.pledges),
            (_("commitments"), plan.commitments),
            (_("progress updates"), plan.progress_updates),
            (_("feedback requests"), plan.feedback),
            (_("sign-ups for sessions"), plan.session_registrations),
            (_("ally circle memberships"), plan.circle_memberships),
            (_("requests to join ally circles"), plan.circle_requests),
            (
                _("survey responses (given before %(date)s)") % {"date": responses_before},
                plan.survey_responses,
            ),
            (_("markers of answered surveys that no longer exist"), plan.survey_markers),
        ]
        for label, count in rows:
            self.stdout.write(f"  {label}: {count}")
