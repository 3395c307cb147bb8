"""Pledges: one ally's commitments for a programme year, their progress and reminders.

Each year an ally may make one ``Pledge`` of one to three ``Commitment`` objects, each with a
KPI, a deadline and an action plan; ``CommitmentUpdate`` is the progress log of a commitment,
and ``SentReminder`` records which reminder emails went out, so that no email is sent twice.
The registration an ally makes first is in :mod:`wagtail_allyship.registry.models`; the
pages allies use are in :mod:`wagtail_allyship.pledges.pages`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges import years
from wagtail_allyship.registry.models import RegistrationStatus, display_name

# Programme years ----------------------------------------------------------------------


def current_programme_year(today: datetime.date | None = None) -> int:
    """The programme year of ``today`` (the local date by default)."""
    return years.programme_year(
        today or timezone.localdate(), get_setting("PROGRAMME_YEAR_START_MONTH")
    )


def programme_year_label(year: int) -> str:
    """How the year is written on pages and in exports, e.g. "2026" or "2025–26"."""
    return years.year_label(year, get_setting("PROGRAMME_YEAR_START_MONTH"))


# Pledges and commitments --------------------------------------------------------------


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Private: only me and the programme coordinators")
    PUBLISHED = "published", _("Published: colleagues who are logged in can see it")


class CommitmentKind(models.TextChoices):
    PERSONAL = "personal", _("Personal")
    ORGANISATIONAL = "organisational", _("Organisational")


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


#: Statuses of a commitment that still needs work.
OPEN_STATUSES = (CommitmentStatus.NOT_STARTED, CommitmentStatus.IN_PROGRESS)

#: The most commitments one pledge may hold.
MAX_COMMITMENTS = 3


class PledgeQuerySet(models.QuerySet):
    def for_year(self, year: int) -> PledgeQuerySet:
        return self.filter(programme_year=year)

    def on_the_wall(self) -> PledgeQuerySet:
        """Pledges their owners published, of allies who have not left the programme."""
        return self.filter(
            visibility=Visibility.PUBLISHED,
            user__ally_registration__status__in=[
                RegistrationStatus.ACTIVE,
                RegistrationStatus.PAUSED,
            ],
        )

    def visible_to(self, user) -> PledgeQuerySet:
        """Pledges ``user`` may read: their own, published ones, and all for coordinators."""
        if not user.is_authenticated:
            return self.none()
        if is_coordinator(user):
            return self
        return self.filter(Q(user=user) | Q(pk__in=self.model.objects.on_the_wall().values("pk")))


class Pledge(models.Model):
    """One ally's pledge for one programme year: one to three commitments."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ally"),
        on_delete=models.CASCADE,
        related_name="ally_pledges",
    )
    programme_year = models.PositiveSmallIntegerField(
        _("programme year"),
        help_text=_("The calendar year in which the programme year starts."),
    )
    visibility = models.CharField(
        _("who can see it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    published_consent_at = models.DateTimeField(
        _("consent to publish given at"),
        null=True,
        blank=True,
        help_text=_("When the ally agreed to show the pledge to colleagues; empty if private."),
    )
    renewed_from = models.ForeignKey(
        "self",
        verbose_name=_("renewed from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewals",
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-programme_year", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme_year"],
                name="wagtail_allyship_one_pledge_per_year",
                violation_error_message=_("You already have a pledge for this programme year."),
            )
        ]
        indexes = [
            models.Index(
                fields=["programme_year", "visibility", "-created_at"],
                name="allyship_pledge_wall_idx",
            )
        ]

    def __str__(self) -> str:
        return _("%(name)s’s pledge for %(year)s") % {
            "name": display_name(self.user),
            "year": self.year_label,
        }

    @property
    def year_label(self) -> str:
        return programme_year_label(self.programme_year)

    @property
    def is_published(self) -> bool:
        return self.visibility == Visibility.PUBLISHED


class CommitmentQuerySet(models.QuerySet):
    def open(self) -> CommitmentQuerySet:
        """Commitments that still need work and were not carried over into a later pledge."""
        carried = Commitment.objects.filter(carried_over_from=OuterRef("pk"))
        return self.filter(status__in=OPEN_STATUSES).filter(~Exists(carried))

    def overdue(self, today: datetime.date | None = None) -> CommitmentQuerySet:
        return self.open().filter(deadline__lt=today or timezone.localdate())


class Commitment(models.Model):
    """One thing an ally commits to: what, how it is measured, by when, and the plan."""

    pledge = models.ForeignKey(
        Pledge,
        verbose_name=_("pledge"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=CommitmentKind.choices,
        default=CommitmentKind.PERSONAL,
    )
    text = models.TextField(_("commitment"))
    kpi = models.TextField(_("KPI"), blank=True)
    kpi_private = models.BooleanField(_("keep the KPI private"), default=False)
    deadline = models.DateField(_("deadline"))
    plan_what = models.TextField(_("what"), blank=True)
    plan_how = models.TextField(_("how"), blank=True)
    plan_who = models.TextField(_("who"), blank=True)
    plan_when = models.CharField(_("by when"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.NOT_STARTED,
    )
    carried_over_from = models.ForeignKey(
        "self",
        verbose_name=_("carried over from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_over_to",
    )

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["pledge", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "position"], name="wagtail_allyship_commitment_position"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1) & Q(position__lte=MAX_COMMITMENTS),
                name="wagtail_allyship_at_most_three_commitments",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="allyship_commitment_due_idx")]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.is_open and self.deadline < (today or timezone.localdate())

    def refresh_status(self) -> None:
        """Take the status of the latest progress update (by date, then by when it was logged)."""
        latest = self.updates.order_by("-date", "-created_at", "-pk").first()
        status = latest.status if latest else CommitmentStatus.NOT_STARTED
        if status != self.status:
            self.status = status
            self.save(update_fields=["status"])


class CommitmentUpdate(models.Model):
    """A step in the progress log of a commitment. Updates are kept, never overwritten."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    status = models.CharField(_("status"), max_length=20, choices=CommitmentStatus.choices)
    note = models.TextField(_("note"), blank=True)
    date = models.DateField(_("date"), default=timezone.localdate)
    created_at = models.DateTimeField(_("logged at"), default=timezone.now)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_status_display()}"


# Reminders ----------------------------------------------------------------------------


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Deadline coming up")
    OVERDUE = "overdue", _("Deadline passed")
    DIGEST = "digest", _("Coordinator digest")
    STATUS = "status", _("Accountability status")


class SentReminder(models.Model):
    """A reminder about one commitment that went to one person.

    The unique constraint is what stops a second copy: a run claims a reminder by inserting
    its row in the same transaction that sends the email, so a concurrent run on another
    server fails on the constraint and sends nothing. ``for_date`` is the deadline the
    reminder is about, so each deadline is reminded once rather than every day, and moving a
    deadline starts again. A coordinator digest records one row per newly overdue commitment
    it reports. A status nudge (see :mod:`~wagtail_allyship.pledges.nudges`) records one
    row, on the pledge's first commitment, dated the first day of its month.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="sent_reminders",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    for_date = models.DateField(_("deadline reminded of"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "commitment", "kind", "for_date"],
                name="wagtail_allyship_reminder_sent_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.for_date})"


def can_view_pledge(user, pledge) -> bool:
    """Owner, coordinators, and for a published pledge any logged-in user."""
    if user is None or not user.is_authenticated:
        return False
    if pledge.user_id == user.pk or is_coordinator(user):
        return True
    registration = getattr(pledge.user, "ally_registration", None)
    return (
        pledge.is_published
        and registration is not None
        and registration.status != RegistrationStatus.LEFT
    )


class DeliveryKind(models.TextChoices):
    ALLY = "ally", _("Reminder to an ally")
    DIGEST = "digest", _("Coordinator digest")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    ALREADY_SENT = "already_sent", _("Already sent")
    FAILED = "failed", _("Failed")


class ReminderDeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        """Queued and not waiting for a retry's back-off."""
        return self.filter(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now or timezone.now())


class ReminderDelivery(models.Model):
    """One reminder email to one person on one day, on its way through the workers.

    ``allyship_reminders`` queues a row per recipient with something new to be told (never
    a second one while one is queued); a worker sends it, claiming its
    :class:`SentReminder` rows and marking the row "sent" in the same transaction as the
    send. A failed delivery is tried again after a back-off (``MAIL_RETRY_SECONDS``,
    doubled each time) up to ``MAIL_MAX_ATTEMPTS`` times, and is then marked "failed" for
    the coordinators' report. A worker killed while sending leaves the row queued (its
    transaction is rolled back), and the next worker sends it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DeliveryKind.choices)
    for_date = models.DateField(_("day of the run"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ReminderDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder email")
        verbose_name_plural = _("reminder emails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="allyship_delivery_due_idx"),
            models.Index(fields=["user", "kind", "status"], name="allyship_delivery_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.for_date}): {self.get_status_display()}"
