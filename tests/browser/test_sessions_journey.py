"""Two members of staff and a session with one place: sign up, cancel, the next moves up.

Alex takes the only place of the demo's "lunch and learn" from the calendar page and sees it
there; Casey joins the waiting list (1st); Alex cancels and Casey, the next in line, now has
the place on the calendar page. Casey then cancels, so that the session is empty for the next
run. The journey runs in English and Arabic, at 1280 and 390 pixels wide; screenshots of
each step go to /tmp/shots-sessions/.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.utils import translation

from wagtail_allyship.sessions.states import ordinal

SHOTS = Path(tempfile.gettempdir()) / "shots-sessions"
TITLES = {
    "en": "Lunch and learn: allyship in small teams",
    "ar": "غداء وتعلّم: المناصرة في الفرق الصغيرة",
}


def words(language: str, text: str, **values) -> str:
    with translation.override(language):
        return translation.gettext(text) % values if values else translation.gettext(text)


def open_as(visitor_for, username):
    return visitor_for(username)


def shot(visitor, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    visitor.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def entry_on_calendar(visitor, calendar_path: str, title: str):
    visitor.visit(calendar_path)
    entry = visitor.page.locator(".allyship-entry").filter(has_text=title)
    assert entry.count() == 1, f"the calendar lists “{title}” once"
    return entry


def open_session(visitor, calendar_path: str, title: str) -> None:
    entry = entry_on_calendar(visitor, calendar_path, title)
    visitor.follow(entry.locator(".allyship-signup a"))
    assert visitor.page.locator("h1").inner_text() == title


def press(visitor, action: str) -> None:
    visitor.follow(visitor.page.locator(f"form[action$='/{action}/'] button"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_sign_up_cancel_and_the_next_in_line_moves_up(visitor_for, live_site, language, viewport):
    # conftest's viewport runs the journey once per screen width, each on its own site.
    width = viewport["width"]
    calendar = next(
        page
        for page in live_site.pages
        if page.model == "wagtail_allyship.calendarpage" and page.locale == language
    )
    title = TITLES[language]
    have_place = words(language, "You have a place")
    name = f"{language}-{width}"

    alex = open_as(visitor_for, "ally")
    open_session(alex, calendar.path, title)
    press(alex, "sign-up")
    place = alex.page.locator("#allyship-session-place").locator("..")
    assert have_place in place.inner_text()
    if language == "ar":
        assert alex.page.locator("html").get_attribute("dir") == "rtl"
    shot(alex, f"{name}-1-alex-has-the-place")
    entry = entry_on_calendar(alex, calendar.path, title)
    assert have_place in entry.inner_text()

    casey = open_as(visitor_for, "colleague")
    open_session(casey, calendar.path, title)
    press(casey, "sign-up")
    with translation.override(language):
        first = ordinal(1)
    waiting = words(language, "You are on the waiting list (%(position)s)", position=first)
    assert waiting in casey.page.locator("main").inner_text()
    shot(casey, f"{name}-2-casey-waits")

    open_session(alex, calendar.path, title)
    press(alex, "cancel")
    assert have_place not in alex.page.locator("#allyship-session-place").locator("..").inner_text()
    shot(alex, f"{name}-3-alex-cancelled")

    entry = entry_on_calendar(casey, calendar.path, title)
    assert have_place in entry.inner_text()
    shot(casey, f"{name}-4-casey-moved-up")
    width_of_page = casey.page.evaluate("document.documentElement.scrollWidth")
    assert width_of_page <= width, "nothing is wider than the screen"

    # Leave the session as it was, for the next run.
    open_session(casey, calendar.path, title)
    press(casey, "cancel")
