"""Demo content for the photo with the pledge sign: one approved, one waiting for approval.

Alex Ally's photo with his sign is approved and shows on the pledge wall; Morgan Reid's waits
in the coordinators' queue (Reports › Pledge photos to approve). The pictures are drawn here
with Pillow (a figure holding a sign with a few lines of text), nothing is downloaded, and they
go through the same checks and re-encoding as an ally's upload. A second run changes nothing.
"""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from wagtail_allyship.pledges.models import Pledge, current_programme_year
from wagtail_allyship.pledges.photos.images import process_photo
from wagtail_allyship.pledges.photos.models import PhotoStatus, SignPhoto
from wagtail_allyship.pledges.photos.store import save_photo

#: (username, background colour, jacket colour, approved)
PHOTOS = [
    ("ally", (214, 226, 240), (40, 60, 110), True),
    ("morgan", (236, 226, 214), (90, 60, 40), False),
]


def drawn_photo(background, jacket) -> bytes:
    """A simple picture of someone holding a sign, as a JPEG."""
    width, height = 900, 1200
    picture = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((345, 140, 555, 350), fill=(224, 172, 130))  # head
    draw.rounded_rectangle((260, 360, 640, 1200), radius=90, fill=jacket)  # body
    draw.rectangle((170, 560, 730, 960), fill=(255, 255, 255), outline=(30, 30, 30), width=6)
    draw.rectangle((170, 560, 730, 640), fill=(92, 45, 145))  # the sign's band
    for row in range(5):
        top = 680 + row * 52
        draw.rectangle((220, top, 680 - (row % 2) * 120, top + 18), fill=(60, 60, 60))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90)
    return out.getvalue()


def load_photos() -> None:
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    for username, background, jacket, approved in PHOTOS:
        pledge = Pledge.objects.filter(
            user__username=username, programme_year=current_programme_year()
        ).first()
        if pledge is None or SignPhoto.objects.filter(pledge=pledge).exists():
            continue
        upload = SimpleUploadedFile(
            "sign.jpg", drawn_photo(background, jacket), content_type="image/jpeg"
        )
        photo = save_photo(pledge, process_photo(upload))
        if approved:
            photo.status = PhotoStatus.APPROVED
            photo.reviewed_at = timezone.now()
            photo.reviewed_by = coordinator
            photo.save()
