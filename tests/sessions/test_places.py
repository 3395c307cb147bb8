"""Who gets a place: signing up, the waiting list, moving up, changes to a session."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from tests.factories import UserFactory
from tests.sessions.conftest import make_session
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.delivery import send_due_notices
from wagtail_allyship.sessions.models import (
    NoticeStatus,
    SessionNotice,
    SessionRegistration,
    SignupStatus,
)

pytestmark = pytest.mark.django_db


def statuses(signup):
    return list(
        SessionRegistration.objects.filter(signup=signup)
        .order_by("queued_at", "pk")
        .values_list("user__username", "status")
    )


def test_places_then_waiting_list_in_order(signup, people):
    for person in people[:4]:
        places.sign_up(signup.pk, person)
    assert statuses(signup) == [
        ("person0", SignupStatus.PLACE),
        ("person1", SignupStatus.PLACE),
        ("person2", SignupStatus.WAITING),
        ("person3", SignupStatus.WAITING),
    ]
    assert mail.outbox == []


def test_cancelling_a_place_moves_the_first_in_line_up_and_tells_them(
    signup, people, django_capture_on_commit_callbacks
):
    for person in people[:4]:
        places.sign_up(signup.pk, person)
    with django_capture_on_commit_callbacks(execute=True):
        places.cancel(signup.pk, people[0], url="https://intranet.example/calendar/")
    assert statuses(signup) == [
        ("person0", SignupStatus.CANCELLED),
        ("person1", SignupStatus.PLACE),
        ("person2", SignupStatus.PLACE),
        ("person3", SignupStatus.WAITING),
    ]
    assert [message.to for message in mail.outbox] == [["person2@example.org"]]
    assert signup.entry.title in mail.outbox[0].subject
    assert "https://intranet.example/calendar/" in mail.outbox[0].body


def test_leaving_the_waiting_list_moves_nobody(signup, people, django_capture_on_commit_callbacks):
    for person in people[:4]:
        places.sign_up(signup.pk, person)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        places.cancel(signup.pk, people[2])
    assert callbacks == []
    assert statuses(signup)[3] == ("person3", SignupStatus.WAITING)
    assert mail.outbox == []


def test_a_mail_server_that_is_down_delays_the_email_and_never_undoes_the_move(
    signup, people, settings, django_capture_on_commit_callbacks
):
    for person in people[:3]:
        places.sign_up(signup.pk, person)
    settings.EMAIL_BACKEND = "tests.sessions.failing_mail.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        places.cancel(signup.pk, people[0])
    assert statuses(signup) == [
        ("person0", SignupStatus.CANCELLED),
        ("person1", SignupStatus.PLACE),
        ("person2", SignupStatus.PLACE),
    ]
    notice = SessionNotice.objects.get()
    assert notice.status == NoticeStatus.QUEUED and notice.attempts == 1
    assert "SMTPException" in notice.last_error and notice.next_attempt_at > timezone.now()
    # The server is back: the next pass after the back-off sends it, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_due_notices().sent == 0, "nothing is tried again before its back-off"
    SessionNotice.objects.update(next_attempt_at=timezone.now())
    assert send_due_notices().sent == 1
    assert send_due_notices().sent == 0
    assert [message.to for message in mail.outbox] == [["person2@example.org"]]
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT and notice.attempts == 2


def test_a_notice_that_is_no_longer_true_is_not_sent(signup, people):
    """Moved up, then cancelled before a worker took the email: he is not told he has a place."""
    for person in people[:3]:
        places.sign_up(signup.pk, person)
    places.cancel(signup.pk, people[0])  # person2 moves up; the email waits for the commit
    places.cancel(signup.pk, people[2])
    result = send_due_notices()
    assert (result.sent, result.already_sent) == (0, 1)
    assert mail.outbox == []
    assert SessionNotice.objects.get().status == NoticeStatus.SKIPPED


def test_a_mail_server_that_stays_down_marks_the_notice_failed(signup, people, settings):
    for person in people[:3]:
        places.sign_up(signup.pk, person)
    places.cancel(signup.pk, people[0])
    settings.EMAIL_BACKEND = "tests.sessions.failing_mail.FailingBackend"
    settings.WAGTAIL_ALLYSHIP = {"MAIL_MAX_ATTEMPTS": 2}
    for _attempt in range(2):
        SessionNotice.objects.update(next_attempt_at=timezone.now())
        assert send_due_notices().failed == 1
    notice = SessionNotice.objects.get()
    assert (notice.status, notice.attempts) == (NoticeStatus.FAILED, 2)
    SessionNotice.objects.update(next_attempt_at=timezone.now())
    assert send_due_notices().failed == 0, "a failed notice is not tried again"


def test_signing_up_again_after_cancelling_is_a_new_registration(signup, people):
    first = places.sign_up(signup.pk, people[0])
    places.cancel(signup.pk, people[0])
    again = places.sign_up(signup.pk, people[0])
    assert again.pk == first.pk and again.uid != first.uid and again.has_place
    assert again.sequence == 0


def test_unlimited_places_never_make_a_waiting_list(people):
    signup = make_session(places=None)
    for person in people:
        assert places.sign_up(signup.pk, person).has_place


def test_more_places_move_people_up(signup, people, django_capture_on_commit_callbacks):
    for person in people[:4]:
        places.sign_up(signup.pk, person)
    signup.places = 3
    signup.save()
    with django_capture_on_commit_callbacks(execute=True):
        moved_down, moved_up = places.rebalance(signup.pk)
    assert moved_down == [] and [r.user.username for r in moved_up] == ["person2"]
    assert [message.to for message in mail.outbox] == [["person2@example.org"]]


def test_fewer_places_move_the_latest_to_the_front_of_the_waiting_list(
    people, django_capture_on_commit_callbacks
):
    signup = make_session(places=4)
    for person in people:
        places.sign_up(signup.pk, person)
    signup.places = 2
    signup.save()
    with django_capture_on_commit_callbacks(execute=True):
        moved_down, moved_up = places.rebalance(signup.pk)
    assert [r.user.username for r in moved_down] == ["person2", "person3"]
    assert moved_up == []
    assert [s for _u, s in statuses(signup)] == [
        SignupStatus.PLACE,
        SignupStatus.PLACE,
        SignupStatus.WAITING,
        SignupStatus.WAITING,
        SignupStatus.WAITING,
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["person2@example.org", "person3@example.org"]
    assert "waiting list" in mail.outbox[0].subject
    # The first of them is the next to move up.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        places.cancel(signup.pk, people[0])
    assert [m.to for m in mail.outbox] == [["person2@example.org"]]


def test_cancelling_the_session_tells_everyone_once(
    signup, people, django_capture_on_commit_callbacks
):
    for person in people[:3]:
        places.sign_up(signup.pk, person)
    places.cancel(signup.pk, people[2])
    with django_capture_on_commit_callbacks(execute=True):
        told = places.cancel_session(signup.pk)
        assert sorted(r.user.username for r in told) == ["person0", "person1"]
        assert places.cancel_session(signup.pk) == []
    assert sorted(m.to[0] for m in mail.outbox) == ["person0@example.org", "person1@example.org"]
    # Another pass finds nothing left to send.
    assert send_due_notices().sent == 0 and len(mail.outbox) == 2
    signup.refresh_from_db()
    assert signup.is_cancelled and signup.sequence == 1


def test_changing_the_time_raises_the_version_once(signup):
    entry = signup.entry
    entry.description = "Another description"
    entry.save()
    signup.refresh_from_db()
    assert signup.sequence == 0
    entry.start_time = datetime.time(15, 0)
    entry.end_time = datetime.time(16, 0)
    entry.save()
    signup.refresh_from_db()
    assert signup.sequence == 1
    entry.save()
    signup.refresh_from_db()
    assert signup.sequence == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="real concurrent transactions need a database server (CI runs this test on "
    "PostgreSQL and MariaDB)",
)
def test_two_people_taking_the_last_place_at_once():
    signup = make_session(places=3)
    places.sign_up(signup.pk, UserFactory(username="early"))
    people = [UserFactory(username=f"racer{n}") for n in range(8)]
    barrier = threading.Barrier(len(people))
    errors = []

    def take_place(person):
        try:
            barrier.wait(timeout=10)
            places.sign_up(signup.pk, person)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_place, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    counts = {
        status: SessionRegistration.objects.filter(signup=signup, status=status).count()
        for status in SignupStatus.values
    }
    assert counts == {SignupStatus.PLACE: 3, SignupStatus.WAITING: 6, SignupStatus.CANCELLED: 0}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="real concurrent transactions need a database server (CI runs this test on "
    "PostgreSQL and MariaDB)",
)
def test_the_same_person_signing_up_twice_at_once_is_signed_up_once():
    signup = make_session(places=3)
    person = UserFactory(username="double")
    barrier = threading.Barrier(4)
    outcomes = []

    def sign_up():
        try:
            barrier.wait(timeout=10)
            places.sign_up(signup.pk, person)
            outcomes.append("signed up")
        except places.SignupRefused as refusal:
            outcomes.append(refusal.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up) for _n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes).count("signed up") == 1
    assert SessionRegistration.objects.filter(signup=signup, user=person).count() == 1
