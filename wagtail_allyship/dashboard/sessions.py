"""The dashboard panel's lines on sessions: held this programme year, and their attendance.

Counted as the annual report counts them (:func:`wagtail_allyship.reports.figures.
session_counts`), so that the panel and the year's report agree; each line links to the
organisers' list of sessions.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import session_counts
from wagtail_allyship.reports.pages import attendance_rate
from wagtail_allyship.sessions.models import SessionSignup


def session_figures() -> dict[str, int | None]:
    """Sessions held this programme year, places taken and attended, the rate (two queries)."""
    held, counts = session_counts(current_programme_year())
    places = sum(row["places"] for row in counts.values())
    attended = sum(row["attended"] for row in counts.values())
    return {
        "held": held,
        "places": places,
        "attended": attended,
        "rate": attendance_rate(places, attended),
    }


def panel_rows() -> list[tuple]:
    """Two lines: sessions held this year; places attended at them."""
    figures = session_figures()
    url = reverse(SessionSignup.snippet_viewset.get_url_name("list"))
    return [
        (
            "calendar-check",
            url,
            figures["held"],
            ngettext(
                "%(number)s session held this year",
                "%(number)s sessions held this year",
                figures["held"],
            ),
        ),
        (
            "group",
            url,
            figures["attended"],
            ngettext(
                "%(number)s place at a session attended this year",
                "%(number)s places at sessions attended this year",
                figures["attended"],
            ),
        ),
    ]
