"""The coordinators' form for placing an ally in a circle."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.circles.models import AllyCircle
from wagtail_allyship.registry.models import RegistrationStatus, display_name


class AllyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return display_name(obj)


class PlaceAllyForm(forms.Form):
    """Choose a registered ally who is not yet in the circle."""

    ally = AllyChoiceField(
        label=_("Ally"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Choose an ally"),
        help_text=_("Allies in the registry who have not left the programme."),
        error_messages={
            "required": _("Choose the ally to place in the circle."),
            "invalid_choice": _(
                "Choose an ally from the list: this person is not a registered ally, or is "
                "already in the circle."
            ),
        },
    )

    def __init__(self, circle: AllyCircle, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ally"].queryset = (
            get_user_model()
            .objects.filter(ally_registration__isnull=False)
            .exclude(ally_registration__status=RegistrationStatus.LEFT)
            .exclude(circle_memberships__circle=circle)
            .order_by("first_name", "last_name", "username")
        )
