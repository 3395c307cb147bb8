"""The ally's photos in "My data": their state, his consent, and the pictures themselves."""

from __future__ import annotations

import base64

from wagtail_allyship.pledges.photos.models import SignPhoto, photo_storage


def picture(photo: SignPhoto) -> str:
    """The photo as a ``data:`` address, so that the export holds the picture itself."""
    if not photo.image:
        return ""
    with photo_storage().open(photo.image.name, "rb") as handle:
        return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode("ascii")


def my_photo_data(user) -> dict:
    photos = SignPhoto.objects.filter(pledge__user=user).select_related("pledge")
    return {
        "pledge_sign_photos": [
            {
                "programme_year": photo.pledge.year_label,
                "status": photo.status,
                "consent_given_at": photo.consent_at,
                "uploaded_at": photo.uploaded_at,
                "reviewed_at": photo.reviewed_at,
                "photo": picture(photo),
            }
            for photo in photos.order_by("uploaded_at")
        ]
    }
