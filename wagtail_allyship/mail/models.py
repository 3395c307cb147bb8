"""What every queued email of the package records: attempts, the next try, the last error.

The queues (programme updates and digests, session emails) add who it is for and what it
is about; :mod:`wagtail_allyship.mail.outbox` sends their rows.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.mail.outbox import QUEUED


class QueuedEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Queued and not waiting for a retry's back-off."""
        return self.filter(status=QUEUED, next_attempt_at__lte=now or timezone.now())


class QueuedEmail(models.Model):
    """An email on its way through the workers (an abstract base: each queue has its table)."""

    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, help_text=_("How many times a worker tried to send it.")
    )
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        default=timezone.now,
        help_text=_("When a worker may try it (later after a failure)."),
    )
    last_error = models.TextField(
        _("last error"), blank=True, help_text=_("What the mail server said the last time.")
    )
    sent_at = models.DateTimeField(
        _("sent at"), null=True, blank=True, help_text=_("When the mail server took it.")
    )
    created_at = models.DateTimeField(
        _("queued at"), default=timezone.now, help_text=_("When it was queued.")
    )

    class Meta:
        abstract = True
