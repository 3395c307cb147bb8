"""Shared fixtures of the session sign-up tests: a calendar page, a session, people."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from ical.calendar_stream import IcsCalendarStream
from wagtail.models import Page

from tests.factories import CalendarPageFactory, SessionFactory, UserFactory
from wagtail_allyship.sessions.models import AttendanceMode, SessionSignup


@pytest.fixture
def calendar_page(db):
    return CalendarPageFactory(parent=Page.objects.get(depth=2), slug="calendar")


def make_session(places=2, mode=AttendanceMode.BOTH, days=14, **entry) -> SessionSignup:
    entry.setdefault("location", "Training room 2, Head office")
    entry.setdefault("starts_on", timezone.localdate() + datetime.timedelta(days=days))
    return SessionSignup.objects.create(entry=SessionFactory(**entry), places=places, mode=mode)


@pytest.fixture
def signup(db):
    return make_session()


@pytest.fixture
def people(db):
    return [UserFactory(username=f"person{n}", email=f"person{n}@example.org") for n in range(5)]


def session_address(page, signup, name="session") -> str:
    return page.url + page.reverse_subpage(name, args=[signup.entry.translation_key])


def read_calendar(body: bytes):
    """The file read back by the `ical` package, an iCalendar parser independent of ours."""
    return IcsCalendarStream.calendar_from_ics(body.decode())
