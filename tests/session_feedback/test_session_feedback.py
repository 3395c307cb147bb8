"""A session's feedback: attendees answer once, anonymously; organisers see the aggregate."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from tests.factories import MyAllyshipPageFactory, UserFactory, admin_group
from tests.sessions.conftest import make_session, session_address
from wagtail_allyship.session_feedback import answers
from wagtail_allyship.session_feedback.models import (
    SessionFeedback,
    SessionFeedbackParticipation,
)
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db

GOOD = {"useful": "4", "change": "yes", "better": "More time for questions"}


def attend(signup, user, attended=True):
    return SessionRegistration.objects.create(
        signup=signup, user=user, status=SignupStatus.PLACE, attended=attended
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def results_url(signup) -> str:
    return reverse("wagtail_allyship_session_feedback", args=[signup.pk])


@pytest.fixture
def held():
    return make_session(places=20, days=-2, title="Held on Tuesday")


class TestAnswering:
    def test_an_attendee_answers_once_and_no_link_is_kept(self, calendar_page, held, people):
        attend(held, people[0])
        client = logged_in(people[0])
        address = session_address(calendar_page, held, "session_feedback")
        page = client.get(address)
        assert page.status_code == 200 and "How useful was the session" in page.content.decode()
        response = client.post(address, GOOD)
        assert response.status_code == 302
        assert client.post(address, {**GOOD, "useful": "1"}).status_code == 400
        assert SessionFeedback.objects.count() == 1
        feedback = SessionFeedback.objects.get()
        assert feedback.answers == {"useful": 4, "change": "yes", "better": GOOD["better"]}
        marker = SessionFeedbackParticipation.objects.get()
        # Neither row names the person; the marker is a keyed hash, not their id or name.
        field_names = {f.name for f in SessionFeedback._meta.get_fields()}
        assert not field_names & {"user", "person", "created_at", "submitted_at", "respondent"}
        assert str(people[0].pk) != marker.respondent and people[0].username not in str(
            marker.respondent
        )
        assert "answered about this session" in client.get(address).content.decode()

    def test_people_who_did_not_attend_are_refused(self, calendar_page, held, people):
        attend(held, people[0], attended=False)
        address = session_address(calendar_page, held, "session_feedback")
        for user in (people[0], people[1]):
            client = logged_in(user)
            assert "marked as having attended" in client.get(address).content.decode()
            assert client.post(address, GOOD).status_code == 403
        assert not SessionFeedback.objects.exists()
        assert not SessionFeedbackParticipation.objects.exists()

    def test_visitors_log_in_and_unknown_sessions_are_404(self, calendar_page, held, people):
        address = session_address(calendar_page, held, "session_feedback")
        assert Client().get(address).status_code == 302
        wrong = address.replace(
            str(held.entry.translation_key), "0" * 8 + "-0000-0000-0000-" + "0" * 12
        )
        assert logged_in(people[0]).get(wrong).status_code == 404

    @pytest.mark.parametrize(
        "bad",
        [
            {"useful": "9"},
            {"useful": ""},
            {"useful": "3", "change": "perhaps"},
            {"useful": "3", "better": "x" * 501},
        ],
    )
    def test_bad_answers_change_nothing(self, calendar_page, held, people, bad):
        attend(held, people[0])
        address = session_address(calendar_page, held, "session_feedback")
        response = logged_in(people[0]).post(address, bad)
        assert response.status_code == 400
        assert "Nothing has been sent yet" in response.content.decode()
        assert not SessionFeedback.objects.exists()
        assert not SessionFeedbackParticipation.objects.exists()

    def test_a_cancelled_session_takes_no_answers(self, calendar_page, held, people):
        from django.utils import timezone

        attend(held, people[0])
        held.cancelled_at = timezone.now()
        held.save()
        address = session_address(calendar_page, held, "session_feedback")
        assert logged_in(people[0]).post(address, GOOD).status_code == 403
        assert not SessionFeedback.objects.exists()

    def test_a_second_answer_in_a_race_is_not_kept(self, held, people):
        attend(held, people[0])
        assert answers.record(held, people[0], {"useful": 3}) is not None
        assert answers.record(held, people[0], {"useful": 5}) is None
        assert SessionFeedback.objects.count() == 1


class TestMyAllyship:
    def test_the_link_is_there_until_the_person_answers(self, calendar_page, held, people):
        mine = MyAllyshipPageFactory(parent=Page.objects.get(depth=2), slug="mine")
        attend(held, people[0])
        address = session_address(calendar_page, held, "session_feedback")
        client = logged_in(people[0])
        assert address in client.get(mine.url).content.decode()
        client.post(address, GOOD)
        html = client.get(mine.url).content.decode()
        assert "Held on Tuesday" in html and address not in html


class TestResults:
    def answer(self, signup, count, start=0):
        for n in range(count):
            user = UserFactory(username=f"a{signup.pk}-{start + n}")
            attend(signup, user)
            answers.record(
                signup, user, {"useful": 5 - n % 2, "change": "maybe", "better": f"note {n}"}
            )

    def test_held_back_below_the_threshold_then_shown(self, coordinator_client, held, settings):
        self.answer(held, 4)
        html = coordinator_client.get(results_url(held)).content.decode()
        assert "Too few answers to show yet" in html and "note 1" not in html
        self.answer(held, 1, start=4)
        html = coordinator_client.get(results_url(held)).content.decode()
        assert "Too few answers" not in html
        assert "note 1" in html and "Maybe" in html and "Mean: 4.6 out of 5" in html

    def test_the_threshold_follows_the_survey_setting(self, coordinator_client, held, settings):
        settings.WAGTAIL_ALLYSHIP = {
            **getattr(settings, "WAGTAIL_ALLYSHIP", {}),
            "SURVEY_MIN_GROUP_SIZE": 8,
        }
        self.answer(held, 6)
        assert "Too few answers" in coordinator_client.get(results_url(held)).content.decode()

    def test_only_organisers_and_coordinators_see_them(self, client, held):
        self.answer(held, 5)
        outsider = UserFactory(username="outsider", permissions=["wagtailadmin.access_admin"])
        client.force_login(outsider)
        assert client.get(results_url(held)).status_code == 403
        organiser = UserFactory(username="organiser")
        organiser.groups.add(
            admin_group(
                "Organisers", ["change_sessionsignup", "view_sessionsignup", "change_awarenessdate"]
            )
        )
        client.force_login(organiser)
        response = client.get(results_url(held))
        assert response.status_code == 200 and "note 1" in response.content.decode()
        listing = client.get(reverse("wagtailsnippets_wagtail_allyship_sessionsignup:list"))
        assert results_url(held) in listing.content.decode()

    def test_the_generic_surfaces_show_no_single_answer(self, admin_client, held):
        self.answer(held, 5)
        for name in ("sessionfeedback", "sessionfeedbackparticipation"):
            response = admin_client.get(f"/admin/snippets/wagtail_allyship/{name}/")
            assert "note 1" not in response.content.decode()

    def test_queries_do_not_grow_from_10_to_1000_answers(self, coordinator_client, held):
        def add(count):
            SessionFeedback.objects.bulk_create(
                SessionFeedback(signup=held, answers={"useful": 4, "change": "yes", "better": "n"})
                for _n in range(count)
            )

        def measure() -> int:
            with CaptureQueriesContext(connection) as queries:
                response = coordinator_client.get(results_url(held))
            assert response.status_code == 200
            return len(queries)

        add(10)
        measure()  # warm the caches
        few = measure()
        add(990)
        assert measure() == few <= 12


def test_the_feedback_page_in_constant_queries(calendar_page, held, people):
    attend(held, people[0])
    client = logged_in(people[0])
    address = session_address(calendar_page, held, "session_feedback")

    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    measure()  # warm the caches
    few = measure()
    SessionFeedback.objects.bulk_create(
        SessionFeedback(signup=held, answers={"useful": 3}) for _n in range(1000)
    )
    from tests.sessions.test_admin import add_people

    add_people(held, 1000, start=10)
    assert measure() == few


def test_deleting_the_account_removes_the_marker_and_keeps_the_answer(held, people):
    attend(held, people[0])
    answers.record(held, people[0], {"useful": 4})
    other = make_session(places=3, days=-3)
    attend(other, people[1])
    answers.record(other, people[1], {"useful": 2})
    people[0].delete()
    assert not SessionFeedbackParticipation.objects.filter(signup=held).exists()
    assert SessionFeedbackParticipation.objects.filter(signup=other).count() == 1
    assert SessionFeedback.objects.filter(signup=held).count() == 1
