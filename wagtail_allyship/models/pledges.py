"""Pledges: the ally registry, pledges of up to three commitments, progress and reminders.

``AllyRegistration`` is the registry a coordinator keeps: who the allies are and where they sit
in the organisation. Each year an ally may make one ``Pledge`` of one to three ``Commitment``
objects, each with a KPI, a deadline and an action plan; ``CommitmentUpdate`` is the progress
log of a commitment, and ``SentReminder`` records which reminder emails went out, so that no
email is sent twice. The three page types give allies the pledge form, the pledge wall and
their own "My allyship" page; their views live in :mod:`wagtail_allyship.views.pledges`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import programme_year as years
from ..blocks import SHORT_TEXT_FEATURES
from ..conf import get_setting
from .base import AllyshipPageMixin
from .units import OrganisationUnit

# Programme years ----------------------------------------------------------------------


def current_programme_year(today: datetime.date | None = None) -> int:
    """The programme year of ``today`` (the local date by default)."""
    return years.programme_year(
        today or timezone.localdate(), get_setting("PROGRAMME_YEAR_START_MONTH")
    )


def programme_year_label(year: int) -> str:
    """How the year is written on pages and in exports, e.g. "2026" or "2025–26"."""
    return years.year_label(year, get_setting("PROGRAMME_YEAR_START_MONTH"))


# The registry -------------------------------------------------------------------------


class RegistrationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left the programme")


def display_name(user) -> str:
    """A person's full name, or their username when the intranet has no name for them."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


class AllyRegistration(models.Model):
    """One member of staff who signed up as an ally, and their place in the organisation.

    A user has at most one registration (the one-to-one field is a unique constraint in the
    database), so signing up again updates it. Only coordinators see the registry; see
    :func:`wagtail_allyship.permissions.is_coordinator`.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ally"),
        on_delete=models.CASCADE,
        related_name="ally_registration",
        help_text=_("The member of staff who signed up."),
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="ally_registrations",
        help_text=_("The force, region or business unit the ally works in."),
    )
    role = models.CharField(
        _("role or rank"),
        max_length=255,
        help_text=_("As the ally describes it, e.g. 'Police sergeant' or 'HR business partner'."),
    )
    joined_on = models.DateField(
        _("joined on"),
        default=timezone.localdate,
        help_text=_("The day the ally first signed up."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.ACTIVE,
        help_text=_(
            "Paused allies get no reminders; allies who left get none and their pledges leave "
            "the pledge wall."
        ),
    )
    consent_to_contact = models.BooleanField(
        _("may be contacted"),
        default=False,
        help_text=_("Whether the ally agreed to be contacted by the programme team."),
    )
    left_on = models.DateField(
        _("left on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Filled in when the status becomes 'Left the programme' and emptied when it "
            "changes back. The retention command counts from this day."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    #: Keep registrations out of Wagtail's reference index, so that the "usage" of a unit
    #: does not list allies by name to editors who are not coordinators.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("joined_on")]),
        FieldPanel("consent_to_contact"),
    ]

    class Meta:
        verbose_name = _("ally registration")
        verbose_name_plural = _("ally registry")
        ordering = ["-joined_on", "-pk"]
        indexes = [
            models.Index(fields=["status", "joined_on"], name="allyship_registry_status_idx")
        ]

    def __str__(self) -> str:
        return display_name(self.user)

    def save(self, *args, **kwargs) -> None:
        self.note_leaving()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "left_on"}
        super().save(*args, **kwargs)

    def full_name(self) -> str:
        return display_name(self.user)

    full_name.short_description = _("name")

    def email(self) -> str:
        return self.user.email

    email.short_description = _("email")

    @property
    def is_active(self) -> bool:
        return self.status == RegistrationStatus.ACTIVE

    def note_leaving(self, today: datetime.date | None = None) -> None:
        """Date the leaving on the first save with status "left"; forget it on coming back."""
        if self.status != RegistrationStatus.LEFT:
            self.left_on = None
        elif self.left_on is None:
            self.left_on = today or timezone.localdate()


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="wagtail_allyship_forget_user")
def forget_deleted_user(sender, instance, **kwargs) -> None:
    """Remove what no foreign key cascades from: survey markers and registry history.

    Registration, pledges, commitments and progress updates go with the user through their
    ``CASCADE`` foreign keys; see :func:`wagtail_allyship.retention.forget_user`.
    """
    from ..retention import forget_user

    forget_user(instance)


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
        from ..permissions import is_coordinator

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


class SentReminder(models.Model):
    """A reminder about one commitment that went to one person.

    The unique constraint is what stops a second copy: a run claims a reminder by inserting
    its row in the same transaction that sends the email, so a concurrent run on another
    server fails on the constraint and sends nothing. ``for_date`` is the deadline the
    reminder is about, so each deadline is reminded once rather than every day, and moving a
    deadline starts again. A coordinator digest records one row per newly overdue commitment
    it reports.
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


# Pages --------------------------------------------------------------------------------


class PersonalPageMixin(AllyshipPageMixin, RoutablePageMixin):
    """A page that shows personal data: only for logged-in users, never cached."""

    subpage_types: list[str] = []

    def get_sitemap_urls(self, request=None):
        return []


class PledgePage(PersonalPageMixin, Page):
    """The pledge form: sign up as an ally, then pledge up to three commitments a year."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Above the form: why pledging matters and what makes a good commitment."),
    )
    sign_up_introduction = RichTextField(
        _("sign-up introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_(
            "Above the sign-up form that staff who are not allies yet see first, e.g. what "
            "being an ally involves."
        ),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_(
            "Who sees the registration and the pledge, how long they are kept and whom to ask "
            "about them. Shown beside both forms."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("sign_up_introduction"),
        FieldPanel("privacy_notice"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/pledges/pledge_page.html"

    class Meta:
        verbose_name = _("pledge page")
        verbose_name_plural = _("pledge pages")

    @path("")
    def pledge_form(self, request):
        from ..views import pledges as views

        return views.pledge_form(self, request)

    @path("sign-up/")
    def sign_up(self, request):
        from ..views import pledges as views

        return views.sign_up(self, request)


class PledgeWallPage(PersonalPageMixin, Page):
    """Published pledges of the current programme year, newest first, filterable by unit."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Above the pledges, e.g. an invitation to add one's own."),
    )
    per_page = models.PositiveSmallIntegerField(
        _("pledges per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text=_("How many pledges one page of the wall shows (5 to 100)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("per_page")], heading=_("Listing")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/pledges/pledge_wall_page.html"

    class Meta:
        verbose_name = _("pledge wall page")
        verbose_name_plural = _("pledge wall pages")

    @path("")
    def wall(self, request):
        from ..views import pledges as views

        return views.pledge_wall(self, request)

    @path("<int:pledge_id>/")
    def pledge_detail(self, request, pledge_id: int):
        from ..views import pledges as views

        return views.pledge_detail(self, request, pledge_id)


class MyAllyshipPage(PersonalPageMixin, Page):
    """The logged-in ally's own registration, pledges, progress and data."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Above the ally's own data, e.g. whom to contact with questions."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/pledges/my_allyship_page.html"

    class Meta:
        verbose_name = _("my allyship page")
        verbose_name_plural = _("my allyship pages")

    @path("")
    def overview(self, request):
        from ..views import pledges as views

        return views.my_allyship(self, request)

    @path("my-data/")
    def download(self, request):
        from ..views import pledges as views

        return views.download_my_data(self, request)

    @path("pledges/<int:pledge_id>/delete/")
    def delete_pledge(self, request, pledge_id: int):
        from ..views import pledges as views

        return views.delete_pledge(self, request, pledge_id)

    @path("commitments/<int:commitment_id>/progress/")
    def log_progress(self, request, commitment_id: int):
        from ..views import pledges as views

        return views.log_progress(self, request, commitment_id)
