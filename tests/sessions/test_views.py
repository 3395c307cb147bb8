"""Signing up on the calendar page: the session's page, its actions and the place's file."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client

from tests.factories import UserFactory
from tests.sessions.conftest import make_session, read_calendar, session_address
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import AttendanceMode, SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/good-practice"
ROOM = "Training room 2, Head office"


def logged_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post(client, url):
    """A POST with the CSRF token of the session's page, as the browser sends it."""
    page = client.get(url.rsplit("/", 2)[0] + "/")
    token = page.context["csrf_token"]
    return client.post(url, {"csrfmiddlewaretoken": str(token)})


@pytest.fixture
def alex(db):
    return UserFactory(username="alex", email="alex@example.org")


class TestSigningUp:
    def test_sign_up_then_cancel(self, calendar_page, signup, alex):
        client = logged_in(alex)
        response = post(client, session_address(calendar_page, signup, "session_sign_up"))
        assert response.status_code == 302
        registration = SessionRegistration.objects.get(user=alex)
        assert registration.has_place
        page = client.get(response["Location"])
        assert "You have a place" in page.content.decode()
        response = post(client, session_address(calendar_page, signup, "session_cancel"))
        registration.refresh_from_db()
        assert registration.is_cancelled
        assert "Your sign-up is cancelled." in client.get(response["Location"]).content.decode()

    def test_sign_up_needs_post_and_csrf(self, calendar_page, signup, alex):
        client = logged_in(alex)
        url = session_address(calendar_page, signup, "session_sign_up")
        assert client.get(url).status_code == 405
        assert client.post(url).status_code == 403
        assert not SessionRegistration.objects.exists()

    def test_anonymous_people_are_sent_to_log_in(self, calendar_page, signup):
        response = Client().post(session_address(calendar_page, signup, "session_sign_up"))
        assert response.status_code == 302 and "login" in response["Location"]
        assert not SessionRegistration.objects.exists()

    def test_an_entry_without_sign_up_has_no_session_page(self, calendar_page, alex):
        signup = make_session()
        key = signup.entry.translation_key
        signup.delete()
        url = calendar_page.url + calendar_page.reverse_subpage("session", args=[key])
        assert logged_in(alex).get(url).status_code == 404

    def test_waiting_list_position_is_shown(self, calendar_page, people, alex):
        signup = make_session(places=1)
        for person in people[:3]:
            places.sign_up(signup.pk, person)
        client = logged_in(alex)
        post(client, session_address(calendar_page, signup, "session_sign_up"))
        html = client.get(session_address(calendar_page, signup)).content.decode()
        assert "You are on the waiting list (3rd)" in html
        calendar = client.get(calendar_page.url).content.decode()
        assert "You are on the waiting list (3rd)" in calendar
        assert "Full: new sign-ups join the waiting list." in calendar


class TestPrivateDetails:
    def test_room_and_link_only_for_people_with_a_place(self, calendar_page, people, alex):
        signup = make_session(places=1)
        places.sign_up(signup.pk, people[0])
        outsider = logged_in(alex)
        for url in (calendar_page.url, session_address(calendar_page, signup)):
            html = outsider.get(url).content.decode()
            assert LINK not in html and ROOM not in html
        insider = logged_in(people[0])
        for url in (calendar_page.url, session_address(calendar_page, signup)):
            html = insider.get(url).content.decode()
            assert LINK in html and ROOM in html

    def test_calendar_files_for_everyone_leave_them_out(self, calendar_page, signup, alex):
        client = logged_in(alex)
        key = signup.entry.translation_key
        for url in (
            calendar_page.url + calendar_page.reverse_subpage("ics_feed"),
            calendar_page.url + calendar_page.reverse_subpage("ics_event", args=[key]),
        ):
            body = client.get(url).content.decode()
            assert signup.entry.title in body
            assert "meet.example.org" not in body and "Training room" not in body

    def test_online_only_sessions_give_no_room(self, calendar_page, alex):
        signup = make_session(mode=AttendanceMode.ONLINE)
        places.sign_up(signup.pk, alex)
        html = logged_in(alex).get(session_address(calendar_page, signup)).content.decode()
        assert LINK in html and ROOM not in html


class TestPlaceFile:
    def file(self, client, page, signup):
        response = client.get(session_address(page, signup, "session_place_file"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert "no-store" in response["Cache-Control"]
        return response.content

    def test_request_then_update_then_cancel_with_one_uid(self, calendar_page, signup, alex):
        places.sign_up(signup.pk, alex)
        client = logged_in(alex)
        first = read_calendar(self.file(client, calendar_page, signup))
        assert first.method == "REQUEST"
        (event,) = first.events
        assert event.sequence == 0 and event.status.value == "CONFIRMED"
        assert event.location == ROOM
        uid = event.uid

        entry = signup.entry
        entry.start_time = datetime.time(9, 0)
        entry.end_time = datetime.time(10, 0)
        entry.save()
        second = read_calendar(self.file(client, calendar_page, signup))
        (changed,) = second.events
        assert second.method == "REQUEST"
        assert changed.uid == uid and changed.sequence == 1
        assert changed.dtstart.hour == 9

        places.cancel(signup.pk, alex)
        third = read_calendar(self.file(client, calendar_page, signup))
        (cancelled,) = third.events
        assert third.method == "CANCEL"
        assert cancelled.uid == uid and cancelled.sequence == 2
        assert cancelled.status.value == "CANCELLED"

    def test_a_cancelled_session_cancels_the_entry(
        self, calendar_page, signup, alex, django_capture_on_commit_callbacks
    ):
        places.sign_up(signup.pk, alex)
        with django_capture_on_commit_callbacks(execute=True):
            places.cancel_session(signup.pk)
        calendar = read_calendar(self.file(logged_in(alex), calendar_page, signup))
        assert calendar.method == "CANCEL"
        assert calendar.events[0].status.value == "CANCELLED"
        assert calendar.events[0].sequence == 1
        assert [m.to for m in mail.outbox] == [["alex@example.org"]]

    def test_each_registration_has_its_own_uid(self, calendar_page, signup, people):
        uids = set()
        for person in people[:2]:
            places.sign_up(signup.pk, person)
            calendar = read_calendar(self.file(logged_in(person), calendar_page, signup))
            uids.add(calendar.events[0].uid)
        assert len(uids) == 2

    def test_no_file_without_a_place(self, calendar_page, people, alex):
        signup = make_session(places=1)
        places.sign_up(signup.pk, people[0])
        places.sign_up(signup.pk, alex)
        assert SessionRegistration.objects.get(user=alex).status == SignupStatus.WAITING
        url = session_address(calendar_page, signup, "session_place_file")
        assert logged_in(alex).get(url).status_code == 404
        assert Client().get(url).status_code == 302


class TestMyAllyship:
    @pytest.fixture
    def mine(self, db):
        from wagtail.models import Page

        from tests.factories import MyAllyshipPageFactory

        return MyAllyshipPageFactory(parent=Page.objects.get(depth=2), slug="mine")

    def test_next_session_and_attended_sessions(self, mine, calendar_page, people, alex):
        past = make_session(days=-5, title="Held last week")
        SessionRegistration.objects.create(
            signup=past, user=alex, status=SignupStatus.PLACE, attended=True
        )
        missed = make_session(days=-9, title="Missed one")
        SessionRegistration.objects.create(
            signup=missed, user=alex, status=SignupStatus.PLACE, attended=False
        )
        coming = make_session(places=1, title="Coming soon")
        places.sign_up(coming.pk, people[0])
        places.sign_up(coming.pk, alex)
        html = logged_in(alex).get(mine.url).content.decode()
        assert "Coming soon" in html and "You are on the waiting list (1st)" in html
        assert "Held last week" in html and "Missed one" not in html
        assert session_address(calendar_page, coming) in html

    def test_my_data_holds_the_sign_ups(self, mine, alex):
        signup = make_session()
        places.sign_up(signup.pk, alex)
        response = logged_in(alex).get(mine.url + "my-data/")
        data = response.json()
        assert data["sessions"][0]["session"] == signup.entry.title
        assert data["sessions"][0]["status"] == "place"


def test_online_only_sessions_give_no_room_on_the_calendar_either(calendar_page, alex):
    signup = make_session(mode=AttendanceMode.ONLINE)
    places.sign_up(signup.pk, alex)
    html = logged_in(alex).get(calendar_page.url).content.decode()
    assert LINK in html and ROOM not in html


class TestNextSessionTag:
    def render(self, user):
        from django.template import Context, Template
        from django.test import RequestFactory

        request = RequestFactory().get("/")
        request.user = user
        template = Template("{% load allyship_sessions %}{% allyship_my_next_session %}")
        return template.render(Context({"request": request}))

    def test_the_readers_own_next_session(self, calendar_page, people, alex):
        from django.contrib.auth.models import AnonymousUser

        later = make_session(places=1, days=30, title="Later one")
        sooner = make_session(places=1, days=3, title="Sooner one")
        places.sign_up(later.pk, alex)
        places.sign_up(sooner.pk, people[0])
        places.sign_up(sooner.pk, alex)
        html = self.render(alex)
        assert "Sooner one" in html and "You are on the waiting list (1st)" in html
        assert "Later one" not in html
        assert session_address(calendar_page, sooner) in html
        assert "Your next session" not in self.render(people[1])
        assert self.render(AnonymousUser()).strip() == ""
