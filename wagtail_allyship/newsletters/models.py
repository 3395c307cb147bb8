"""Sending programme updates and digests: one send per newsletter, one delivery per recipient.

A :class:`NewsletterSend` is made once per newsletter (all its translations together: the
unique translation key refuses a second), with the audience the editor chose. When it
starts, one :class:`NewsletterDelivery` is queued per recipient (the unique constraint
refuses a second); the workers send each one exactly once (see :mod:`.delivery`). The
monthly digest uses the same deliveries, one per ally and month.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from wagtail_allyship.mail.models import QueuedEmail, QueuedEmailQuerySet
from wagtail_allyship.units.models import OrganisationUnit


class AudienceKind(models.TextChoices):
    ALL_ALLIES = "all", _("All allies")
    UNITS = "units", _("Allies of chosen units, with their sub-units")
    COORDINATORS = "coordinators", _("Programme coordinators")


class SendStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")


class NewsletterSend(models.Model):
    """A newsletter on its way to an audience, in every language it was translated into."""

    translation_key = models.UUIDField(
        _("newsletter"),
        unique=True,
        help_text=_("The newsletter and all its translations; it is sent once."),
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("page sent from"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The version of the newsletter the editor sent from."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=AudienceKind.choices,
        help_text=_("Who receives it."),
    )
    units = models.ManyToManyField(
        OrganisationUnit,
        verbose_name=_("units"),
        blank=True,
        related_name="+",
        help_text=_("For an audience of units: the units whose allies receive it."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SendStatus.choices,
        default=SendStatus.SCHEDULED,
        help_text=_("Scheduled until its time comes; then its deliveries are queued."),
    )
    send_at = models.DateTimeField(
        _("send at"),
        default=timezone.now,
        help_text=_("When the sending starts."),
    )
    skipped_without_email = models.PositiveIntegerField(
        _("allies without an email address"),
        default=0,
        help_text=_("Allies of the audience who were skipped because they have no address."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The editor who sent or scheduled it."),
    )
    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, help_text=_("When the editor pressed send.")
    )

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")

    def __str__(self) -> str:
        return f"{self.page.title} ({self.get_status_display()})"


class DeliveryKind(models.TextChoices):
    NEWSLETTER = "newsletter", _("Programme update")
    DIGEST = "digest", _("Monthly digest")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Nothing to send")


class NewsletterDelivery(QueuedEmail):
    """One programme update or digest to one person: queued, sent once, or failed."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=DeliveryKind.choices,
        help_text=_("A programme update or the monthly digest."),
    )
    send = models.ForeignKey(
        NewsletterSend,
        verbose_name=_("newsletter send"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
        help_text=_("The send this delivery belongs to (none for a digest)."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Who receives it."),
    )
    language = models.CharField(
        _("language"),
        max_length=20,
        help_text=_("The language the recipient reads it in."),
    )
    for_date = models.DateField(
        _("period"),
        null=True,
        blank=True,
        help_text=_("For a digest: the first day of its month."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.QUEUED,
        help_text=_("Queued, sent, failed after every attempt, or skipped (nothing to say)."),
    )

    objects = QueuedEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter email")
        verbose_name_plural = _("newsletter emails")
        constraints = [
            models.UniqueConstraint(
                fields=["send", "user"], name="wagtail_allyship_newsletter_once"
            ),
            # A newsletter's rows have no period (NULL), which a unique constraint never
            # counts as equal: on every database, this limits digests only.
            models.UniqueConstraint(
                fields=["user", "for_date"], name="wagtail_allyship_digest_once_a_month"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="allyship_newsletter_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_status_display()}"
