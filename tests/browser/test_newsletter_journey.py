"""An editor sends a programme update to the allies of a unit; an ally reads it on the intranet.

The demo's two updates were sent already, so each run makes a fresh, published update that
nobody has been sent (``prepare_an_update``, in the example site's own process), with an
Arabic translation. Then, in the browser:

1. The demo ``editor`` opens the update's edit page and finds "Send to allies" in its header.
2. On the send page, "Send me a test" says where the test went; the site's console email
   backend writes the email into the server's log, where the journey reads it.
3. The editor chooses the allies of the demo ally's unit, checks the audience (the readers
   per language add up to the total) and confirms; the progress table counts them as sent
   (the site runs its tasks at once), and the ally's copy is in the log.
4. The demo ``ally`` opens the update on the intranet in English and in Arabic.

Runs at 1280 and 390 pixels wide; screenshots go to ``SHOTS`` (``/tmp/shots-nl2`` unless
``NEWSLETTER_SHOTS`` says otherwise).
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from . import support
from .support import LiveSite, Visitor

SHOTS = Path(os.environ.get("NEWSLETTER_SHOTS", "/tmp/shots-nl2"))  # noqa: S108 (screenshots only)
TITLE = "Programme update: autumn {number}"
ARABIC_TITLE = "أخبار البرنامج: الخريف {number}"
INTRO = "Three new circles, and a session on who speaks in meetings."
ARABIC_INTRO = "ثلاث حلقات جديدة، وجلسة حول من يتكلم في الاجتماعات."
LANGUAGE_ROW = re.compile(r"^(?P<language>\S.*): (?P<count>\d+)$")


def prepare_an_update(output: str) -> None:
    """Publish a new update (English and Arabic) that was never sent; write where it is.

    Runs inside the example site (``python -c``), never in the test process. Each call makes
    another update, so both widths send one of their own.
    """
    from django.urls import reverse
    from wagtail.models import Locale

    from intranet.models import HomePage
    from wagtail_allyship.models import AllyRegistration, ProgrammeUpdatePage
    from wagtail_allyship.translations.translate import translate

    number = ProgrammeUpdatePage.objects.filter(slug__startswith="journey-update-").count() + 1
    home = HomePage.objects.get(locale=Locale.get_default())
    page = home.add_child(
        instance=ProgrammeUpdatePage(
            title=TITLE.format(number=number),
            slug=f"journey-update-{number}",
            intro=INTRO,
            body=[("paragraph", f"<p>{INTRO}</p>")],
        )
    )
    page.save_revision().publish()
    strings = {TITLE.format(number=number): ARABIC_TITLE.format(number=number), INTRO: ARABIC_INTRO}
    arabic = translate(page, Locale.objects.get(language_code="ar"), strings)
    ally = AllyRegistration.objects.select_related("unit", "user").get(user__username="ally")
    addresses = {
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "send": reverse("wagtail_allyship_newsletter_send", args=[page.pk]),
        "en": page.get_url_parts()[2],
        "ar": arabic.get_url_parts()[2],
        "title": page.title,
        "arabic_title": arabic.title,
        "unit": ally.unit.name,
        "ally_email": ally.user.email,
    }
    Path(output).write_text(json.dumps(addresses), encoding="utf-8")


@pytest.fixture
def update(live_site, tmp_path_factory) -> dict[str, str]:
    """A fresh update for this run, made in the live site's database."""
    return support.prepare_in_site(
        tmp_path_factory, "tests.browser.test_newsletter_journey:prepare_an_update"
    )


def shoot(visitor: Visitor, name: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    visitor.page.screenshot(path=str(SHOTS / f"{width}-{name}.png"), full_page=True)


def emails_since(site: LiveSite, offset: int) -> str:
    """What the server logged after ``offset``: its console email backend writes emails there."""
    with site.log_path.open(encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        return "\n" + log.read()


def wait_for_email(site: LiveSite, offset: int, recipient: str, subject: str) -> str:
    """The first email to ``recipient`` about ``subject`` logged after ``offset``."""
    for _attempt in range(50):
        for message in emails_since(site, offset).split("\nContent-Type: multipart/")[1:]:
            if f"\nTo: {recipient}\n" in message and f"\nSubject: {subject}\n" in message:
                return message
        time.sleep(0.1)
    raise AssertionError(f"No email to {recipient} about {subject!r} in {site.log_path}")


def message_text(visitor: Visitor) -> str:
    return " ".join(visitor.page.locator(".messages").inner_text().split())


def fits(visitor: Visitor, width: int) -> None:
    scroll_width = visitor.page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{visitor.page.url} is {scroll_width}px wide, wider than {width}"


def test_editor_sends_an_update_and_an_ally_reads_it(visitor_for, live_site, update, viewport):
    width = viewport["width"]
    editor = visitor_for("editor")
    page = editor.page

    # 1. The update's edit page: "Send to allies" is in its header.
    editor.visit(update["edit"])
    send_button = page.locator("header").get_by_role("link", name="Send to allies")
    if not send_button.is_visible():  # on a phone, the header's actions fold into a menu
        page.locator("header").get_by_role("button", name="Actions").click()
    editor.follow(send_button)
    assert editor.path == update["send"]
    assert update["title"] in page.locator("header").inner_text()
    shoot(editor, "1-send-page", width)
    fits(editor, width)

    # 2. A test to the editor: the confirmation names the address, the email is in the log.
    offset = live_site.log_path.stat().st_size
    editor.follow(page.get_by_role("button", name="Send me a test"))
    assert "A test was sent to editor@example.org." in message_text(editor)
    test_email = wait_for_email(live_site, offset, "editor@example.org", update["title"])
    assert "X-Allyship-Test: yes" in test_email and INTRO in test_email
    shoot(editor, "2-test-sent", width)

    # 3. The allies of one unit: check the audience, then confirm.
    page.get_by_label("Allies of chosen units, with their sub-units").check()
    page.get_by_label(update["unit"], exact=True).check()
    editor.follow(page.get_by_role("button", name="Check the audience"))
    plan = page.locator("#allyship-send-plan").locator("..")
    total = int(re.search(r"(\d+) readers? will receive it", plan.inner_text()).group(1))
    rows = [LANGUAGE_ROW.match(row.strip()) for row in plan.locator("li").all_inner_texts()]
    assert rows, "the plan counts the readers per language"
    assert all(rows), f"each language row reads 'Language: count': {rows}"
    assert sum(int(row["count"]) for row in rows) == total > 0
    shoot(editor, "3-audience", width)
    fits(editor, width)

    offset = live_site.log_path.stat().st_size
    editor.follow(page.get_by_role("button", name="Confirm and send"))
    assert "The update is on its way to its readers." in message_text(editor)
    sent = int(page.locator('td[data-status="sent"]').inner_text())
    failed = int(page.locator('td[data-status="failed"]').inner_text())
    assert 0 < sent <= total
    assert sent + failed + int(page.locator('td[data-status="skipped"]').inner_text()) == total
    wait_for_email(live_site, offset, update["ally_email"], update["title"])
    shoot(editor, "4-progress", width)
    fits(editor, width)

    # Pressing send again sends nothing: the page shows the progress only.
    assert page.get_by_role("button", name="Confirm and send").count() == 0

    # 4. The ally reads it on the intranet, in English and in Arabic.
    ally = visitor_for("ally")
    for language in ("en", "ar"):
        ally.visit(update[language])
        title = update["title"] if language == "en" else update["arabic_title"]
        assert page_heading(ally) == title
        if language == "ar":
            assert ally.page.locator("html").get_attribute("dir") == "rtl"
        shoot(ally, f"5-ally-reads-{language}", width)
        fits(ally, width)


def page_heading(visitor: Visitor) -> str:
    return " ".join(visitor.page.locator("h1").first.inner_text().split())
