"""What the reminders say and to whom: the emails of one day, composed but not sent.

An ally is reminded once when a deadline comes within ``REMINDER_DAYS_BEFORE`` days and once
when it has passed (per deadline: moving a deadline starts again), and, while his latest
pledge's accountability status is amber or red, once a month with what would turn it green
(:mod:`~wagtail_allyship.pledges.nudges`), in the same email. A coordinator gets a digest
when at least one commitment went past its deadline since their last digest; it lists every
overdue commitment by unit and marks the new ones, and says how many allies are amber and
red (the accountability report lists them). What was already reminded is read from
:class:`SentReminder`, so composing again after a send finds nothing more to say.

Emails are written in the recipient's language: the preferred language of their Wagtail
user profile (Account › Preferences), or ``LANGUAGE_CODE`` when they have not chosen one.
:mod:`wagtail_allyship.pledges.delivery` sends them.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_supported_language_variant

from wagtail_allyship.access.roles import coordinators
from wagtail_allyship.conf import get_setting
from wagtail_allyship.mail.unsubscribe import (
    REMINDERS,
    one_click_headers,
    site_root,
    unsubscribe_url,
)
from wagtail_allyship.pledges import accountability as rules
from wagtail_allyship.pledges.models import (
    Commitment,
    DeliveryKind,
    ReminderKind,
    SentReminder,
)
from wagtail_allyship.pledges.nudges import Nudge, claim_row, status_counts, status_nudges
from wagtail_allyship.pledges.pages import MyAllyshipPage
from wagtail_allyship.registry.models import RegistrationStatus, display_name
from wagtail_allyship.units.models import OrganisationUnit

EMAIL_TEMPLATES = "wagtail_allyship/pledges/email/"


@dataclass
class Outgoing:
    """One email to one person, with the :class:`SentReminder` rows that claim it."""

    user: object
    kind: str
    rows: list[SentReminder]
    message: EmailMessage
    describe: str


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


def render_email(
    name: str, context: dict, language: str, to: str, headers: dict | None = None
) -> EmailMessage:
    with translation.override(language):
        subject = render_to_string(f"{EMAIL_TEMPLATES}{name}_subject.txt", context)
        body = render_to_string(f"{EMAIL_TEMPLATES}{name}.txt", context)
    return EmailMessage(
        SUBJECT_SPACES.sub(" ", subject).strip(" "), body, to=[to], headers=headers or {}
    )


class ReminderComposer:
    """The reminder emails of ``today``, for everyone or for one person (``user_id``)."""

    def __init__(self, today: datetime.date, user_id: int | None = None) -> None:
        self.today = today
        self.user_id = user_id
        self._urls: dict[str, str] | None = None
        self._root: str | None = None
        self._counts: Counter | None = None

    def counts(self) -> Counter:
        """Allies amber and red today, counted once per run for every digest."""
        if self._counts is None:
            self._counts = status_counts(self.today)
        return self._counts

    def stop_url(self, user) -> str | None:
        """The ally's one-click link to stop these reminders (none if the host has no route)."""
        if self._root is None:
            self._root = site_root()
        version = user.ally_registration.email_link_version
        return unsubscribe_url(user.pk, REMINDERS, version, self._root)

    def url_for(self, language: str) -> str:
        if self._urls is None:
            self._urls = my_allyship_urls()
        return (
            self._urls.get(language)
            or self._urls.get(language.split("-")[0])
            or self._urls.get("", "")
        )

    # allies ---------------------------------------------------------------------------

    def ally_commitments(self):
        horizon = self.today + datetime.timedelta(days=get_setting("REMINDER_DAYS_BEFORE"))
        commitments = (
            Commitment.objects.open()
            .filter(
                deadline__lte=horizon,
                pledge__user__is_active=True,
                pledge__user__ally_registration__status=RegistrationStatus.ACTIVE,
                pledge__user__ally_registration__reminders_on=True,
            )
            .exclude(pledge__user__email="")
            .select_related(
                "pledge__user",
                "pledge__user__ally_registration",
                *profile_relation("pledge__user__"),
            )
            .order_by("pledge__user_id", "deadline", "pk")
        )
        if self.user_id is not None:
            commitments = commitments.filter(pledge__user_id=self.user_id)
        return commitments

    def due_by_user(self) -> dict[int, list[tuple[Commitment, str]]]:
        """The commitments to remind each ally of, with the kind of reminder, not yet sent."""
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
        return by_user

    def ally_users(self, ids) -> dict:
        """The allies to write to who have no deadline to be reminded of (one query)."""
        if not ids:
            return {}
        return (
            get_user_model()
            .objects.select_related("ally_registration", *profile_relation())
            .in_bulk(list(ids))
        )

    def ally_messages(self) -> Iterator[Outgoing]:
        """One email per ally: deadlines coming up or passed, and his status if not green."""
        due = self.due_by_user()
        nudges = status_nudges(self.today, self.user_id)
        others = self.ally_users(set(nudges) - set(due))
        for user_id in sorted(set(due) | set(nudges)):
            items = due.get(user_id, [])
            user = items[0][0].pledge.user if items else others.get(user_id)
            if user is None:
                continue
            yield self.ally_message(user, items, nudges.get(user_id))

    def ally_message(self, user, items: list, nudge: Nudge | None) -> Outgoing:
        language = user_language(user)
        stop_url = self.stop_url(user)
        context = {
            "name": display_name(user),
            "stop_url": stop_url,
            "overdue": [c for c, kind in items if kind == ReminderKind.OVERDUE],
            "due_soon": [c for c, kind in items if kind == ReminderKind.DUE_SOON],
            "nudge": nudge,
            "days": get_setting("REMINDER_DAYS_BEFORE"),
            "today": self.today,
            "url": self.url_for(language),
        }
        rows = [
            SentReminder(user=user, commitment=c, kind=kind, for_date=c.deadline)
            for c, kind in items
        ]
        if nudge is not None:
            rows.append(claim_row(user, nudge, self.today))
        status = f", status {nudge.status}" if nudge else ""
        return Outgoing(
            user,
            DeliveryKind.ALLY,
            rows,
            render_email(
                "ally_reminder", context, language, user.email, one_click_headers(stop_url)
            ),
            f"{user.email}: {len(items)} commitment(s){status}",
        )

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

    def digest_messages(self) -> Iterator[Outgoing]:
        overdue = self.overdue_commitments()
        if not overdue:
            return
        reported = set(
            SentReminder.objects.filter(
                kind=ReminderKind.DIGEST, commitment__in=[c.pk for c in overdue]
            ).values_list("user_id", "commitment_id", "for_date")
        )
        names = unit_names()
        recipients = coordinators().exclude(email="").select_related(*profile_relation())
        if self.user_id is not None:
            recipients = recipients.filter(pk=self.user_id)
        for coordinator in recipients.order_by("pk"):
            new = [c for c in overdue if (coordinator.pk, c.pk, c.deadline) not in reported]
            if new:
                yield self.digest(coordinator, overdue, new, names)

    def digest(self, coordinator, overdue: list, new: list, names: dict) -> Outgoing:
        language = user_language(coordinator)
        new_ids = {c.pk for c in new}
        units: dict[str, dict] = {}
        for commitment in overdue:
            unit = commitment.pledge.user.ally_registration.unit
            key = unit.translation_key
            group = units.setdefault(
                key, {"name": names.get((key, language.split("-")[0]), unit.name), "items": []}
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
            "amber": self.counts()[rules.AMBER],
            "red": self.counts()[rules.RED],
            "today": self.today,
        }
        rows = [
            SentReminder(
                user=coordinator, commitment=c, kind=ReminderKind.DIGEST, for_date=c.deadline
            )
            for c in new
        ]
        return Outgoing(
            coordinator,
            DeliveryKind.DIGEST,
            rows,
            render_email("coordinator_digest", context, language, coordinator.email),
            f"{coordinator.email}: digest of {len(overdue)}",
        )

    def messages(self, kind: str) -> Iterator[Outgoing]:
        return self.ally_messages() if kind == DeliveryKind.ALLY else self.digest_messages()
