"""A circle's meetings are sessions for its members only: nobody else signs up or sees them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from tests.circles.conftest import address, make_meeting
from tests.factories import UserFactory
from wagtail_allyship.circles import rules
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration

pytestmark = pytest.mark.django_db

SECRETS = ("Marker-Room-7", "marker-circle-link")


def session_address(page, meeting, name="session") -> str:
    return address(page, name, meeting.entry.translation_key)


def test_only_members_can_sign_up(circle, members, outsider):
    meeting = make_meeting(circle, places=2)
    assert places.sign_up(meeting.pk, members[0]).has_place
    with pytest.raises(places.SignupRefused) as refused:
        places.sign_up(meeting.pk, outsider)
    assert "members of its ally circle" in refused.value.message
    assert not SessionRegistration.objects.filter(user=outsider).exists()


def test_the_facilitator_can_sign_up(circle):
    facilitator = UserFactory(username="facilitator")
    circle.facilitator = facilitator
    circle.save()
    assert places.sign_up(make_meeting(circle).pk, facilitator).has_place


@pytest.mark.parametrize("who", ["anonymous", "outsider", "editor"])
def test_the_calendar_does_not_show_the_meeting_to_others(
    client, calendar_page, circle, outsider, who
):
    meeting = make_meeting(circle)
    if who == "outsider":
        client.force_login(outsider)
    elif who == "editor":
        client.force_login(UserFactory(username="editor", is_staff=True))
    for url in (
        calendar_page.url,
        address(calendar_page, "ics_feed"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert meeting.entry.title not in text
        assert not any(secret in text for secret in SECRETS)
    for name in ("ics_event", "session", "session_place_file"):
        response = client.get(session_address(calendar_page, meeting, name))
        assert response.status_code in (302, 404), name
        assert meeting.entry.title not in response.content.decode()


def test_a_member_sees_the_meeting_and_after_signing_up_its_room(
    client, calendar_page, circle, members
):
    meeting = make_meeting(circle)
    client.force_login(members[0])
    text = client.get(calendar_page.url).content.decode()
    assert meeting.entry.title in text
    assert "Marker-Room-7" not in text  # no place yet
    response = client.post(session_address(calendar_page, meeting, "session_sign_up"), follow=True)
    assert "You have a place" in response.content.decode()
    text = client.get(session_address(calendar_page, meeting)).content.decode()
    assert "Marker-Room-7" in text and "marker-circle-link" in text


def test_an_outsider_posting_a_sign_up_is_told_and_nothing_changes(
    client, calendar_page, circle, outsider
):
    meeting = make_meeting(circle)
    client.force_login(outsider)
    response = client.post(session_address(calendar_page, meeting, "session_sign_up"))
    assert response.status_code == 302
    assert response["Location"] == calendar_page.url
    text = client.get(response["Location"]).content.decode()
    assert "members of its ally circle" in text
    assert meeting.entry.title not in text
    assert not SessionRegistration.objects.exists()


def test_a_member_who_leaves_no_longer_sees_the_meeting(client, calendar_page, circle, members):
    meeting = make_meeting(circle)
    places.sign_up(meeting.pk, members[0])
    rules.leave(circle.pk, members[0])
    client.force_login(members[0])
    assert meeting.entry.title not in client.get(calendar_page.url).content.decode()
    assert client.get(session_address(calendar_page, meeting)).status_code == 404


def test_the_next_session_box_never_offers_a_circles_meeting(calendar_page, circle, members):
    """The open box is the programme's; a member finds the meeting under "Your next session"."""
    meeting = make_meeting(circle, days=1)
    template = Template("{% load allyship_calendar %}{% allyship_get_next_session as s %}{{ s }}")
    request = RequestFactory().get("/")
    for user in (AnonymousUser(), members[0]):
        request.user = user
        assert meeting.entry.title not in template.render(Context({"request": request}))
    mine = Template("{% load allyship_sessions %}{% allyship_my_next_session %}")
    places.sign_up(meeting.pk, members[0])
    assert meeting.entry.title in mine.render(Context({"request": request}))
