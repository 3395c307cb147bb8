"""The example intranet's sessions: a full one with a waiting list, past ones with attendance."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail_allyship.models import CalendarPage, MyAllyshipPage, SessionRegistration, SessionSignup

pytestmark = pytest.mark.django_db


def test_demo_sessions(demo_content):
    call_command("allyship_demo", stdout=StringIO())  # a second run adds nothing
    # The circle's meetings are the circles demo's (intranet.demo_circles).
    signups = list(
        SessionSignup.objects.filter(circle__isnull=True).with_counts().order_by("entry__starts_at")
    )
    assert len(signups) == 4
    coming = next(signup for signup in signups if signup.places == 4)
    small = next(signup for signup in signups if signup.places == 1)
    assert small.places_taken == 0 and small.entry.get_translations().count() == 2
    assert coming.places == 4 and coming.places_taken == 4 and coming.waiting == 2
    assert all(s.attended > 0 for s in signups[:2])
    assert SessionRegistration.objects.filter(signup__circle__isnull=True).count() == 6 + 7 + 7

    client = Client()
    client.force_login(get_user_model().objects.get(username="ally"))
    calendar = CalendarPage.objects.live().filter(locale__language_code="en").first()
    html = client.get(calendar.url).content.decode()
    assert "You are on the waiting list (2nd)" in html
    assert "allyship-good-practice" not in html  # the link is for people with a place
    mine = MyAllyshipPage.objects.live().filter(locale__language_code="en").first()
    html = client.get(mine.url).content.decode()
    assert "Sessions you attended" in html and "who gets heard in meetings" in html


def test_demo_session_feedback(demo_content):
    from django.urls import reverse

    from wagtail_allyship.models import SessionFeedback, SessionFeedbackParticipation

    call_command("allyship_demo", stdout=StringIO())  # a second run answers nothing twice
    meetings = SessionSignup.objects.get(entry__title__contains="who gets heard in meetings")
    assert SessionFeedback.objects.filter(signup=meetings).count() == 5
    assert SessionFeedbackParticipation.objects.filter(signup=meetings).count() == 5

    client = Client()
    client.force_login(get_user_model().objects.get(username="ally"))
    mine = MyAllyshipPage.objects.live().filter(locale__language_code="en").first()
    html = client.get(mine.url).content.decode()
    assert "Give your feedback" in html
    assert f"/session/{meetings.entry.translation_key}/feedback/" in html

    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    html = client.get(reverse("wagtail_allyship_session_feedback", args=[meetings.pk])).content
    assert b"Too few answers" not in html and b"Run it again for the night shift." in html
