"""Reminder emails: allies about their deadlines, coordinators about overdue commitments.

:func:`send_reminders` is what ``manage.py allyship_reminders`` runs. It is safe to run as
often as you like and from several servers at once:

- Each email is *claimed* before it goes out: the rows of :class:`SentReminder` it covers are
  inserted in the same transaction that sends it. The unique constraint on those rows means
  that a second run (the same day, or at the same moment on another server) fails to insert
  them and sends nothing. If sending fails, the transaction is rolled back and the next run
  tries again.
- An ally is reminded once when a deadline comes within ``REMINDER_DAYS_BEFORE`` days and
  once when it has passed (per deadline: moving a deadline starts again).
- A coordinator gets a digest when at least one commitment went past its deadline since
  their last digest; it lists every overdue commitment by unit and marks the new ones.

Emails are rendered in the recipient's language: the preferred language of their Wagtail
user profile (Account › Preferences), or ``LANGUAGE_CODE`` when they have not chosen one.
"""

from __future__ import annotations

import datetime
import logging
import re
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_supported_language_variant

from wagtail_allyship.access.roles import coordinators
from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges.models import Commitment, ReminderKind, SentReminder
from wagtail_allyship.pledges.pages import MyAllyshipPage
from wagtail_allyship.registry.models import RegistrationStatus, display_name
from wagtail_allyship.units.models import OrganisationUnit

logger = logging.getLogger(__name__)

EMAIL_TEMPLATES = "wagtail_allyship/pledges/email/"


@dataclass
class ReminderRun:
    """What one run did, for the command's report."""

    ally_emails: int = 0
    digests: int = 0
    already_sent: int = 0
    failed: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)


def user_language(user) -> str:
    """The language to write to ``user`` in: their Wagtail preference, else LANGUAGE_CODE."""
    profile = getattr(user, "wagtail_userprofile", None)
    code = getattr(profile, "preferred_language", "") or ""
    if code:
        try:
            return get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def profile_relation(prefix: str = "") -> list[str]:
    """The ``select_related`` path of the user's Wagtail profile, when wagtail.users is on."""
    return [f"{prefix}wagtail_userprofile"] if apps.is_installed("wagtail.users") else []


def my_allyship_urls() -> dict[str, str]:
    """The address of a live "My allyship" page per language code (and "" for any)."""
    urls: dict[str, str] = {}
    for page in MyAllyshipPage.objects.live().select_related("locale").order_by("depth", "path"):
        url = page.get_full_url()
        if url:
            urls.setdefault(page.locale.language_code, url)
            urls.setdefault("", url)
    return urls


def unit_names() -> dict[tuple, str]:
    """Unit names by (translation key, language code), to name units in each reader's language."""
    return {
        (unit.translation_key, unit.locale.language_code): unit.name
        for unit in OrganisationUnit.objects.select_related("locale").only(
            "name", "translation_key", "locale__language_code"
        )
    }


#: Line breaks and runs of spaces in a rendered subject; not the no-break spaces that
#: translations put where a line must not break (French before a colon, for one).
SUBJECT_SPACES = re.compile(r"[^\S\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+")


def render_email(name: str, context: dict, language: str, to: str) -> EmailMessage:
    with translation.override(language):
        subject = render_to_string(f"{EMAIL_TEMPLATES}{name}_subject.txt", context)
        body = render_to_string(f"{EMAIL_TEMPLATES}{name}.txt", context)
    return EmailMessage(SUBJECT_SPACES.sub(" ", subject).strip(" "), body, to=[to])


def claim_and_send(rows: list[SentReminder], message: EmailMessage) -> bool:
    """Record the reminders and send the email together; ``False`` if already claimed."""

    def claim() -> None:
        SentReminder.objects.bulk_create(sorted(rows, key=claim_order))
        message.send()

    try:
        atomic_with_retries(claim)
    except IntegrityError:
        return False
    return True


def claim_order(row: SentReminder) -> tuple:
    """One order for every run, so that two runs claiming the same rows lock them alike."""
    return (row.kind, row.user_id or 0, row.commitment_id or 0, str(row.for_date))


class ReminderSender:
    """One run of the reminders; see the module docstring for the rules."""

    def __init__(self, today: datetime.date, dry_run: bool = False) -> None:
        self.today = today
        self.dry_run = dry_run
        self.run = ReminderRun()
        self.urls = my_allyship_urls()

    def url_for(self, language: str) -> str:
        return (
            self.urls.get(language)
            or self.urls.get(language.split("-")[0])
            or self.urls.get("", "")
        )

    def deliver(self, rows: list[SentReminder], message: EmailMessage, describe: str) -> bool:
        if self.dry_run:
            self.run.planned.append(describe)
            return True
        try:
            sent = claim_and_send(rows, message)
        except (smtplib.SMTPException, OSError) as error:
            logger.exception("Reminder to %s could not be sent", message.to)
            self.run.failed.append(f"{describe}: {error}")
            return False
        if not sent:
            self.run.already_sent += 1
        return sent

    # allies ---------------------------------------------------------------------------

    def ally_commitments(self) -> Iterable[Commitment]:
        horizon = self.today + datetime.timedelta(days=get_setting("REMINDER_DAYS_BEFORE"))
        return (
            Commitment.objects.open()
            .filter(
                deadline__lte=horizon,
                pledge__user__is_active=True,
                pledge__user__ally_registration__status=RegistrationStatus.ACTIVE,
            )
            .exclude(pledge__user__email="")
            .select_related("pledge__user", *profile_relation("pledge__user__"))
            .order_by("pledge__user_id", "deadline", "pk")
        )

    def send_to_allies(self) -> None:
        commitments = list(self.ally_commitments())
        already = set(
            SentReminder.objects.filter(
                commitment__in=[c.pk for c in commitments],
                kind__in=[ReminderKind.DUE_SOON, ReminderKind.OVERDUE],
            ).values_list("user_id", "commitment_id", "kind", "for_date")
        )
        by_user: dict[int, list[tuple[Commitment, str]]] = {}
        for commitment in commitments:
            user_id = commitment.pledge.user_id
            kind = (
                ReminderKind.OVERDUE if commitment.deadline < self.today else ReminderKind.DUE_SOON
            )
            if (user_id, commitment.pk, kind, commitment.deadline) in already:
                continue
            by_user.setdefault(user_id, []).append((commitment, kind))

        for items in by_user.values():
            user = items[0][0].pledge.user
            language = user_language(user)
            context = {
                "name": display_name(user),
                "overdue": [c for c, kind in items if kind == ReminderKind.OVERDUE],
                "due_soon": [c for c, kind in items if kind == ReminderKind.DUE_SOON],
                "days": get_setting("REMINDER_DAYS_BEFORE"),
                "today": self.today,
                "url": self.url_for(language),
            }
            message = render_email("ally_reminder", context, language, user.email)
            rows = [
                SentReminder(user=user, commitment=c, kind=kind, for_date=c.deadline)
                for c, kind in items
            ]
            if self.deliver(rows, message, f"{user.email}: {len(items)} commitment(s)"):
                self.run.ally_emails += 1

    # coordinators ---------------------------------------------------------------------

    def overdue_commitments(self) -> list[Commitment]:
        return list(
            Commitment.objects.overdue(self.today)
            .filter(
                pledge__user__is_active=True,
                pledge__user__ally_registration__status=RegistrationStatus.ACTIVE,
            )
            .select_related("pledge__user", "pledge__user__ally_registration__unit")
            .order_by("deadline", "pk")
        )

    def send_digests(self) -> None:
        overdue = self.overdue_commitments()
        if not overdue:
            return
        reported = set(
            SentReminder.objects.filter(
                kind=ReminderKind.DIGEST, commitment__in=[c.pk for c in overdue]
            ).values_list("user_id", "commitment_id", "for_date")
        )
        names = unit_names()
        recipients = (
            coordinators().exclude(email="").select_related(*profile_relation()).order_by("pk")
        )
        for coordinator in recipients:
            new = [c for c in overdue if (coordinator.pk, c.pk, c.deadline) not in reported]
            if not new:
                continue
            language = user_language(coordinator)
            new_ids = {c.pk for c in new}
            units: dict[str, dict] = {}
            for commitment in overdue:
                unit = commitment.pledge.user.ally_registration.unit
                key = unit.translation_key
                group = units.setdefault(
                    key,
                    {
                        "name": names.get((key, language.split("-")[0]), unit.name),
                        "items": [],
                    },
                )
                group["items"].append(
                    {
                        "ally": display_name(commitment.pledge.user),
                        "email": commitment.pledge.user.email,
                        "text": commitment.text,
                        "deadline": commitment.deadline,
                        "days_late": (self.today - commitment.deadline).days,
                        "new": commitment.pk in new_ids,
                    }
                )
            context = {
                "name": display_name(coordinator),
                "units": sorted(units.values(), key=lambda group: group["name"].casefold()),
                "total": len(overdue),
                "new": len(new),
                "today": self.today,
            }
            message = render_email("coordinator_digest", context, language, coordinator.email)
            rows = [
                SentReminder(
                    user=coordinator, commitment=c, kind=ReminderKind.DIGEST, for_date=c.deadline
                )
                for c in new
            ]
            if self.deliver(rows, message, f"{coordinator.email}: digest of {len(overdue)}"):
                self.run.digests += 1


def send_reminders(
    *,
    today: datetime.date | None = None,
    allies: bool = True,
    digests: bool = True,
    dry_run: bool = False,
) -> ReminderRun:
    """Send every reminder that is due and not sent yet; see the module docstring."""
    sender = ReminderSender(today or timezone.localdate(), dry_run=dry_run)
    if allies:
        sender.send_to_allies()
    if digests:
        sender.send_digests()
    return sender.run
