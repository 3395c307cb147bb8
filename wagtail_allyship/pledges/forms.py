"""Forms allies fill in: signing up, the pledge's sharing choice, and progress updates.

The commitments of a pledge have their own module, :mod:`.commitment_forms`.

Every rule here answers with a message that names the problem and says how to fix it. An
invalid form saves nothing: :func:`save_pledge` runs only on valid forms and in one
transaction.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.pledges.models import Commitment, CommitmentUpdate, Pledge, Visibility
from wagtail_allyship.registry.models import AllyRegistration
from wagtail_allyship.units.models import OrganisationUnit

DATE_WIDGET_FORMAT = "%Y-%m-%d"


def date_input(**attrs) -> forms.DateInput:
    """A native date picker that still accepts typed dates where browsers have none."""
    return forms.DateInput(attrs={"type": "date", **attrs}, format=DATE_WIDGET_FORMAT)


def text_area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "cols": 60})


# Signing up ---------------------------------------------------------------------------


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OrganisationUnit) -> str:
        if obj.parent_id and obj.parent is not None:
            return _("%(unit)s (%(parent)s)") % {"unit": obj.name, "parent": obj.parent.name}
        return obj.name


class SignUpForm(forms.ModelForm):
    """Join the programme, or change one's details: unit, role, consent (and later status)."""

    unit = UnitChoiceField(
        queryset=OrganisationUnit.objects.none(),
        empty_label=_("Choose your unit"),
        label=_("Your unit"),
        help_text=_("The force, region or business unit you work in."),
        error_messages={
            "required": _("Choose the unit you work in."),
            "invalid_choice": _("Choose one of the units in the list."),
        },
    )
    role = forms.CharField(
        label=_("Your role or rank"),
        max_length=255,
        help_text=_("For example 'Police sergeant' or 'Finance officer'."),
        error_messages={"required": _("Tell us your role or rank.")},
    )
    consent_to_contact = forms.BooleanField(
        label=_("The programme team may contact me about allyship news, events and my pledge."),
        required=False,
    )

    class Meta:
        model = AllyRegistration
        fields = ["unit", "role", "consent_to_contact", "status"]
        widgets = {"status": forms.RadioSelect}
        labels = {"status": _("Your part in the programme")}
        help_texts = {
            "status": _(
                "Pause if you need a break: you get no reminders until you are active again."
            )
        }

    def __init__(self, *args, locale_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrganisationUnit.objects.select_related("parent").order_by("name")
        local = units.filter(locale_id=locale_id)
        self.fields["unit"].queryset = local if local.exists() else units
        if self.instance.pk is None:
            del self.fields["status"]
            return
        self.fields["status"].required = False  # left out: the status stays as it is
        if self.instance.unit.locale_id != locale_id:
            translated = self.instance.unit.get_translation_or_none(locale_id)
            if translated is not None:
                self.initial["unit"] = translated.pk

    def save(self, user, commit: bool = True) -> AllyRegistration:
        """Create the registration, or update the one ``user`` has (never a second one)."""
        defaults = {
            "unit": self.cleaned_data["unit"],
            "role": self.cleaned_data["role"],
            "consent_to_contact": self.cleaned_data["consent_to_contact"],
        }
        if self.cleaned_data.get("status"):
            defaults["status"] = self.cleaned_data["status"]
        # On MariaDB/MySQL two first sign-ups at the same instant can deadlock: both lock the
        # gap where the row would go, then both insert. The database rolls the loser back
        # whole, so trying again is safe and finds the winner's row to update.
        retries = 0 if transaction.get_connection().in_atomic_block else 4
        for _retry in range(retries):
            try:
                return AllyRegistration.objects.update_or_create(user=user, defaults=defaults)[0]
            except OperationalError:
                continue
        return AllyRegistration.objects.update_or_create(user=user, defaults=defaults)[0]


# The pledge ---------------------------------------------------------------------------


class PledgeForm(forms.ModelForm):
    """Who may see the pledge; publishing needs the ally's explicit consent."""

    consent = forms.BooleanField(
        label=_(
            "I agree that colleagues who are logged in see my name, my unit and the "
            "commitments of this pledge on the pledge wall."
        ),
        required=False,
    )

    class Meta:
        model = Pledge
        fields = ["visibility"]
        widgets = {"visibility": forms.RadioSelect}
        labels = {"visibility": _("Who can see your pledge?")}
        help_texts = {
            "visibility": _(
                "Coordinators see every pledge. You can change this later, or delete the pledge."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.published_consent_at:
            self.fields["consent"].initial = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("visibility") == Visibility.PUBLISHED and not cleaned.get("consent"):
            self.add_error(
                "consent",
                ValidationError(
                    _(
                        "To publish your pledge, tick the box to agree that colleagues see it, "
                        "or choose to keep it private."
                    ),
                    code="consent_missing",
                ),
            )
        return cleaned


# Progress -----------------------------------------------------------------------------


class ProgressForm(forms.ModelForm):
    """A step in a commitment's progress log: a status, a note and the day it happened."""

    note = forms.CharField(
        label=_("What happened?"),
        max_length=2000,
        required=False,
        widget=text_area(4),
        help_text=_("A sentence or two, e.g. 'second mentoring session held'."),
        error_messages={
            "max_length": _("Keep the note to %(limit_value)d characters or fewer."),
        },
    )

    class Meta:
        model = CommitmentUpdate
        fields = ["status", "note", "date"]
        widgets = {"status": forms.RadioSelect}
        labels = {"status": _("Where does it stand?"), "date": _("Date")}
        help_texts = {"date": _("When it happened. Today, unless you are catching up.")}
        error_messages = {
            "date": {
                "required": _("Give the date it happened."),
                "invalid": _("Enter the date as a date, e.g. 2026-03-31."),
            },
            "status": {"required": _("Choose where the commitment stands.")},
        }

    def __init__(self, *args, commitment: Commitment, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment
        self.today = today
        self.earliest = timezone.localdate(commitment.pledge.created_at)
        self.fields["status"].initial = commitment.status
        self.fields["date"].initial = today
        # The model's callable default would add a hidden copy of the initial date, which
        # the form never reads (and which would carry the field's aria attributes).
        self.fields["date"].show_hidden_initial = False
        self.fields["date"].widget = date_input(
            min=self.earliest.isoformat(), max=today.isoformat()
        )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > self.today:
            raise ValidationError(
                _("That day is still to come. Log progress once it has happened."),
                code="date_future",
            )
        if date < self.earliest:
            raise ValidationError(
                _("That is before you made this pledge (%(date)s). Choose a later day."),
                code="date_before_pledge",
                params={"date": date_format(self.earliest)},
            )
        return date

    def clean(self):
        cleaned = super().clean()
        status, note = cleaned.get("status"), (cleaned.get("note") or "").strip()
        if status and not note and status == self.commitment.status:
            raise ValidationError(
                _("Write a note on what happened, or change the status."), code="no_progress"
            )
        return cleaned

    def save(self, commit: bool = True) -> CommitmentUpdate:
        update = super().save(commit=False)
        update.commitment = self.commitment
        if commit:
            with transaction.atomic():
                update.save()
                self.commitment.refresh_status()
        return update
