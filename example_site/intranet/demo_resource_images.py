"""Card images for two demo resources, drawn with Pillow (nothing is downloaded).

The programme overview shows a group of people around a table; the menopause guide a
decorative pattern (so its image is marked decorative and screen readers skip it). Each
image is made once, under a fixed title: a second run reuses it.
"""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

#: Resource key: (image title, alt text or "" when decorative).
IMAGES = {
    "programme-overview": (
        "Demo: allies around a table",
        "Five colleagues talking around a meeting table",
    ),
    "menopause-at-work": ("Demo: soft pattern", ""),
}

#: Alt text in French and Arabic, by its English wording.
ALT_STRINGS = {
    "fr": {
        "Five colleagues talking around a meeting table": (
            "Cinq collègues en pleine discussion autour d'une table de réunion"
        )
    },
    "ar": {
        "Five colleagues talking around a meeting table": "خمسة زملاء يتحاورون حول طاولة اجتماعات"
    },
}


def table_picture() -> Image.Image:
    """Five round figures around an oval table, in the programme's purple."""
    picture = Image.new("RGB", (960, 540), (232, 226, 244))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((250, 250, 710, 430), fill=(150, 110, 70))
    for n, x in enumerate((220, 360, 480, 600, 740)):
        top = 150 if n % 2 else 190
        draw.ellipse((x - 40, top, x + 40, top + 80), fill=(224, 172, 130))
        draw.rounded_rectangle((x - 60, top + 90, x + 60, top + 260), radius=40, fill=(92, 45, 145))
    return picture


def pattern_picture() -> Image.Image:
    """Soft diagonal bands: decoration only."""
    picture = Image.new("RGB", (960, 540), (246, 238, 230))
    draw = ImageDraw.Draw(picture)
    for n in range(-6, 12):
        x = n * 110
        draw.polygon([(x, 540), (x + 60, 540), (x + 600, 0), (x + 540, 0)], fill=(236, 214, 200))
    return picture


def card_image(key: str):
    """The image of the resource ``key`` and its alt text, or (None, "") for the others."""
    if key not in IMAGES:
        return None, ""
    title, alt = IMAGES[key]
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        picture = table_picture() if alt else pattern_picture()
        out = io.BytesIO()
        picture.save(out, "PNG")
        image = Image_(title=title)
        image.file.save(f"{key}.png", ImageFile(out, name=f"{key}.png"), save=False)
        image.save()
    return image, alt
