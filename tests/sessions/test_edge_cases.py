"""Bad input and edge cases of signing up: each a clear message, and the data left as it was."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.sessions.conftest import make_session, session_address
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db


def sign_up(client, page, signup, data=None):
    """POST the sign-up form and return the message shown after it (CSRF: test_views)."""
    response = client.post(
        session_address(page, signup, "session_sign_up"), data or {}, follow=True
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def client(people):
    client = Client()
    client.force_login(people[4])
    return client


def test_after_closing(calendar_page, client):
    signup = make_session()
    signup.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    signup.save()
    assert sign_up(client, calendar_page, signup) == ["Sign-up for this session has closed."]
    assert not SessionRegistration.objects.exists()


def test_a_cancelled_session(calendar_page, client):
    signup = make_session()
    places.cancel_session(signup.pk)
    messages = sign_up(client, calendar_page, signup)
    assert messages == ["This session has been cancelled: nobody can sign up for it."]
    assert not SessionRegistration.objects.exists()


def test_a_past_session(calendar_page, client):
    signup = make_session(days=-2)
    messages = sign_up(client, calendar_page, signup)
    assert messages == ["This session is over: nobody can sign up for it any more."]
    assert not SessionRegistration.objects.exists()


def test_twice(calendar_page, client, people):
    signup = make_session(places=1)
    sign_up(client, calendar_page, signup)
    assert sign_up(client, calendar_page, signup) == ["You already have a place at this session."]
    other = Client()
    other.force_login(people[0])
    sign_up(other, calendar_page, signup)
    assert sign_up(other, calendar_page, signup) == [
        "You are already on the waiting list for this session."
    ]
    assert SessionRegistration.objects.count() == 2


def test_a_tampered_form_cannot_take_a_place_that_is_not_free(calendar_page, client, people):
    signup = make_session(places=1)
    places.sign_up(signup.pk, people[0])
    sign_up(
        client,
        calendar_page,
        signup,
        {"status": SignupStatus.PLACE, "places": "100", "user": people[1].pk, "signup": 999},
    )
    assert dict(SessionRegistration.objects.values_list("user__username", "status")) == {
        "person0": SignupStatus.PLACE,
        "person4": SignupStatus.WAITING,
    }


def test_cancelling_without_a_sign_up(calendar_page, client):
    signup = make_session()
    response = client.post(session_address(calendar_page, signup, "session_cancel"), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "You are not signed up for this session."
    ]


def test_messages_are_translated(calendar_page, client):
    signup = make_session(days=-2)
    with translation.override("fr"):
        message = places.signup_refusal(signup)
    assert message != "This session is over: nobody can sign up for it any more."


def test_closing_after_the_end_is_refused(admin_client):
    signup = make_session()
    response = admin_client.post(
        reverse("wagtailsnippets_wagtail_allyship_sessionsignup:edit", args=[signup.pk]),
        {
            "entry": signup.entry_id,
            "places": 2,
            "closes_at": (timezone.now() + datetime.timedelta(days=60)).strftime("%Y-%m-%d %H:%M"),
            "mode": signup.mode,
        },
    )
    assert response.status_code == 200
    assert "Sign-up must close before the session is over." in response.content.decode()
    signup.refresh_from_db()
    assert signup.closes_at is None


def test_only_one_off_entries_take_sign_ups(admin_client):
    from tests.factories import AwarenessDateFactory

    yearly = AwarenessDateFactory()
    response = admin_client.post(
        reverse("wagtailsnippets_wagtail_allyship_sessionsignup:add"),
        {"entry": yearly.pk, "places": 2, "closes_at": "", "mode": "both"},
    )
    assert response.status_code == 200
    assert not yearly.__class__.objects.filter(signup__isnull=False).exists()
