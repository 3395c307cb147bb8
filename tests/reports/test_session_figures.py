"""Sessions in the figures: held, places taken, attendance per unit; frozen when published."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.factories import AllyRegistrationFactory, OrganisationUnitFactory, UserFactory
from tests.sessions.conftest import make_session
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import compute_figures, session_counts
from wagtail_allyship.reports.pages import attendance_rate, session_rows
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db


def the_year() -> int:
    """The programme year of yesterday, when the fixture's sessions were held."""
    return current_programme_year(timezone.localdate() - datetime.timedelta(days=1))


def place(signup, registration, attended):
    SessionRegistration.objects.create(
        signup=signup, user=registration.user, status=SignupStatus.PLACE, attended=attended
    )


@pytest.fixture
def year_of_sessions():
    north, south = OrganisationUnitFactory(name="North"), OrganisationUnitFactory(name="South")
    allies = [AllyRegistrationFactory(unit=north) for _ in range(3)]
    allies.append(AllyRegistrationFactory(unit=south))
    held = make_session(places=10, days=-1)
    for ally, came in zip(allies, (True, True, False, True), strict=True):
        place(held, ally, came)
    cancelled = make_session(places=10, days=-1)
    place(cancelled, allies[0], None)
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    coming = make_session(places=10, days=3)
    place(coming, allies[1], None)
    SessionRegistration.objects.create(
        signup=held, user=AllyRegistrationFactory(unit=north).user, status=SignupStatus.WAITING
    )
    return north, south


def test_sessions_held_places_and_attendance_per_unit(year_of_sessions):
    north, south = year_of_sessions
    held, counts = session_counts(the_year())
    assert held == 1
    assert counts[str(north.translation_key)] == {"places": 3, "attended": 2}
    assert counts[str(south.translation_key)] == {"places": 1, "attended": 1}
    figures = compute_figures(the_year())
    assert figures["totals"]["sessions_held"] == 1
    assert figures["totals"]["session_places"] == 4
    assert figures["totals"]["session_attended"] == 3
    rows = session_rows(figures["units"], lambda key, name: name)
    assert [(r["name"], r["places"], r["rate"]) for r in rows] == [
        ("North", 3, 67),
        ("South", 1, 100),
    ]


def test_the_rate_without_places_is_none():
    assert attendance_rate(0, 0) is None
    assert attendance_rate(4, 1) == 25


def test_reports_frozen_before_sessions_were_counted_show_none():
    assert session_rows([{"key": "k", "name": "North"}], lambda key, name: name) == []


def test_the_published_report_keeps_its_session_figures(year_of_sessions, client):
    from wagtail.models import Page

    from tests.factories import AnnualReportPageFactory

    year = the_year()
    client.force_login(UserFactory(username="reader"))
    report = AnnualReportPageFactory(parent=Page.objects.get(depth=2), year=year, slug="report")
    report.save_revision().publish()
    report.refresh_from_db()
    assert report.figures["totals"]["session_places"] == 4
    # More people attend afterwards: the published report still says what was true then.
    late = make_session(places=5, days=-1)
    place(late, AllyRegistrationFactory(unit=year_of_sessions[0]), True)
    report.refresh_from_db()
    html = client.get(report.url).content.decode()
    assert report.figures["totals"]["sessions_held"] == 1
    assert "Sessions held" in html and "Places and attendance by unit" in html
    assert compute_figures(year)["totals"]["sessions_held"] == 2
