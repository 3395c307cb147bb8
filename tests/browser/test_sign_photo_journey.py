"""An ally uploads a photo of himself with his sign; a coordinator approves it; the wall shows it.

The demo's ``ally`` (Alex Ally) prints his sign (the print stylesheet leaves only the sign),
tries to upload without a file or consent and is told what is missing, then uploads a photo
drawn here with Pillow and agrees to show it. Until a coordinator approves it, his card on the
pledge wall shows no photo; the coordinator approves it in the admin's queue, and the wall
shows it. The sign and photo pages are also opened in Arabic, right to left.

The journey runs at 1280 pixels wide and on a 390-pixel-wide phone screen; each run uploads a
new photo, which replaces the last one and waits for approval again. Screenshots of each page
go to ``SHOTS`` (``/tmp/shots-sign`` unless ``SIGN_SHOTS`` says otherwise).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from PIL import Image, ImageDraw

from tests.browser.test_feedback_journey import fits, go_to_my_allyship, my_allyship_in

SHOTS = Path(os.environ.get("SIGN_SHOTS", "/tmp/shots-sign"))  # noqa: S108 (screenshots only)
ARABIC = re.compile(r"[\u0600-\u06ff]")


def photo_file(folder: Path, colour: tuple[int, int, int]) -> Path:
    """A picture of someone holding a sign, made here (nothing is downloaded)."""
    picture = Image.new("RGB", (900, 1200), colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((345, 140, 555, 350), fill=(224, 172, 130))
    draw.rectangle((260, 360, 640, 1200), fill=(40, 60, 110))
    draw.rectangle((170, 560, 730, 960), fill=(255, 255, 255), outline=(30, 30, 30), width=6)
    path = folder / "me-with-my-sign.jpg"
    out = io.BytesIO()
    picture.save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def shoot(visitor, name: str, width: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    visitor.page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


def loaded(image) -> bool:
    """The image arrived and decoded (the guarded view served it).

    The wall's photos load lazily: on a phone a card can be below the fold, so the image is
    scrolled to first and its decoding awaited.
    """
    image.scroll_into_view_if_needed()
    return image.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)")


def alex_card(visitor):
    nav = visitor.page.get_by_role("navigation", name="Allyship programme", exact=True)
    visitor.follow(nav.get_by_role("link", name="Pledge wall"))
    card = visitor.page.locator(".allyship-pledge-card", has_text="Alex Ally")
    assert card.count() == 1
    fits(visitor)
    return card


def test_photo_with_the_sign_is_approved_then_shown(visitor_for, tmp_path, viewport):
    # conftest's viewport runs the journey once per screen width, each on its own site.
    width = f"{viewport['width']}px"
    ally = visitor_for("ally")
    page = ally.page
    go_to_my_allyship(ally)

    # 1. The sign, printed: the print stylesheet leaves the sign alone on the page.
    ally.follow(page.get_by_role("link", name="Print your pledge sign"))
    shoot(ally, "sign-en", width)
    page.emulate_media(media="print")
    assert page.locator(".allyship-header").is_hidden()
    assert page.locator("figure.allyship-sign svg").is_visible()
    page.emulate_media(media="screen")
    ally.follow(page.get_by_role("link", name="Back to My allyship"))

    # 2. The photo page; nothing chosen and no consent: both are named, nothing is kept.
    ally.follow(page.get_by_role("link", name="Your photo with your sign"))
    assert page.locator("h1").inner_text() == "Your photo with your sign"
    fits(ally)
    ally.follow(page.get_by_role("button", name="Upload the photo"))
    errors = page.locator(".allyship-error-summary").inner_text()
    assert "Choose a photo to upload." in errors
    assert "Tick the box to agree" in errors

    # 3. The photo, with consent: it waits for approval, and only he sees it.
    page.get_by_label("Your photo with your sign").set_input_files(
        photo_file(tmp_path, (214, 226, 240))
    )
    page.get_by_label("I agree that, once a coordinator approves it").check()
    ally.follow(page.get_by_role("button", name="Upload the photo"))
    assert "waiting for a coordinator's approval" in page.locator(".allyship-messages").inner_text()
    assert "Waiting for a coordinator's approval." in page.locator("main").inner_text()
    assert loaded(page.locator("img.allyship-photo"))
    fits(ally)
    shoot(ally, "photo-pending-en", width)
    assert alex_card(ally).locator("img").count() == 0

    # 4. A coordinator approves it in the admin's queue.
    coordinator = visitor_for("coordinator")
    coordinator.visit("/admin/allyship/sign-photos/")
    admin = coordinator.page
    row = admin.locator("tr", has_text="Alex Ally")
    assert row.count() == 1
    assert loaded(row.locator("img"))
    shoot(coordinator, "queue", width)
    coordinator.follow(row.get_by_role("button", name="Approve"))
    assert "approved" in admin.locator(".messages").inner_text()
    assert admin.locator("tr", has_text="Alex Ally").count() == 0

    # 5. The wall shows it on his card.
    card = alex_card(ally)
    photo = card.locator("img.allyship-pledge-photo")
    assert photo.get_attribute("alt") == "Alex Ally holding his pledge sign"
    assert loaded(photo)
    shoot(ally, "wall-en", width)

    # 6. In Arabic: the photo page and the sign, right to left, nothing wider than the window.
    arabic = my_allyship_in(ally.site, "ar")
    ally.visit(arabic + "sign/photo/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert ARABIC.search(page.locator("h1").inner_text())
    assert loaded(page.locator("img.allyship-photo"))
    fits(ally)
    shoot(ally, "photo-ar", width)
    ally.visit(arabic + "sign/")
    assert page.locator("figure.allyship-sign svg").get_attribute("direction") == "rtl"
    fits(ally)
    shoot(ally, "sign-ar", width)
