"""The optional image of a card (stories, resources): described, or marked decorative.

One description field, one "decorative" flag and one check, so that every kind of page with a
card image asks the editor the same thing and refuses the same missing description. Each page
type keeps its own ``image`` field, whose help text says where that image is shown.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.content.uploads import upload_size_error


class DescribedImageMixin(models.Model):
    """``image_alt`` and ``image_is_decorative`` beside a page type's own ``image`` field."""

    image_alt = models.CharField(
        _("image description"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it, e.g. 'Five officers at a "
            "mentoring session'. Required with an image, unless it is purely decorative."
        ),
    )
    image_is_decorative = models.BooleanField(
        _("the image is decorative"),
        default=False,
        help_text=_("Tick when the image adds nothing to the text; screen readers then skip it."),
    )

    class Meta:
        abstract = True

    def clean_image(self) -> None:
        """The image is small enough, and described unless it is only decoration."""
        too_large = upload_size_error(self.image) if self.image_id else None
        if too_large is not None:
            raise ValidationError({"image": too_large})
        if self.image_id and not self.image_is_decorative and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe the image in a few words, or tick 'the image is decorative'."
                    )
                }
            )
