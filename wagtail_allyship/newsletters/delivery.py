"""Sending queued programme updates and digests, exactly once each, from any number of workers.

The package's one send step (:mod:`wagtail_allyship.mail.outbox`) takes each queued row:
locked (two workers never take the same one), sent and marked in one transaction, retried
after a back-off. The ``(send, user)`` and ``(user, month)`` unique constraints keep a second
row from ever being queued. A newsletter unpublished before its emails went is not retried.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Page

from wagtail_allyship.mail.outbox import DrainResult, Outbox, send_or_skip
from wagtail_allyship.newsletters.digest import DigestComposer
from wagtail_allyship.newsletters.emails import UpdateComposer
from wagtail_allyship.newsletters.models import (
    DeliveryKind,
    DeliveryStatus,
    NewsletterDelivery,
    NewsletterSend,
)


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


class NewsletterOutbox(Outbox):
    """The queue of programme updates and digests; one pass renders each version once."""

    model = NewsletterDelivery
    label = "Newsletter email"
    #: The newsletter was unpublished or deleted: no retry brings it back.
    permanent_errors = (LookupError,)

    def __init__(self) -> None:
        self.composers = Composers()

    def send_one(self, delivery: NewsletterDelivery) -> str:
        return send_one(delivery, self.composers)


def send_one(delivery: NewsletterDelivery, composers: Composers) -> str:
    """Compose and send ``delivery`` inside the caller's transaction; return its new status."""
    user = recipient(delivery.user_id)
    message = composers.message(delivery, user) if user.email else None
    return send_or_skip(delivery, message, DeliveryStatus.SKIPPED)


def send_due_deliveries(limit: int | None = None) -> DrainResult:
    """Send due deliveries (at most ``limit``), each tried at most once in this pass."""
    return NewsletterOutbox().drain(limit)
