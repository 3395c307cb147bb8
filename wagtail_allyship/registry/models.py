"""The ally registry: who signed up as an ally and where they sit in the organisation.

``AllyRegistration`` is the registry a coordinator keeps. A member of staff has at most one
registration; signing up again updates it. Registrations are personal data: see
:mod:`wagtail_allyship.access.guard` for who may read them, and
:mod:`wagtail_allyship.privacy.retention` for how long they are kept.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from wagtail_allyship.units.models import OrganisationUnit


class RegistrationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left the programme")


def display_name(user) -> str:
    """A person's full name, or their username when the intranet has no name for them."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


#: The emails an ally can turn on and off, by the field that holds his choice.
SUBSCRIPTIONS = ("reminders_on", "newsletters_on", "digest_on")


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
    reminders_on = models.BooleanField(
        _("reminder emails"),
        default=True,
        help_text=_(
            "Whether the ally gets emails about the deadlines of his commitments. He can turn "
            "them off with the link in each email and back on from 'My allyship'."
        ),
    )
    newsletters_on = models.BooleanField(
        _("programme updates"),
        default=True,
        help_text=_(
            "Whether the ally gets the programme's newsletters by email. He can stop them with "
            "the link in each one and turn them back on from 'My allyship'."
        ),
    )
    digest_on = models.BooleanField(
        _("monthly digest"),
        default=False,
        help_text=_(
            "Whether the ally asked, from 'My allyship', for a monthly email of what is new: "
            "stories, resources, his next deadlines, sessions and awareness dates."
        ),
    )
    email_link_version = models.PositiveIntegerField(
        _("version of the email links"),
        default=0,
        editable=False,
        help_text=_(
            "Goes up each time the reminder setting changes, so that an unsubscribe link "
            "works once: a link sent before the change no longer changes anything."
        ),
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
        FieldRowPanel([FieldPanel("consent_to_contact"), FieldPanel("reminders_on")]),
        FieldRowPanel([FieldPanel("newsletters_on"), FieldPanel("digest_on")]),
    ]

    class Meta:
        verbose_name = _("ally registration")
        verbose_name_plural = _("ally registrations")
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

    def may_be_contacted(self) -> str:
        """The consent in words ("Yes"/"No"), for the inspect view and exports."""
        return _("Yes") if self.consent_to_contact else _("No")

    may_be_contacted.short_description = _("may be contacted")

    @property
    def is_active(self) -> bool:
        return self.status == RegistrationStatus.ACTIVE

    def set_reminders(self, on: bool) -> None:
        """Turn reminder emails on or off; every unsubscribe link sent so far stops working."""
        self.set_subscription("reminders_on", on)

    def set_subscription(self, field_name: str, on: bool) -> None:
        """Turn one kind of email on or off; every unsubscribe link sent so far stops working.

        ``field_name`` is one of :data:`SUBSCRIPTIONS`. One version for all the links keeps a
        used link from working again, whichever kind of email it came from.
        """
        if field_name not in SUBSCRIPTIONS:
            raise ValueError(field_name)
        setattr(self, field_name, on)
        self.email_link_version += 1
        self.save(update_fields=[field_name, "email_link_version", "updated_at"])

    def note_leaving(self, today: datetime.date | None = None) -> None:
        """Date the leaving on the first save with status "left"; forget it on coming back."""
        if self.status != RegistrationStatus.LEFT:
            self.left_on = None
        elif self.left_on is None:
            self.left_on = today or timezone.localdate()
