"""An ally finds a resource in the hub and downloads it, in English and in Arabic.

The hub and its resources come from the demo content (``intranet.demo_resources``). With
JavaScript on, ticking a filter or searching updates the list in place (no page load) and
puts the state in the address bar; that address, opened directly, shows the same list.
Every state of the page is checked with axe-core.
"""

from __future__ import annotations

import re
from pathlib import Path

from intranet import demo_resources

HUB = "/resources/"
ARABIC_HUB = "/ar/resources/"
MARKER = "set before filtering"


def demo_file(slug: str) -> tuple[str, bytes]:
    """The name and bytes of the document the demo generated for a resource."""
    data = next(data for data in demo_resources.RESOURCES if data.slug == slug)
    return demo_resources.file_for(data)


def listed_titles(page) -> list[str]:
    return [
        title.strip()
        for title in page.locator(
            ".allyship-resource-card .allyship-resource-title"
        ).all_inner_texts()
    ]


def result_count(page) -> str:
    return page.locator("[data-allyship-hub-results] .allyship-result-count").inner_text()


def open_filters(page) -> None:
    """On a phone the filters wait, closed, behind "Filter": a person opens them first."""
    filters = page.locator("details.allyship-hub-filters")
    if filters.get_attribute("open") is None:
        filters.locator("summary").click()


def facet_choice(page, facet: str, label: str):
    """The checkbox of one facet value; its label is the value's name and its count."""
    open_filters(page)
    group = page.get_by_role("group", name=facet, exact=True)
    return group.get_by_label(re.compile(rf"^{re.escape(label)} \(\d+\)$"))


def wait_for_update(visitor, before: str) -> None:
    """Wait until the hub has fetched the new list and the address bar shows the new state."""
    page = visitor.page
    page.wait_for_function("(before) => window.location.href !== before", arg=before)
    page.wait_for_selector("[data-allyship-hub]:not([aria-busy])", state="attached")


def tick(visitor, facet: str, label: str) -> None:
    """Tick a filter with the keyboard: the list updates in place, the focus stays put."""
    page = visitor.page
    before, loads = page.url, len(visitor.loaded)
    choice = facet_choice(page, facet, label)
    value = choice.get_attribute("value")
    choice.focus()
    page.keyboard.press("Space")
    wait_for_update(visitor, before)
    assert len(visitor.loaded) == loads, "ticking a filter must not reload the page"
    assert facet_choice(page, facet, label).is_checked()
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == [choice.get_attribute("name"), value], "the focus must stay on the filter"
    # The count is announced through the live region that stays in the page.
    announced = page.locator("[data-allyship-hub-announce]").text_content().strip()
    assert announced and announced == " ".join(result_count(page).split())
    # The address is the one the server makes: no empty search, no default sort.
    assert "q=&" not in page.url and not page.url.endswith("q=") and "sort=newest" not in page.url
    visitor.check()


def search(visitor, field_label: str, button: str, text: str) -> None:
    page = visitor.page
    before, loads = page.url, len(visitor.loaded)
    page.get_by_label(field_label, exact=True).fill(text)
    page.get_by_role("button", name=button, exact=True).click()
    wait_for_update(visitor, before)
    assert len(visitor.loaded) == loads, "searching must not reload the page"
    visitor.check()


def checked_filters(page) -> list[tuple[str, str]]:
    boxes = page.locator(".allyship-facets input[type=checkbox]:checked")
    return [(box.get_attribute("name"), box.get_attribute("value")) for box in boxes.all()]


def test_ally_filters_searches_and_downloads_a_resource(visitor_for):
    ally = visitor_for("ally")
    page = ally.page
    ally.visit(HUB)
    assert page.locator("h1").inner_text() == "Resources"
    everything = len(demo_resources.RESOURCES)
    assert result_count(page).startswith(f"{everything} resources")
    assert len(listed_titles(page)) == 20, "the first page of resources"

    # With JavaScript, the list updates without a page load and the URL follows.
    page.evaluate("(marker) => { window.allyshipMarker = marker; }", MARKER)
    history = page.evaluate("() => window.history.length")
    tick(ally, "Topic", "HeForShe")
    assert "topic=" in ally.path
    by_topic = listed_titles(page)
    assert 0 < len(by_topic) < 20
    assert "Your first month as an ally" in by_topic
    assert "Menopause awareness session: slides" not in by_topic
    assert result_count(page).startswith(f"{len(by_topic)} resources")
    assert page.evaluate("() => window.allyshipMarker") == MARKER, "the page was reloaded"
    assert page.evaluate("() => window.history.length") == history + 1, "no pushState"

    tick(ally, "Type", "Guide")
    assert re.search(r"[?&]type=guide(&|$)", ally.path)
    guides = listed_titles(page)
    assert sorted(guides) == ["Keeping your local network going", "Your first month as an ally"]

    search(ally, "Search the resources", "Show resources", "pledge")
    assert "q=pledge" in ally.path
    assert listed_titles(page) == ["Your first month as an ally"]
    assert page.evaluate("() => window.allyshipMarker") == MARKER
    filtered_path, filtered = ally.path, listed_titles(page)
    filters = checked_filters(page)
    assert [name for name, _value in filters] == ["topic", "type"]
    assert ("type", "guide") in filters

    # Back in the browser's history: the list before the search comes back, in place.
    page.go_back()
    page.wait_for_function("() => !new URLSearchParams(window.location.search).get('q')")
    page.wait_for_function(
        "(n) => document.querySelectorAll('.allyship-resource-card').length === n", arg=2
    )
    assert sorted(listed_titles(page)) == sorted(guides)
    assert page.evaluate("() => window.allyshipMarker") == MARKER
    ally.check()

    # The address of a state, opened directly (no JavaScript involved), shows the same list.
    ally.visit(filtered_path)
    assert page.evaluate("() => window.allyshipMarker") is None, "a real page load this time"
    assert listed_titles(page) == filtered
    assert sorted(checked_filters(page)) == sorted(filters)
    assert page.get_by_label("Search the resources", exact=True).input_value() == "pledge"

    ally.follow(page.get_by_role("link", name="Your first month as an ally", exact=True))
    assert ally.path == "/resources/your-first-month-as-an-ally/"
    assert page.locator("h1").inner_text() == "Your first month as an ally"
    meta = page.locator(".allyship-resource-meta").first.inner_text()
    assert "Guide" in meta and "10 minutes' read" in meta and "Allies" in meta

    name, content = demo_file("your-first-month-as-an-ally")
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Download “Your first month as an ally” (PDF)", exact=True
        ).click()
    download = download_info.value
    assert download.suggested_filename == name == "your-first-month-as-an-ally.pdf"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF-1.4") and len(data) == len(content)
    assert data == content

    ally.follow(page.locator(".allyship-back").get_by_role("link", name="Resources"))
    assert ally.path == HUB


def test_ally_finds_and_downloads_a_resource_in_arabic(visitor_for):
    ally = visitor_for("ally")
    page = ally.page
    ally.visit(ARABIC_HUB)
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "الموارد"
    # Resources not yet translated show in English, labelled.
    assert page.get_by_text("لم يُترجم بعد").count() == 5

    page.evaluate("(marker) => { window.allyshipMarker = marker; }", MARKER)
    tick(ally, "الموضوع", "الإرشاد")  # Topic: Mentoring
    tick(ally, "النوع", "قالب مستند")  # Type: Document template
    titles = listed_titles(page)
    assert sorted(titles) == sorted(
        ["نموذج لتخطيط التعهّد", "اتفاقية إرشاد", "Allies' network meeting agenda"]
    )
    assert page.get_by_text("لم يُترجم بعد").count() == 1
    assert html.get_attribute("dir") == "rtl"

    search(ally, "البحث في الموارد", "عرض الموارد", "اتفاقية")
    assert listed_titles(page) == ["اتفاقية إرشاد"]
    assert page.evaluate("() => window.allyshipMarker") == MARKER
    filtered_path = ally.path
    assert filtered_path.startswith(ARABIC_HUB + "?")

    ally.visit(filtered_path)
    assert listed_titles(page) == ["اتفاقية إرشاد"]
    assert html.get_attribute("dir") == "rtl"

    ally.follow(page.get_by_role("link", name="اتفاقية إرشاد", exact=True))
    assert ally.path == "/ar/resources/mentoring-agreement/"
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "اتفاقية إرشاد"

    name, content = demo_file("mentoring-agreement")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="تنزيل «Mentoring agreement» (DOCX)", exact=True).click()
    download = download_info.value
    assert download.suggested_filename == name == "mentoring-agreement.docx"
    assert Path(download.path()).read_bytes() == content
