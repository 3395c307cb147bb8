"""The monthly digest: what is new for one ally since his last digest, in his language.

New stories and resources published in his language since the last digest he was sent (or
in the last month, for the first), his next deadlines, and the sessions and awareness dates
of the coming weeks. When there is nothing of the sort, no email is sent: the delivery is
marked "nothing to send". Allies ask for it from "My allyship"; ``allyship_digest`` queues
one delivery per ally and month, and the workers send them like the programme updates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.mail.unsubscribe import DIGEST, site_root
from wagtail_allyship.newsletters.audience import match, wanted_languages
from wagtail_allyship.newsletters.emails import build_message, reader_link, render_version
from wagtail_allyship.newsletters.models import DeliveryKind, DeliveryStatus, NewsletterDelivery
from wagtail_allyship.pledges.models import Commitment
from wagtail_allyship.registry.models import RegistrationStatus
from wagtail_allyship.resources.models import ResourcePage
from wagtail_allyship.stories.models import GoodPracticeStoryPage

TEMPLATE = "wagtail_allyship/newsletters/email/digest.html"
#: How far ahead the digest looks for sessions and awareness dates.
AHEAD = datetime.timedelta(days=45)
#: How many of each kind it lists at most.
LIMIT = 5


@dataclass
class DigestContent:
    stories: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    dates: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.stories or self.resources or self.deadlines or self.dates)


def last_digest_at(user_id: int) -> datetime.datetime | None:
    return (
        NewsletterDelivery.objects.filter(
            user_id=user_id, kind=DeliveryKind.DIGEST, status=DeliveryStatus.SENT
        )
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )


def upcoming_dates(language: str, today: datetime.date) -> list[dict]:
    """Sessions, events and yearly dates of the coming weeks in ``language``, soonest first."""
    found = []
    last = today + AHEAD
    entries = AwarenessDate.objects.filter(locale__language_code=language)
    for entry in entries.upcoming().filter(starts_on__lte=last)[:LIMIT]:
        found.append((entry.starts_on, entry))
    for entry in entries.yearly():
        occurrences = entry.occurrences(today, last)
        if occurrences:
            found.append((occurrences[0].start, entry))
    found.sort(key=lambda pair: (pair[0], pair[1].pk))
    return [{"title": entry.title, "when": entry.schedule} for _start, entry in found[:LIMIT]]


def digest_content(user, language: str, now: datetime.datetime) -> DigestContent:
    since = last_digest_at(user.pk) or now - datetime.timedelta(days=31)
    today = timezone.localdate(now)

    def new(model):
        return list(
            model.objects.live()
            .filter(locale__language_code=language, first_published_at__gt=since)
            .order_by("-first_published_at")[:LIMIT]
        )

    return DigestContent(
        stories=new(GoodPracticeStoryPage),
        resources=new(ResourcePage),
        deadlines=list(
            Commitment.objects.open()
            .filter(pledge__user=user, deadline__gte=today)
            .order_by("deadline", "pk")[:3]
        ),
        dates=upcoming_dates(language, today),
    )


def digest_language(user) -> str:
    available = list(Locale.objects.values_list("language_code", flat=True))
    for code in wanted_languages(user):
        found = match(code, available)
        if found:
            return found
    return Locale.get_default().language_code


class DigestComposer:
    """The digests of one pass; ``None`` for an ally with nothing new to read."""

    def __init__(self, root: str | None = None) -> None:
        self.root = root if root is not None else site_root()

    def message(self, user, delivery: NewsletterDelivery):
        registration = getattr(user, "ally_registration", None)
        if registration is None or not registration.digest_on:
            return None
        content = digest_content(user, delivery.language, timezone.now())
        if not content:
            return None
        link = reader_link(user, DIGEST, self.root)
        with override(delivery.language):
            subject = _("What is new in the allyship programme")
        rendered = render_version(
            TEMPLATE,
            {"subject": subject, "content": content, "unsubscribe_url": link or ""},
            delivery.language,
            self.root,
        )
        return build_message(rendered, user.email, None if link is None else link, {})


def digest_readers():
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            ally_registration__status=RegistrationStatus.ACTIVE,
            ally_registration__digest_on=True,
        )
        .exclude(email="")
        .select_related("ally_registration__unit__locale", "wagtail_userprofile")
        .order_by("pk")
    )


def queue_digests(today: datetime.date | None = None) -> int:
    """Queue this month's digest for every ally who asked for it (none twice); how many new."""
    month = (today or timezone.localdate()).replace(day=1)
    with transaction.atomic():
        before = NewsletterDelivery.objects.filter(kind=DeliveryKind.DIGEST, for_date=month).count()
        NewsletterDelivery.objects.bulk_create(
            [
                NewsletterDelivery(
                    kind=DeliveryKind.DIGEST,
                    user=user,
                    language=digest_language(user),
                    for_date=month,
                )
                for user in digest_readers().iterator(chunk_size=500)
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        after = NewsletterDelivery.objects.filter(kind=DeliveryKind.DIGEST, for_date=month).count()
    return after - before
