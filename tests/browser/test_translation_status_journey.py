"""Following the rollout in Reports › Translation status, and acting on a cell.

The editor, who may translate, narrows the report to what is missing in French, sees the
totals and the rows, and follows a missing item's link to wagtail-localize's "Translate" form
for it; then he narrows it to what is out of date and follows the sync link. The
coordinator, who may not change the programme's pages, reads the same states without links
that would only turn her away. Every page is checked with axe-core; the journey runs at 1280
and 390 pixels wide.
"""

from __future__ import annotations

STATUS = "/admin/reports/allyship-translation-status/"


def test_editor_finds_what_is_missing_and_starts_it(visitor_for):
    editor = visitor_for("editor")
    page = editor.page
    editor.visit(STATUS)
    assert page.locator("h1").first.inner_text().strip() == "Translation status"
    totals = page.locator("main table").first
    assert "French" in totals.inner_text() and "Arabic" in totals.inner_text()

    page.get_by_label("Language", exact=True).select_option("fr")
    page.get_by_label("State", exact=True).select_option("missing")
    editor.follow(page.get_by_role("button", name="Show"))
    assert "language=fr" in page.url and "state=missing" in page.url
    missing = page.locator('main td[data-state="missing"] a')
    assert missing.count() >= 1
    rows = page.locator("main table").nth(1).locator("tbody tr")
    assert rows.count() >= 1
    for number in range(rows.count()):
        assert rows.nth(number).locator('td[data-state="missing"]').count() >= 1

    editor.follow(missing.first)
    assert "/admin/localize/submit/" in page.url
    assert "French" in page.locator("main").inner_text()

    editor.visit(STATUS + "?state=out_of_date")
    stale = page.locator('main td[data-state="out_of_date"] a')
    assert stale.count() >= 1
    editor.follow(stale.first)
    assert "/admin/localize/update/" in page.url


def test_coordinator_reads_the_states_without_links_she_cannot_use(visitor_for):
    coordinator = visitor_for("coordinator")
    page = coordinator.page
    coordinator.visit(STATUS + "?kind=Resource&language=fr&state=missing")
    assert page.locator('main td[data-state="missing"]').count() >= 1
    assert page.locator('main td[data-state="missing"] a').count() == 0
