"""Sign-up for the calendar's events and sessions: places, a waiting list and attendance.

A :class:`SessionSignup` turns one calendar entry (an event or a good-practice session, in any
of its languages: the entry is matched by its translation key) into something people sign up
for, with an optional number of places, a closing time and the way it is held. Each person's
sign-up is a :class:`SessionRegistration`: a place, a turn on the waiting list, or cancelled.
Registrations are personal data (:mod:`wagtail_allyship.access.personal`).

The rules of who gets a place live in :mod:`wagtail_allyship.sessions.places`; this module
only describes the data.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from wagtail_allyship.calendar.models import ONE_OFF_KINDS, AwarenessDate
from wagtail_allyship.mail.models import QueuedEmail, QueuedEmailQuerySet

#: The most places a session can offer; enough for a conference hall.
MAX_PLACES = 10_000


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person or online")


class SignupStatus(models.TextChoices):
    PLACE = "place", _("Has a place")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class SessionSignupQuerySet(models.QuerySet):
    def for_entries(self, entries) -> SessionSignupQuerySet:
        """The sign-ups of ``entries``, whatever language each entry is in."""
        keys = {entry.translation_key for entry in entries}
        return self.filter(entry__translation_key__in=keys)

    def with_counts(self) -> SessionSignupQuerySet:
        """Each with ``places_taken``, ``waiting`` and ``attended`` counted in the database."""
        return self.annotate(
            places_taken=models.Count(
                "registrations", filter=models.Q(registrations__status=SignupStatus.PLACE)
            ),
            waiting=models.Count(
                "registrations", filter=models.Q(registrations__status=SignupStatus.WAITING)
            ),
            attended=models.Count("registrations", filter=models.Q(registrations__attended=True)),
        )


class SessionSignup(models.Model):
    """The sign-up settings of one calendar entry: places, closing time, how it is held."""

    entry = models.OneToOneField(
        AwarenessDate,
        verbose_name=_("calendar entry"),
        on_delete=models.CASCADE,
        related_name="signup",
        limit_choices_to={"kind__in": ONE_OFF_KINDS},
        help_text=_(
            "The event or session people sign up for. Its translations share the same places."
        ),
    )
    places = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES)],
        help_text=_(
            "How many people can come. Leave empty for no limit. When the places are taken, "
            "people join a waiting list and move up, in order, when someone cancels."
        ),
    )
    closes_at = models.DateTimeField(
        _("sign-up closes"),
        null=True,
        blank=True,
        help_text=_("After this, nobody can sign up. Leave empty to close when it starts."),
    )
    mode = models.CharField(
        _("held"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.BOTH,
        help_text=_(
            "The room and the online link are shown only to people with a place, on the "
            "calendar page and in their calendar file."
        ),
    )
    unit = models.ForeignKey(
        "wagtail_allyship.OrganisationUnit",
        verbose_name=_("organised by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="session_signups",
        help_text=_(
            "The unit that organises the session. Its local editors run the sign-up and see "
            "the names on the attendance list. Leave empty for a session of the central team."
        ),
    )
    #: Named by its label, so that sessions need not import the circles built on them.
    circle = models.ForeignKey(
        "wagtail_allyship.AllyCircle",
        verbose_name=_("circle"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_(
            "For a meeting of an ally circle: only its members can sign up, and nobody else "
            "sees the meeting on the calendar. Leave empty for a session open to everyone."
        ),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    #: Goes up whenever the time, place or link changes, so that calendar apps update the entry.
    sequence = models.PositiveIntegerField(_("version"), default=0, editable=False)
    #: What the calendar files last described (see :func:`places.entry_fingerprint`).
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    changed_at = models.DateTimeField(_("last changed"), default=timezone.now, editable=False)

    objects = SessionSignupQuerySet.as_manager()

    panels = [
        FieldPanel("entry"),
        FieldRowPanel([FieldPanel("places"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("mode"), FieldPanel("unit")]),
        FieldPanel("circle"),
    ]

    class Meta:
        verbose_name = _("session sign-up")
        verbose_name_plural = _("session sign-ups")
        ordering = ["-entry__starts_at", "pk"]

    def __str__(self) -> str:
        return str(self.entry)

    def save(self, *args, **kwargs) -> None:
        self.note_changes()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        entry = getattr(self, "entry", None) if self.entry_id else None
        if entry is not None and entry.kind not in ONE_OFF_KINDS:
            raise ValidationError(
                {"entry": _("Only a one-off event or a session can take sign-ups.")}
            )
        end = entry and (entry.ends_at or entry.starts_at)
        if end and self.closes_at and self.closes_at > end:
            raise ValidationError(
                {"closes_at": _("Sign-up must close before the session is over.")}
            )

    def fingerprint_now(self) -> str:
        """A digest of what a calendar file says about the session: when, where, how."""
        entry = self.entry
        parts = [
            entry.starts_at and entry.starts_at.isoformat(),
            entry.ends_at and entry.ends_at.isoformat(),
            entry.time_zone,
            entry.title,
            entry.location if self.mode != AttendanceMode.ONLINE else "",
            entry.online_link if self.mode != AttendanceMode.IN_PERSON else "",
        ]
        text = "\x1f".join(str(part or "") for part in parts)
        return hashlib.sha256(text.encode()).hexdigest()

    def note_changes(self) -> bool:
        """Raise the version when the calendar file would change; ``True`` if it would."""
        fingerprint = self.fingerprint_now()
        if fingerprint == self.fingerprint:
            return False
        if self.fingerprint:
            self.sequence += 1
        self.fingerprint = fingerprint
        self.changed_at = timezone.now()
        return True

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @admin.display(description=_("when"))
    def schedule(self) -> str:
        return self.entry.schedule()

    @admin.display(description=_("sign-up"))
    def status_label(self) -> str:
        if self.is_cancelled:
            return _("Cancelled")
        if self.has_ended():
            return _("Over")
        if not self.is_open():
            return _("Closed")
        return _("Open")

    @property
    def is_limited(self) -> bool:
        return self.places is not None

    def closing_time(self):
        """When sign-up closes: the closing time given, else the start of the entry."""
        return self.closes_at or self.entry.starts_at

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        closing = self.closing_time()
        return not self.is_cancelled and (closing is None or now < closing)

    def has_ended(self, now=None) -> bool:
        now = now or timezone.now()
        end = self.entry.ends_at or self.entry.starts_at
        return end is not None and end <= now

    def places_left(self, taken: int) -> int | None:
        """Places still free when ``taken`` are taken; ``None`` for no limit."""
        return None if self.places is None else max(self.places - taken, 0)


class SessionRegistration(models.Model):
    """One person's sign-up for one session: a place, a turn on the waiting list, cancelled."""

    signup = models.ForeignKey(
        SessionSignup,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="session_registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignupStatus.choices, db_index=True
    )
    #: The order of the waiting list: when the person first signed up (kept when they move).
    queued_at = models.DateTimeField(_("signed up"), default=timezone.now)
    #: The calendar file's UID: one per registration, the same in every file sent for it.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: Goes up when the registration itself changes (cancelled), for the calendar file.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    #: When the person was invited to give the session's feedback; once only.
    feedback_invited_at = models.DateTimeField(
        _("asked for feedback"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the email asking for the session's feedback went out."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["signup", "user"], name="allyship_one_signup_each"),
        ]
        indexes = [models.Index(fields=["signup", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.signup}"

    @property
    def has_place(self) -> bool:
        return self.status == SignupStatus.PLACE

    @property
    def is_waiting(self) -> bool:
        return self.status == SignupStatus.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == SignupStatus.CANCELLED

    def ics_uid(self) -> str:
        return f"{self.uid}@wagtail-allyship"

    def ics_sequence(self) -> int:
        """Goes up with every change to the session and to this registration."""
        return self.signup.sequence + self.sequence


class NoticeKind(models.TextChoices):
    MOVED_UP = "moved_up", _("Moved up from the waiting list")
    MOVED_DOWN = "moved_down", _("Moved to the waiting list")
    SESSION_CANCELLED = "session_cancelled", _("Session cancelled")


class NoticeStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    #: What the email would have announced was no longer true when a worker took it.
    SKIPPED = "skipped", _("No longer true, not sent")
    FAILED = "failed", _("Failed")


class SessionNotice(QueuedEmail):
    """An email telling one person that their sign-up changed, on its way through the workers.

    The row is written in the same transaction as the change it announces (moved up, moved
    down, session cancelled), so a change never goes untold and nothing is told of a change
    that was rolled back; a worker sends it afterwards, once (see
    :mod:`wagtail_allyship.sessions.delivery`). It names a person's booking, so it is
    personal data, and it goes with the registration.
    """

    registration = models.ForeignKey(
        SessionRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="notices",
        help_text=_("The person's sign-up the email is about."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=NoticeKind.choices,
        help_text=_("What changed: moved up, moved to the waiting list, session cancelled."),
    )
    url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("The session's page, linked from the email."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NoticeStatus.choices,
        default=NoticeStatus.QUEUED,
        help_text=_("Queued, sent, failed after every attempt, or not sent as no longer true."),
    )

    objects = QueuedEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("session email")
        verbose_name_plural = _("session emails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="allyship_notice_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_status_display()}"
