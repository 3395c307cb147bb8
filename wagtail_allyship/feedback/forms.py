"""The two forms of feedback: the ally names a colleague; the colleague answers."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.pledges.models import Commitment

#: The longest example a colleague may write.
MAX_TEXT = 2000


class AskColleagueForm(forms.Form):
    """A colleague named by username or email address: one of the site's active users.

    A text field rather than a list of every member of staff, which would grow with the
    organisation and show everyone's name to anyone who opens the form.
    """

    colleague = forms.CharField(
        label=_("Colleague's username or email address"),
        max_length=254,
        help_text=_("Someone you work with, who can say how you have supported them."),
    )

    def clean_colleague(self):
        value = self.cleaned_data["colleague"].strip()
        users = get_user_model().objects.filter(is_active=True)
        found = list(users.filter(Q(username__iexact=value) | Q(email__iexact=value))[:2])
        if len(found) != 1:
            raise forms.ValidationError(
                _("No colleague of this site has this username or email address.")
            )
        return found[0]


class CommitmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Commitment) -> str:
        return obj.text


class AnswerForm(forms.Form):
    """The colleague's answer: an example, a commitment it relates to, and consent to show it."""

    text = forms.CharField(
        label=_("An example of how he has supported you"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "In your own words: how he collaborated with you, supported you, or made and kept "
            "a promise."
        ),
    )
    commitment = CommitmentChoiceField(
        label=_("Which of his commitments it relates to"),
        queryset=Commitment.objects.none(),
        required=False,
        empty_label=_("None in particular"),
    )
    writer_agrees = forms.BooleanField(
        label=_("He may show this on the pledge wall, if he agrees too"),
        required=False,
    )

    def __init__(self, *args, ally_commitments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if ally_commitments is not None:
            self.fields["commitment"].queryset = ally_commitments

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError(_("Write an example, or decline the request."))
        return text
