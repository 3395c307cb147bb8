"""Feedback an ally asks for: a colleague says, in her own words, how he has supported her.

A ``FeedbackRequest`` is one question from one ally to one colleague, for one programme year:
to a colleague he names, or through a private link he passes on (then the colleague is known
only once someone answers through it). It is answered once, declined, or reported as unwanted,
and it expires. Its text is read by two people only: the ally who asked and the colleague who
wrote it; it is shown on the pledge wall only when both agree. Everyone else, coordinators and
superusers included, sees counts (see :mod:`wagtail_allyship.access.personal`).

A ``FeedbackBlock`` records that a colleague wants no more requests from an ally.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.registry.models import display_name


class FeedbackState(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")
    REPORTED = "reported", _("Reported as unwanted")


def new_token() -> tuple[str, str]:
    """A private link's secret and the hash that is stored (the secret itself never is)."""
    token = secrets.token_urlsafe(24)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class FeedbackRequestQuerySet(models.QuerySet):
    def on_the_wall(self) -> FeedbackRequestQuerySet:
        """Answers both the writer and the ally agreed to show."""
        return self.filter(state=FeedbackState.ANSWERED, writer_agrees=True, ally_agrees=True)


class FeedbackRequest(models.Model):
    """One ally's question to one colleague: how has he supported you?"""

    ally = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ally"),
        on_delete=models.CASCADE,
        related_name="feedback_requests_sent",
    )
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("colleague"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feedback_requests_received",
        help_text=_("Empty for a private link until someone answers through it."),
    )
    token_hash = models.CharField(
        _("link"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    programme_year = models.PositiveSmallIntegerField(_("programme year"))
    state = models.CharField(
        _("state"), max_length=20, choices=FeedbackState.choices, default=FeedbackState.PENDING
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    text = models.TextField(_("example"), blank=True)
    commitment = models.ForeignKey(
        "wagtail_allyship.Commitment",
        verbose_name=_("related commitment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    writer_agrees = models.BooleanField(_("the writer agrees to show it"), default=False)
    ally_agrees = models.BooleanField(_("the ally agrees to show it"), default=False)

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback request")
        verbose_name_plural = _("feedback requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # NULL colleagues (unused links) never collide: the rule is on people asked.
            models.UniqueConstraint(
                fields=["ally", "colleague", "programme_year"],
                name="wagtail_allyship_feedback_once_a_year",
                violation_error_message=_("You already asked this colleague this year."),
            )
        ]
        indexes = [
            models.Index(fields=["ally", "created_at"], name="allyship_feedback_sent_idx"),
            models.Index(fields=["colleague", "state"], name="allyship_feedback_inbox_idx"),
        ]

    def __str__(self) -> str:
        return _("Feedback for %(ally)s") % {"ally": display_name(self.ally)}

    @property
    def is_link(self) -> bool:
        return bool(self.token_hash)

    def is_expired(self, now=None) -> bool:
        return self.state == FeedbackState.PENDING and self.expires_at <= (now or timezone.now())

    @property
    def is_on_the_wall(self) -> bool:
        return self.state == FeedbackState.ANSWERED and self.writer_agrees and self.ally_agrees


class FeedbackBlock(models.Model):
    """A colleague's wish to receive no more feedback requests from one ally."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    ally = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ally"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("blocked at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback block")
        verbose_name_plural = _("feedback blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "ally"], name="wagtail_allyship_feedback_block"
            )
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
