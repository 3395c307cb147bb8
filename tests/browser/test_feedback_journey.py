"""An ally asks colleagues for feedback, shows an answer on the pledge wall and prints his sign.

The demo's ``ally`` (Alex Ally, with a published pledge) asks two colleagues who can log in:
the first answers with an example and agrees to show it, Alex agrees too and the pledge wall
shows it on his card; the second declines, and Alex sees only that she declined. Then he opens
his pledge sign, downloads it as SVG, and opens it in Arabic, right to left.

The journey runs at the default width and on a 390-pixel-wide phone screen. A colleague is
asked once a year, so each run has its own two colleagues, both from the demo's users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree


@dataclass(frozen=True)
class Cast:
    """Who takes part in one run: the colleague who answers and the one who declines."""

    answers: str
    answers_name: str
    declines: str
    declines_name: str
    example: str


DESKTOP = Cast(
    answers="editor",
    answers_name="Erin Editor",
    declines="coordinator",
    declines_name="Chris Coordinator",
    example=(
        "In the review of the night rota, Alex asked for my view before his own, and the "
        "change I suggested was adopted with my name on it."
    ),
)
PHONE = Cast(
    # Luca Local declines: his name stays off the wall, where the pledge journey looks for it.
    answers="colleague",
    answers_name="Casey Colleague",
    declines="local-editor",
    declines_name="Luca Local",
    example=(
        "Alex stopped a meeting to let me finish when I was talked over, and sent the "
        "minutes with my point in them."
    ),
)

ARABIC = re.compile(r"[\u0600-\u06ff]")


def open_as(visitor_for, username: str):
    """A visitor logged in as ``username``, at the width conftest's viewport runs."""
    return visitor_for(username)


def fits(visitor) -> None:
    """The page is no wider than the window: nothing to scroll sideways on a phone."""
    __tracebackhide__ = True
    overflow = visitor.page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{visitor.path} is {overflow}px wider than the window"


def go_to_my_allyship(visitor) -> None:
    """Open "My allyship" from the home page's menu, as a person would."""
    visitor.visit("/")
    menu = visitor.page.get_by_role("navigation", name="In this intranet")
    visitor.follow(menu.get_by_role("link", name="My allyship"))
    assert visitor.page.locator("h1").inner_text() == "My allyship"
    assert "Feedback from colleagues" in feedback_section(visitor).inner_text()
    fits(visitor)


def download_sign(page) -> ElementTree.Element:
    """Download the sign with the page's own link; the parsed SVG document."""
    with page.expect_download() as download_info:
        page.locator(".allyship-header a[download]").click()
    download = download_info.value
    assert download.suggested_filename == "my-pledge-sign.svg"
    with open(download.path(), "rb") as svg_file:
        root = ElementTree.fromstring(svg_file.read())  # noqa: S314 (our own site's file)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def svg_text(root: ElementTree.Element) -> str:
    return " ".join(" ".join(element.itertext()) for element in root.iter())


def my_allyship_in(site, language: str) -> str:
    """The path of the "My allyship" page in ``language``."""
    paths = [
        page.path
        for page in site.pages
        if page.model == "wagtail_allyship.myallyshippage" and page.locale == language
    ]
    assert len(paths) == 1, f"One My allyship page in {language}: {paths}"
    return paths[0]


def feedback_section(visitor):
    return visitor.page.locator("section.allyship-feedback")


def declined_count(visitor) -> int:
    found = re.search(r"(\d+) declined", feedback_section(visitor).inner_text())
    return int(found.group(1)) if found else 0


def ask(visitor, username: str, name: str) -> None:
    page = visitor.page
    visitor.follow(feedback_section(visitor).get_by_role("link", name="Ask for feedback"))
    assert page.locator("h1").inner_text() == "Ask for feedback"
    assert "more request" in page.locator(".allyship-meta").first.inner_text()
    fits(visitor)
    page.get_by_label("Colleague's username or email address").fill(username)
    visitor.follow(page.get_by_role("button", name="Send the request"))
    assert f"Your request has been sent to {name}." in (
        page.locator(".allyship-messages").inner_text()
    )


def open_request_from(visitor, ally_name: str):
    """The colleague finds the request under "Asked of you" and opens it."""
    page = visitor.page
    section = feedback_section(visitor)
    assert "Asked of you" in section.inner_text()
    item = section.locator("li", has_text=f"{ally_name} asks for your feedback")
    assert item.count() == 1
    visitor.follow(item.get_by_role("link", name="Answer or decline"))
    assert page.locator("h1").inner_text() == f"{ally_name} asks for your feedback"
    fits(visitor)
    return page


def wall_card(visitor, name: str):
    nav = visitor.page.get_by_role("navigation", name="Allyship programme", exact=True)
    visitor.follow(nav.get_by_role("link", name="Pledge wall"))
    card = visitor.page.locator(".allyship-pledge-card", has_text=name)
    assert card.count() == 1, f"One card of {name} on the pledge wall"
    fits(visitor)
    return card


def test_ally_asks_for_feedback_and_prints_his_sign(visitor_for, viewport):
    # The conftest's viewport runs the journey on the desktop and on a phone; each width asks
    # its own colleagues.
    cast = PHONE if viewport["width"] < 600 else DESKTOP
    ally = open_as(visitor_for, "ally")
    go_to_my_allyship(ally)
    declined_before = declined_count(ally)

    # 1. Alex asks a colleague by name.
    ask(ally, cast.answers, cast.answers_name)
    assert "request waiting for an answer" in feedback_section(ally).inner_text() or (
        "requests waiting for an answer" in feedback_section(ally).inner_text()
    )

    # 2. She finds the request, answers with an example about a commitment, agrees to show it.
    colleague = open_as(visitor_for, cast.answers)
    go_to_my_allyship(colleague)
    page = open_request_from(colleague, "Alex Ally")
    page.get_by_label("An example of how he has supported you").fill(cast.example)
    commitment_field = page.get_by_label("Which of his commitments it relates to")
    commitment_field.select_option(index=1)
    commitment = commitment_field.locator("option:checked").inner_text().strip()
    assert commitment and commitment != "None in particular"
    page.get_by_label("He may show this on the pledge wall, if he agrees too").check()
    colleague.follow(page.get_by_role("button", name="Send my answer"))
    assert "Thank you. Your answer has been given to Alex Ally." in (
        page.locator(".allyship-messages").inner_text()
    )
    given = feedback_section(colleague).locator("li", has_text="To Alex Ally")
    assert cast.example.split(",")[0] in given.inner_text()
    assert given.get_by_role("button", name="Do not show it on the pledge wall").count() == 1

    # Not on the wall yet: only she has agreed.
    card = wall_card(ally, "Alex Ally")
    assert cast.example not in card.inner_text()

    # 3. Alex reads the answer on "My allyship" and agrees to show it.
    go_to_my_allyship(ally)
    answer = feedback_section(ally).locator("li.allyship-feedback-answer", has_text=cast.example)
    assert answer.count() == 1
    meta = answer.locator(".allyship-meta").first.inner_text()
    assert cast.answers_name in meta
    assert "about" in meta and commitment.split()[0] in meta
    assert "The writer agrees to show it on the pledge wall." in answer.inner_text()
    ally.follow(answer.get_by_role("button", name="Show it on the pledge wall"))
    assert "You agreed to show this answer on the pledge wall." in (
        ally.page.locator(".allyship-messages").inner_text()
    )
    answer = feedback_section(ally).locator("li.allyship-feedback-answer", has_text=cast.example)
    assert "Shown on the pledge wall." in answer.inner_text()

    card = wall_card(ally, "Alex Ally")
    said = card.locator(".allyship-wall-feedback")
    assert "What colleagues say" in said.inner_text()
    quote = said.locator("blockquote", has_text=cast.example)
    assert quote.count() == 1
    assert quote.locator("footer").inner_text() == cast.answers_name

    # 4. A second colleague is asked and declines.
    go_to_my_allyship(ally)
    ask(ally, cast.declines, cast.declines_name)
    second = open_as(visitor_for, cast.declines)
    go_to_my_allyship(second)
    page = open_request_from(second, "Alex Ally")
    second.follow(page.get_by_role("button", name="Decline", exact=True))
    assert "You declined the request." in page.locator(".allyship-messages").inner_text()
    assert "Asked of you" not in feedback_section(second).inner_text()

    go_to_my_allyship(ally)
    assert declined_count(ally) == declined_before + 1
    assert cast.declines_name not in feedback_section(ally).inner_text()
    card = wall_card(ally, "Alex Ally")
    assert cast.declines_name not in card.inner_text()
    assert cast.example in card.inner_text()

    # 5. Alex opens his pledge sign, downloads the SVG, and opens the sign in Arabic.
    go_to_my_allyship(ally)
    page = ally.page
    ally.follow(page.get_by_role("link", name="Print your pledge sign"))
    assert page.locator("h1").inner_text() == "Your pledge sign"
    sign = page.locator("figure.allyship-sign svg")
    assert "Alex Ally" in sign.inner_html()
    fits(ally)
    assert page.locator(".allyship-header a[download]").inner_text() == "Download the sign (SVG)"
    root = download_sign(page)
    assert root.get("direction") == "ltr"
    texts = svg_text(root)
    assert "Alex Ally" in texts
    assert "Northshire Police" in texts, "His unit is on the sign"
    assert commitment[:30] in texts, "His commitments are on the sign"

    # In Arabic: the language switcher, then the sign's link on the Arabic "My allyship".
    ally.follow(page.get_by_role("link", name="Back to My allyship"))
    ally.follow(page.locator('.language-switcher a[hreflang="ar"]'))
    assert ally.path == my_allyship_in(ally.site, "ar")
    ally.follow(page.locator('#allyship-sign ~ ul a[href="sign/"]'))
    assert ally.path == my_allyship_in(ally.site, "ar") + "sign/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    arabic_sign = page.locator("figure.allyship-sign svg")
    assert arabic_sign.get_attribute("direction") == "rtl"
    assert "Alex Ally" in arabic_sign.inner_html()
    assert commitment[:30] in arabic_sign.inner_html()
    assert ARABIC.search(page.locator("h1").inner_text()), "The page is in Arabic"
    fits(ally)
    arabic_svg = download_sign(page)
    assert arabic_svg.get("direction") == "rtl"
    assert arabic_svg.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    arabic_texts = svg_text(arabic_svg)
    assert ARABIC.search(arabic_texts), "The sign's own words are in Arabic"
    assert "Alex Ally" in arabic_texts
    assert commitment[:30] in arabic_texts
    # His English commitments keep their own direction on the Arabic sign (full stop last).
    lines = [
        element
        for element in arabic_svg.iter("{http://www.w3.org/2000/svg}text")
        if element.text and commitment.startswith(element.text[:20])
    ]
    assert lines and all(line.get("direction") == "ltr" for line in lines)
