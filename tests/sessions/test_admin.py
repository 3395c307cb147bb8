"""Sessions in the admin: the organisers' list, sign-ups, attendance, export, cancelling."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.sessions.conftest import make_session
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import (
    NoticeStatus,
    SessionNotice,
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_sessionsignup:{name}", args=args)


def add_people(signup, n, status=SignupStatus.PLACE, start=0):
    """``n`` registrations at once, as many as a real programme's busiest session."""
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"p{signup.pk}-{start + i}", email=f"p{start + i}@example.org")
        for i in range(n)
    )
    now = timezone.now()
    SessionRegistration.objects.bulk_create(
        SessionRegistration(
            signup=signup,
            user=user,
            status=status,
            queued_at=now + datetime.timedelta(seconds=start + i),
        )
        for i, user in enumerate(users)
    )


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


class TestQueryCounts:
    def test_the_organisers_list_at_10_and_1000_sign_ups(self, admin_client):
        signup = make_session(places=None)
        add_people(signup, 10)
        count_queries(admin_client, url("list"))  # warm the caches
        few = count_queries(admin_client, url("list"))
        add_people(signup, 990, start=10)
        make_session(places=None)
        assert count_queries(admin_client, url("list")) == few <= 12

    def test_the_sign_ups_at_10_and_1000(self, admin_client):
        small = make_session(places=None)
        add_people(small, 10)
        big = make_session(places=None)
        add_people(big, 1000, start=10)
        count_queries(admin_client, url("registrations", small.pk))  # warm the caches
        few = count_queries(admin_client, url("registrations", small.pk))
        assert count_queries(admin_client, url("registrations", big.pk)) == few <= 12

    def test_the_calendar_and_session_pages(self, client, calendar_page):
        small = make_session(places=20)
        add_people(small, 10)
        big = make_session(places=20)
        add_people(big, 20)
        add_people(big, 980, SignupStatus.WAITING, start=20)
        user = UserFactory(username="reader")
        client.force_login(user)
        for signup in (small, big):
            places.sign_up(signup.pk, user)
        counts = []
        for signup in (small, big):
            key = signup.entry.translation_key
            address = calendar_page.url + calendar_page.reverse_subpage("session", args=[key])
            count_queries(client, address)
            counts.append(count_queries(client, address))
        assert counts[0] == counts[1] <= 14
        calendar = count_queries(client, calendar_page.url)
        add_people(small, 990, SignupStatus.WAITING, start=10)
        assert count_queries(client, calendar_page.url) == calendar


class TestOrganisersList:
    def test_lists_counts(self, admin_client):
        signup = make_session(places=2)
        add_people(signup, 2)
        add_people(signup, 3, SignupStatus.WAITING, start=2)
        html = admin_client.get(url("list")).content.decode()
        assert str(signup.entry) in html
        assert url("registrations", signup.pk) in html

    def test_lowering_places_moves_the_latest_down_and_tells_them(
        self, admin_client, people, django_capture_on_commit_callbacks
    ):
        signup = make_session(places=3)
        for person in people[:3]:
            places.sign_up(signup.pk, person)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                url("edit", signup.pk),
                {"entry": signup.entry_id, "places": 1, "closes_at": "", "mode": signup.mode},
                follow=True,
            )
        assert response.redirect_chain, response.content.decode()[:2000]
        assert "2 people moved to the waiting list; an email tells each of them so." in (
            response.content.decode()
        )
        statuses = dict(SessionRegistration.objects.values_list("user__username", "status"))
        assert statuses == {
            "person0": SignupStatus.PLACE,
            "person1": SignupStatus.WAITING,
            "person2": SignupStatus.WAITING,
        }
        assert sorted(m.to[0] for m in mail.outbox) == [
            "person1@example.org",
            "person2@example.org",
        ]

    def test_a_mail_server_that_is_down_keeps_the_change_and_the_emails_wait(
        self, admin_client, people, settings, django_capture_on_commit_callbacks
    ):
        signup = make_session(places=3)
        for person in people[:3]:
            places.sign_up(signup.pk, person)
        settings.EMAIL_BACKEND = "tests.sessions.failing_mail.FailingBackend"
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                url("edit", signup.pk),
                {"entry": signup.entry_id, "places": 1, "closes_at": "", "mode": signup.mode},
            )
        assert response.status_code == 302
        signup.refresh_from_db()
        assert signup.places == 1
        assert SessionRegistration.objects.filter(status=SignupStatus.PLACE).count() == 1
        waiting = SessionNotice.objects.filter(status=NoticeStatus.QUEUED, attempts=1)
        assert waiting.count() == 2 and mail.outbox == []

    def test_places_must_be_a_positive_number(self, admin_client):
        signup = make_session(places=3)
        for bad in ("0", "-1", "lots", "99999999999"):
            response = admin_client.post(
                url("edit", signup.pk),
                {"entry": signup.entry_id, "places": bad, "closes_at": "", "mode": signup.mode},
            )
            assert response.status_code == 200
        signup.refresh_from_db()
        assert signup.places == 3

    def test_a_session_with_sign_ups_cannot_be_deleted(self, admin_client, people):
        signup = make_session()
        places.sign_up(signup.pk, people[0])
        response = admin_client.post(url("delete", signup.pk), follow=True)
        assert "cannot be deleted" in response.content.decode()
        entry_delete = reverse(
            "wagtailsnippets_wagtail_allyship_awarenessdate:delete", args=[signup.entry_id]
        )
        response = admin_client.post(entry_delete, follow=True)
        assert "cannot be deleted" in response.content.decode()
        assert SessionSignup.objects.filter(pk=signup.pk).exists()

    def test_cancelling_a_session_tells_everyone(
        self, admin_client, people, django_capture_on_commit_callbacks
    ):
        signup = make_session(places=1)
        places.sign_up(signup.pk, people[0])
        places.sign_up(signup.pk, people[1])
        assert admin_client.get(url("cancel", signup.pk)).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url("cancel", signup.pk))
        assert response.status_code == 302
        signup.refresh_from_db()
        assert signup.is_cancelled
        assert len(mail.outbox) == 2


class TestSignUpsAndAttendance:
    def test_only_coordinators_see_who_signed_up(self, client, people):
        signup = make_session()
        places.sign_up(signup.pk, people[0])
        editor = UserFactory(
            username="editor",
            permissions=[
                "wagtailadmin.access_admin",
                "wagtail_allyship.view_sessionsignup",
                "wagtail_allyship.change_sessionsignup",
            ],
        )
        client.force_login(editor)
        assert client.get(url("list")).status_code == 200
        response = client.get(url("registrations", signup.pk))
        assert "person0" not in response.content.decode()
        response = client.get(url("registrations", signup.pk) + "?export=csv")
        assert b"person0" not in response.content
        client.post(url("attendance", signup.pk), {"shown": [1], "attended": [1]})
        assert not SessionRegistration.objects.filter(attended=True).exists()

    def test_bulk_attendance_ignores_tampered_and_waiting(self, coordinator_client, people):
        signup = make_session(places=2, days=-1)
        add_people(signup, 2)
        add_people(signup, 1, SignupStatus.WAITING, start=2)
        regs = list(SessionRegistration.objects.order_by("queued_at"))
        ids = [str(r.pk) for r in regs]
        response = coordinator_client.post(
            url("attendance", signup.pk),
            {"shown": [*ids, "x", "999999"], "attended": [ids[0], ids[2], "'; DROP", "999999"]},
        )
        assert response.status_code == 302
        assert [r.attended for r in SessionRegistration.objects.order_by("queued_at")] == [
            True,
            False,
            None,
        ]

    def test_the_attendance_address_opened_directly_leads_to_the_sign_ups(self, coordinator_client):
        signup = make_session(places=2, days=-1)
        response = coordinator_client.get(url("attendance", signup.pk))
        assert response.status_code == 302
        assert response["Location"] == url("registrations", signup.pk)

    def test_attendance_waits_for_the_session_to_start(self, coordinator_client, people):
        signup = make_session(places=2)
        places.sign_up(signup.pk, people[0])
        reg = SessionRegistration.objects.get()
        coordinator_client.post(
            url("attendance", signup.pk), {"shown": [reg.pk], "attended": [reg.pk]}
        )
        reg.refresh_from_db()
        assert reg.attended is None

    def test_export_is_neutralised(self, coordinator_client):
        signup = make_session(places=2, days=-1)
        user = UserFactory(username="sneaky", first_name="=HYPERLINK(1)", email="s@example.org")
        SessionRegistration.objects.create(
            signup=signup, user=user, status=SignupStatus.PLACE, attended=True
        )
        response = coordinator_client.get(url("registrations", signup.pk) + "?export=csv")
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        assert "'=HYPERLINK(1)" in body
        assert "yes" in body
        response = coordinator_client.get(url("registrations", signup.pk) + "?export=xlsx")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
