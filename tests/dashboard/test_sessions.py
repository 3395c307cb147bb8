"""The dashboard panel counts the year's sessions and the places attended at them."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.sessions.conftest import make_session
from wagtail_allyship.dashboard.sessions import session_figures
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db


def test_the_panel_counts_sessions_held_and_places_attended(coordinator_client, monkeypatch):
    held = make_session(places=5, days=-1)
    # "This year" is the year of the session held yesterday, even on a programme year's
    # first day.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    monkeypatch.setattr(
        "wagtail_allyship.dashboard.sessions.current_programme_year",
        lambda: current_programme_year(yesterday),
    )
    for n, came in enumerate((True, True, False)):
        SessionRegistration.objects.create(
            signup=held,
            user=UserFactory(username=f"p{n}"),
            status=SignupStatus.PLACE,
            attended=came,
        )
    make_session(places=5, days=4)  # not held yet
    figures = session_figures()
    assert figures["held"] == 1 and figures["places"] == 3 and figures["attended"] == 2
    assert figures["rate"] == 67
    html = coordinator_client.get("/admin/").content.decode()
    assert "1 session held this year" in html
    assert "2 places at sessions attended this year" in html
