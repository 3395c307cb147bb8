"""Saving attendance emails each attendee the feedback link once, through a real SMTP server."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.factories import CalendarPageFactory, UserFactory
from tests.mail.smtp import SMTPServer
from tests.sessions.conftest import make_session
from wagtail_allyship.session_feedback.invitations import invite_attendees
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings):
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 10
        yield server.inbox


def attendance_url(signup) -> str:
    return reverse("wagtailsnippets_wagtail_allyship_sessionsignup:attendance", args=[signup.pk])


def test_attendees_are_asked_once(coordinator_client, inbox, django_capture_on_commit_callbacks):
    calendar = CalendarPageFactory(parent=Page.objects.get(depth=2), slug="calendar")
    signup = make_session(places=5, days=-1, title="Held yesterday")
    came = UserFactory(username="came", email="came@example.org")
    missed = UserFactory(username="missed", email="missed@example.org")
    regs = [
        SessionRegistration.objects.create(signup=signup, user=user, status=SignupStatus.PLACE)
        for user in (came, missed)
    ]
    form = {"shown": [r.pk for r in regs], "attended": [regs[0].pk]}
    with django_capture_on_commit_callbacks(execute=True):
        assert coordinator_client.post(attendance_url(signup), form).status_code == 302
    assert dict(inbox.counts()) == {"came@example.org": 1}
    received = inbox.to("came@example.org")[0]
    feedback = calendar.reverse_subpage("session_feedback", args=[signup.entry.translation_key])
    assert feedback in received.text and "Held yesterday" in received.message["Subject"]
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(attendance_url(signup), form)
    assert len(inbox.received) == 1, "nothing is sent twice"


def test_a_refused_email_is_tried_again_later(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    signup = make_session(places=5, days=-1)
    SessionRegistration.objects.create(
        signup=signup,
        user=UserFactory(username="came", email="came@example.org"),
        status=SignupStatus.PLACE,
        attended=True,
    )
    assert invite_attendees(signup.pk) == {"sent": 0, "failed": 1}
    assert SessionRegistration.objects.get().feedback_invited_at is None
