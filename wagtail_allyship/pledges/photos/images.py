"""Checking an uploaded photo and making the two files kept of it (with Pillow).

Only JPEG, PNG and WebP pictures are taken, up to ``SIGN_PHOTO_MAX_BYTES``; anything else
gets a translated error and nothing is stored. The picture is turned upright, re-encoded as
JPEG without its metadata (a phone photo carries where and when it was taken), and made into
a full version (at most :data:`FULL_SIZE` pixels a side) and one for the wall.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from wagtail_allyship.conf import get_setting

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
FULL_SIZE = 1600
WALL_SIZE = 480
#: Pictures with more pixels are refused before they are decoded (a "decompression bomb").
MAX_PIXELS = 40_000_000


@dataclass
class Processed:
    full: ContentFile
    wall: ContentFile
    width: int
    height: int


def jpeg(picture: Image.Image, size: int) -> tuple[ContentFile, tuple[int, int]]:
    copy = picture.copy()
    copy.thumbnail((size, size))
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name="photo.jpg"), copy.size


def check_size(upload) -> None:
    limit = get_setting("SIGN_PHOTO_MAX_BYTES")
    if upload.size > limit:
        raise ValidationError(
            _("The photo is too large (%(size)s). Choose one of at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def open_picture(upload) -> Image.Image:
    """The decoded picture, or a translated error when it is not one we take."""
    not_a_photo = ValidationError(
        _("This file is not a photo we can use. Upload a JPEG, PNG or WebP picture."),
        code="not_a_photo",
    )
    too_many = ValidationError(
        _("The photo has too many pixels. Upload a smaller one."), code="too_big"
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(upload)
            if picture.format not in ACCEPTED_FORMATS:
                raise not_a_photo
            if picture.width * picture.height > MAX_PIXELS:
                raise too_many
            picture.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise too_many from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_a_photo from error
    return picture


def process_photo(upload) -> Processed:
    """Check ``upload`` and make the files to keep; raise ``ValidationError`` if unfit."""
    check_size(upload)
    picture = ImageOps.exif_transpose(open_picture(upload)).convert("RGB")
    full, _full_size = jpeg(picture, FULL_SIZE)
    wall, (width, height) = jpeg(picture, WALL_SIZE)
    return Processed(full=full, wall=wall, width=width, height=height)
