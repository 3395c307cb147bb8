"""Session emails through real ``db_worker`` processes to a real SMTP server on loopback.

A session with places and a waiting list is cancelled in another process, as an organiser's
request would: the change queues one email per person and hands them to the workers when it
commits. One worker is killed in the middle of a send and started again: everyone is told
once. The processes share the test's database the way tests/mail/test_worker.py explains.
"""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.mail.conftest import smtp_server  # noqa: F401 (fixture)
from tests.mail.test_worker import processes  # noqa: F401 (fixture)
from tests.sessions.conftest import make_session
from wagtail_allyship.sessions import places

PEOPLE = 20

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_cancelled_session_reaches_everyone_once_through_the_workers(
    smtp_server,  # noqa: F811
    processes,  # noqa: F811
):
    inbox = smtp_server.inbox
    signup = make_session(places=PEOPLE // 2, title="Working together day")
    people = [
        UserFactory(username=f"booked-{n}", email=f"booked-{n}@example.org") for n in range(PEOPLE)
    ]
    for person in people:
        places.sign_up(signup.pk, person)
    run = processes()

    cancel = run.manage(
        "shell",
        "-c",
        "from wagtail_allyship.sessions import places\n"
        f"print('told', len(places.cancel_session({signup.pk})))",
    )
    assert cancel.returncode == 0, cancel.stderr
    assert f"told {PEOPLE}" in cancel.stdout
    assert inbox.received == [], "the change only queues: the workers send"

    run.kill_one_mid_send_and_finish(inbox, PEOPLE)
    assert run.statuses("SessionNotice", ("sent", "queued", "failed", "skipped")) == [
        f"sent={PEOPLE}",
        "queued=0",
        "failed=0",
        "skipped=0",
    ]
    run.stop_finishers()

    counts = inbox.counts()
    assert sorted(counts) == sorted(person.email for person in people), "someone was skipped"
    assert set(counts.values()) == {1}, f"someone got two copies: {counts}"
    [one] = inbox.to(people[0].email)
    assert "Working together day" in one.message["Subject"]
    assert "cancel" in one.message["Subject"].lower()
