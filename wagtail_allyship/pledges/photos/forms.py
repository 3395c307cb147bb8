"""The ally's form for the photo with his sign: the picture and his consent to show it."""

from __future__ import annotations

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges.photos.images import Processed, process_photo


class SignPhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Your photo with your sign"),
        error_messages={"required": _("Choose a photo to upload.")},
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that, once a coordinator approves it, this photo is shown with my pledge "
            "to the colleagues who can see the pledge wall. I can remove it at any time."
        ),
        error_messages={
            "required": _("Tick the box to agree that the photo may be shown, or do not upload it.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.processed: Processed | None = None
        self.fields["photo"].help_text = _(
            "A JPEG, PNG or WebP picture of at most %(limit)s. Its location and camera details "
            "are removed."
        ) % {"limit": filesizeformat(get_setting("SIGN_PHOTO_MAX_BYTES"))}

    def clean_photo(self):
        upload = self.cleaned_data["photo"]
        self.processed = process_photo(upload)
        return upload
