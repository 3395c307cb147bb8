"""Forms allies fill in: signing up, the pledge with its commitments, and progress updates.

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

from ..conf import get_setting
from ..models import (
    AllyRegistration,
    Commitment,
    CommitmentUpdate,
    OrganisationUnit,
    Pledge,
    Visibility,
)
from ..models.pledges import MAX_COMMITMENTS

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


class CommitmentForm(forms.ModelForm):
    """One commitment: what, of which kind, measured how, by when, and the action plan."""

    text = forms.CharField(
        label=_("Your commitment"),
        max_length=1000,
        widget=text_area(3),
        help_text=_("One thing you will do, in a sentence, e.g. 'Mentor a woman colleague'."),
        error_messages={
            "required": _("Write down what you commit to: the box is empty."),
            "max_length": _("Keep the commitment to %(limit_value)d characters or fewer."),
        },
    )
    kpi = forms.CharField(
        label=_("How you will measure it (KPI)"),
        max_length=500,
        required=False,
        widget=text_area(),
        help_text=_("Something you can count or check, e.g. 'six mentoring sessions held'."),
        error_messages={
            "max_length": _("Keep the KPI to %(limit_value)d characters or fewer."),
        },
    )
    plan_what = forms.CharField(
        label=_("What will you do?"),
        max_length=1000,
        required=False,
        widget=text_area(),
        help_text=_("The steps, e.g. 'ask the network for a mentee; agree goals'."),
    )
    plan_how = forms.CharField(
        label=_("How will you do it?"),
        max_length=1000,
        required=False,
        widget=text_area(),
        help_text=_("The means, e.g. 'a one-hour meeting every month'."),
    )
    plan_who = forms.CharField(
        label=_("Who will be involved?"),
        max_length=1000,
        required=False,
        widget=text_area(),
        help_text=_("People or teams who help or take part."),
    )
    plan_when = forms.CharField(
        label=_("By when?"),
        max_length=255,
        required=False,
        help_text=_("Milestones on the way, e.g. 'first meeting by March'."),
    )

    class Meta:
        model = Commitment
        fields = [
            "kind",
            "text",
            "kpi",
            "kpi_private",
            "deadline",
            "plan_what",
            "plan_how",
            "plan_who",
            "plan_when",
            "carried_over_from",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "carried_over_from": forms.HiddenInput,
        }
        labels = {
            "kind": _("Kind of commitment"),
            "kpi_private": _("Keep the KPI private (the pledge wall does not show it)"),
            "deadline": _("Deadline"),
        }
        help_texts = {
            "kind": _(
                "Personal: a change in what you do yourself. Organisational: a change to how "
                "your team or organisation works."
            ),
            "deadline": _("The day you will have done it by."),
        }
        error_messages = {
            "deadline": {
                "required": _("Give a deadline: the day you will have done it by."),
                "invalid": _("Enter the deadline as a date, e.g. 2026-09-30."),
            },
            "kind": {"required": _("Choose whether the commitment is personal or organisational.")},
        }

    def __init__(self, *args, today: datetime.date, carried_over=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.horizon = today + datetime.timedelta(days=get_setting("PLEDGE_DEADLINE_HORIZON_DAYS"))
        self.kpi_required = get_setting("PLEDGE_KPI_REQUIRED")
        self.fields["kpi"].required = self.kpi_required
        self.fields["kpi"].error_messages["required"] = _(
            "Say how you will measure this commitment, e.g. 'four team meetings where I "
            "chaired the actions'."
        )
        self.fields["deadline"].widget = date_input(
            min=today.isoformat(), max=self.horizon.isoformat()
        )
        carried = self.fields["carried_over_from"]
        carried.queryset = carried_over if carried_over is not None else Commitment.objects.none()
        carried.required = False
        carried.error_messages["invalid_choice"] = _(
            "This commitment cannot be carried over. Reload the page and try again."
        )

    #: What makes a new box count as filled in (the kind and the KPI privacy have defaults).
    CONTENT_FIELDS = ("text", "kpi", "deadline", "plan_what", "plan_how", "plan_who", "plan_when")

    def has_changed(self) -> bool:
        if self.instance.pk or self.is_carried_over:
            return super().has_changed()
        return any(name in self.CONTENT_FIELDS for name in self.changed_data)

    @property
    def is_carried_over(self) -> bool:
        return bool(self.initial.get("carried_over_from"))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if self.instance.pk and deadline == self.instance.deadline:
            return deadline  # an unchanged deadline may have passed: the ally can log progress
        if deadline < self.today:
            raise ValidationError(
                _("The deadline %(date)s has passed. Choose today or a later day."),
                code="deadline_past",
                params={"date": date_format(deadline)},
            )
        if deadline > self.horizon:
            raise ValidationError(
                _(
                    "The deadline is too far away. Choose a day up to %(date)s, and pledge the "
                    "rest again next year."
                ),
                code="deadline_too_far",
                params={"date": date_format(self.horizon)},
            )
        return deadline


class BaseCommitmentFormSet(forms.BaseInlineFormSet):
    """One to three commitments. Blank boxes are ignored; carried-over ones must be filled."""

    default_error_messages = {
        **forms.BaseInlineFormSet.default_error_messages,
        "too_many_forms": _(
            "A pledge holds at most three commitments. Remove one, or keep it for next year."
        ),
    }

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        first_extra = self.initial_form_count()
        if index is not None and first_extra <= index < first_extra + len(self.initial_extra or []):
            kwargs["empty_permitted"] = False  # a carried-over commitment counts unless removed
        return kwargs

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = (
                _("Remove this commitment from the pledge")
                if form.instance.pk
                else _("Leave this commitment out")
            )

    def kept_forms(self) -> list[CommitmentForm]:
        """The forms whose commitments the pledge will hold, in the order shown."""
        kept = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.instance.pk or not form.empty_permitted or form.has_changed():
                kept.append(form)
        return kept

    def clean(self):
        super().clean()
        if any(form.instance.pk is None for form in self.forms[: self.initial_form_count()]):
            # A box claimed to hold a saved commitment that is not one of this pledge's.
            raise ValidationError(
                _(
                    "The form no longer matches your saved pledge, perhaps because it was "
                    "changed in another window. Reload the page and try again."
                ),
                code="stale_form",
            )
        kept = self.kept_forms()
        if not kept:
            raise ValidationError(
                _("Make at least one commitment: fill in the first box, with its deadline."),
                code="no_commitment",
            )
        if len(kept) > MAX_COMMITMENTS:
            raise ValidationError(self.error_messages["too_many_forms"], code="too_many_forms")


def commitment_formset(extra: int) -> type[BaseCommitmentFormSet]:
    """The formset class with ``extra`` blank (or carried-over) boxes after the saved ones."""
    return forms.inlineformset_factory(
        Pledge,
        Commitment,
        form=CommitmentForm,
        formset=BaseCommitmentFormSet,
        fk_name="pledge",
        extra=extra,
        max_num=MAX_COMMITMENTS,
        absolute_max=MAX_COMMITMENTS,
        validate_max=True,
        can_delete=True,
    )


def carry_over_initial(commitments: list[Commitment]) -> list[dict]:
    """Boxes filled with last year's unfinished commitments, for the ally to check."""
    return [
        {
            "kind": commitment.kind,
            "text": commitment.text,
            "kpi": commitment.kpi,
            "kpi_private": commitment.kpi_private,
            "deadline": commitment.deadline,
            "plan_what": commitment.plan_what,
            "plan_how": commitment.plan_how,
            "plan_who": commitment.plan_who,
            "plan_when": commitment.plan_when,
            "carried_over_from": commitment.pk,
        }
        for commitment in commitments
    ]


@transaction.atomic
def save_pledge(
    *,
    user,
    year: int,
    pledge_form: PledgeForm,
    formset: BaseCommitmentFormSet,
    renewed_from: Pledge | None = None,
) -> Pledge:
    """Save a valid pledge and its commitments together, or nothing at all.

    Raises ``IntegrityError`` if the ally already has a pledge for ``year`` (a double
    submit racing this one): the caller tells the ally and saves nothing.
    """
    pledge = pledge_form.save(commit=False)
    pledge.user = user
    pledge.programme_year = year
    if pledge.visibility == Visibility.PUBLISHED:
        pledge.published_consent_at = pledge.published_consent_at or timezone.now()
    else:
        pledge.published_consent_at = None
    if pledge.pk is None and renewed_from is not None:
        pledge.renewed_from = renewed_from
    pledge.save()

    kept = formset.kept_forms()
    for form in formset.forms:
        if form.instance.pk and form not in kept:
            form.instance.delete()
    taken = {form.instance.position for form in kept if form.instance.pk}
    free = iter(p for p in range(1, MAX_COMMITMENTS + 1) if p not in taken)
    for form in kept:
        commitment = form.save(commit=False)
        commitment.pledge = pledge
        if commitment.pk is None:
            commitment.position = next(free)
        commitment.save()
    return pledge


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
