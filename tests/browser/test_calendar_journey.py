"""An ally opens the allyship calendar, filters it by topic and adds a date to their calendar.

The calendar page, its topics and the good-practice session come from the demo content.
"""

from __future__ import annotations

import re
from pathlib import Path

from icalendar import Calendar


def test_ally_filters_the_calendar_and_downloads_an_event(visitor_for, live_site):
    calendar = next(
        page
        for page in live_site.pages
        if page.model == "wagtail_allyship.calendarpage" and page.locale == "en"
    )
    ally = visitor_for("ally")
    ally.visit(calendar.path)
    page = ally.page
    assert page.locator("h1").inner_text() == calendar.title
    months = page.locator(".allyship-month h2")
    # Three months by default, each a click away in the jump list; twelve on request.
    assert 1 <= months.count() <= 3
    jumps = page.get_by_role("navigation", name="Jump to a month").get_by_role("link")
    assert jumps.count() == months.count()
    ally.follow(page.get_by_role("link", name="Show the next twelve months"))
    assert page.locator(".allyship-month h2").count() >= 10, "a year holds the yearly dates"
    ally.visit(calendar.path)
    everything = page.locator(".allyship-month .allyship-entry").count()

    page.get_by_label("Topic").select_option(label="Mentoring")
    ally.follow(page.get_by_role("button", name="Show dates"))
    assert ally.path.startswith(calendar.path + "?topic=")
    entries = page.locator(".allyship-month .allyship-entry")
    assert 0 < entries.count() < everything
    session = entries.filter(has_text="Good-practice session")
    assert session.count() == 1
    title = session.locator(".allyship-entry-title").inner_text()

    with page.expect_download() as download_info:
        session.get_by_role("link", name=re.compile(r"^Add to my calendar")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    events = Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [title]
    assert events[0]["DTSTART"].params["TZID"] == "Europe/London"

    subscribe = page.get_by_role("link", name="Subscribe to the “Mentoring” dates")
    response = page.request.get(live_site.url(subscribe.get_attribute("href")))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.body())
    assert title in [str(event["SUMMARY"]) for event in feed.walk("VEVENT")]

    ally.follow(page.get_by_role("link", name="Show all topics"))
    assert page.locator(".allyship-month .allyship-entry").count() == everything
