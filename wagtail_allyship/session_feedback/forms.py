"""The session feedback form: the three questions of :mod:`.questions`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.session_feedback import questions
from wagtail_allyship.survey.tally import SCALE_VALUES


class SessionFeedbackForm(forms.Form):
    """How useful the session was, whether it changes anything, and what would be better."""

    useful = forms.TypedChoiceField(
        choices=[(value, str(value)) for value in SCALE_VALUES],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "allyship-scale"}),
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )
    change = forms.ChoiceField(
        choices=questions.CHANGE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose yes, maybe or no.")},
    )
    better = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=questions.MAX_TEXT,
        help_text=_(
            "A few words. Leave out anything that would tell who you are: answers are read as "
            "written."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in questions.labels().items():
            self.fields[name].label = label
