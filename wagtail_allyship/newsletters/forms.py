"""The editor's choice of audience and time for sending a programme update."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Locale

from wagtail_allyship.newsletters.models import AudienceKind
from wagtail_allyship.units.models import OrganisationUnit


class SendForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=AudienceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who receives this update.")},
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Units"),
        queryset=OrganisationUnit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For 'Allies of chosen units': their sub-units are included."),
    )
    send_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("Leave empty to send now."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrganisationUnit.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")

    def clean_send_at(self):
        when = self.cleaned_data.get("send_at")
        if when is not None and when < timezone.now():
            raise forms.ValidationError(
                _("This time has passed. Leave the field empty to send now.")
            )
        return when

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("audience") == AudienceKind.UNITS and not cleaned.get("units"):
            self.add_error("units", _("Choose at least one unit, or another audience."))
        return cleaned
