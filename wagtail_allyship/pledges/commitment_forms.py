"""The commitments of a pledge: one form each, and the formset that holds up to three.

Each rule answers with a message that names the problem and says how to fix it: a deadline
in the past, a commitment without a KPI, two commitments that say the same thing.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges.forms import PledgeForm, date_input, text_area
from wagtail_allyship.pledges.models import MAX_COMMITMENTS, Commitment, Pledge, Visibility


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
