"""Ally circles: small peer groups of allies who meet regularly, with a facilitator.

A coordinator sets up an :class:`AllyCircle` (4 to 12 people, within one unit or across
units) and either places allies in it or lets them ask to join. A :class:`CircleMembership`
says who is in a circle; a :class:`CircleRequest` is one ally's request to join and its
answer. Both are personal data (:mod:`wagtail_allyship.access.personal`): the members see
each other's names, nobody outside the circle does. The circle's meetings are sessions
(:class:`~wagtail_allyship.sessions.models.SessionSignup` with ``circle`` set), open to its
members only.

The rules of joining and leaving live in :mod:`wagtail_allyship.circles.rules`; this module
only describes the data. Nothing here is translatable: a circle is people, not content.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from wagtail_allyship.units.models import OrganisationUnit

#: The smallest and largest a circle can be: small enough for everyone to speak.
SMALLEST = 4
LARGEST = 12


class MeetingRhythm(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")
    OTHER = "other", _("Other (describe it)")


class Admission(models.TextChoices):
    OPEN = "open", _("Open: allies can ask to join")
    PLACEMENT = "placement", _("Placement only: coordinators place allies")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AllyCircleQuerySet(models.QuerySet):
    def with_member_count(self) -> AllyCircleQuerySet:
        """Each circle with ``member_count`` counted in the database."""
        return self.annotate(member_count=models.Count("memberships", distinct=True))


class AllyCircle(models.Model):
    """A small group of allies who meet to talk about their allyship, with a facilitator."""

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("A short name the members will recognise, e.g. 'North region circle'."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the circle is for and how it works, shown to allies who may join."),
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ally_circles",
        help_text=_("The unit whose allies it brings together. Leave empty for across units."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_circles",
        help_text=_(
            "The person who leads the meetings. They see the members and the meetings, "
            "like a member."
        ),
    )
    rhythm = models.CharField(
        _("meets"),
        max_length=20,
        choices=MeetingRhythm.choices,
        default=MeetingRhythm.MONTHLY,
        help_text=_("How often the circle meets."),
    )
    rhythm_other = models.CharField(
        _("other rhythm"),
        max_length=120,
        blank=True,
        help_text=_("When the circle meets, if none of the choices fits, e.g. 'every term'."),
    )
    min_size = models.PositiveSmallIntegerField(
        _("smallest size"),
        default=SMALLEST,
        validators=[MinValueValidator(SMALLEST), MaxValueValidator(LARGEST)],
        help_text=_("How many members it needs to start meeting (4 to 12)."),
    )
    max_size = models.PositiveSmallIntegerField(
        _("largest size"),
        default=8,
        validators=[MinValueValidator(SMALLEST), MaxValueValidator(LARGEST)],
        help_text=_("How many members it can take (4 to 12). Nobody joins once it is full."),
    )
    admission = models.CharField(
        _("joining"),
        max_length=20,
        choices=Admission.choices,
        default=Admission.OPEN,
        help_text=_(
            "Open circles are listed for allies, who can ask to join; coordinators answer. "
            "Placement-only circles are filled by coordinators."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = AllyCircleQuerySet.as_manager()

    #: Keep circles out of Wagtail's reference index: the "usage" of a unit or a user must
    #: not lead editors who are not coordinators to a circle.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("facilitator")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("rhythm"), FieldPanel("rhythm_other")])],
            heading=_("Meetings"),
        ),
        FieldRowPanel([FieldPanel("min_size"), FieldPanel("max_size")]),
        FieldPanel("admission"),
    ]

    class Meta:
        verbose_name = _("ally circle")
        verbose_name_plural = _("ally circles")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.rhythm == MeetingRhythm.OTHER and not self.rhythm_other.strip():
            errors["rhythm_other"] = _("Say when the circle meets, or choose a rhythm.")
        if self.min_size and self.max_size and self.min_size > self.max_size:
            errors["min_size"] = _("The smallest size cannot be larger than the largest size.")
        members = self.memberships.count() if self.pk else 0
        if self.max_size and members > self.max_size:
            errors["max_size"] = ngettext(
                "The circle already has %(count)d member: the largest size cannot be lower. "
                "Ask a member to leave first.",
                "The circle already has %(count)d members: the largest size cannot be lower. "
                "Ask members to leave first.",
                members,
            ) % {"count": members}
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.admission == Admission.OPEN

    def rhythm_label(self) -> str:
        if self.rhythm == MeetingRhythm.OTHER:
            return self.rhythm_other
        return str(self.get_rhythm_display())

    rhythm_label.short_description = _("meets")

    def places_left(self, members: int) -> int:
        return max(self.max_size - members, 0)


class CircleMembership(models.Model):
    """One ally in one circle."""

    class How(models.TextChoices):
        PLACED = "placed", _("Placed by a coordinator")
        ASKED = "asked", _("Asked to join")

    circle = models.ForeignKey(
        AllyCircle,
        verbose_name=_("circle"),
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("The circle the ally belongs to."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="circle_memberships",
        help_text=_("The ally in the circle."),
    )
    how = models.CharField(
        _("joined by"),
        max_length=20,
        choices=How.choices,
        help_text=_("Whether the ally asked to join or was placed."),
    )
    joined_at = models.DateTimeField(
        _("joined"), default=timezone.now, help_text=_("When the ally joined the circle.")
    )

    class Meta:
        verbose_name = _("circle membership")
        verbose_name_plural = _("circle memberships")
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="allyship_one_membership"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.circle}"


class CircleRequest(models.Model):
    """One ally's request to join an open circle, and the coordinators' answer.

    There is one row per ally and circle: asking again after leaving opens the same row.
    """

    circle = models.ForeignKey(
        AllyCircle,
        verbose_name=_("circle"),
        on_delete=models.CASCADE,
        related_name="requests",
        help_text=_("The circle the ally asked to join."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ally"),
        on_delete=models.CASCADE,
        related_name="circle_requests",
        help_text=_("The ally who asked."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
        help_text=_("Whether the request is waiting, accepted, declined or withdrawn."),
    )
    asked_at = models.DateTimeField(
        _("asked"), default=timezone.now, help_text=_("When the ally asked.")
    )
    answered_at = models.DateTimeField(
        _("answered"), null=True, blank=True, help_text=_("When a coordinator answered.")
    )

    class Meta:
        verbose_name = _("circle request")
        verbose_name_plural = _("circle requests")
        ordering = ["asked_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="allyship_one_circle_request"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.circle}"

    @property
    def is_pending(self) -> bool:
        return self.status == RequestStatus.PENDING
