"""A programme update sent by real ``db_worker`` processes to a real SMTP server on loopback;
one worker is killed in the middle of a send and started again: everyone gets one copy.

The processes share the test's database the way tests/mail/test_worker.py explains.
"""

from __future__ import annotations

import signal

import pytest

from tests.factories import OrganisationUnitFactory, ProgrammeUpdatePageFactory, UserFactory
from tests.mail.test_worker import processes  # noqa: F401 (fixture)
from tests.newsletters.conftest import make_ally
from wagtail_allyship.newsletters.sending import request_send

ALLIES = 30
STATUSES = (
    "from wagtail_allyship.models import NewsletterDelivery as D\n"
    "for status in ('sent', 'queued', 'failed'):\n"
    "    print(f'{status}={D.objects.filter(status=status).count()}')"
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_worker_killed_mid_send_and_restarted_sends_everyone_exactly_one(
    smtp_server,
    processes,  # noqa: F811
):
    inbox = smtp_server.inbox
    unit = OrganisationUnitFactory()
    addresses = [make_ally(unit, f"reader-{n}").email for n in range(ALLIES)]
    update = ProgrammeUpdatePageFactory(title="Winter update", slug="winter-update")
    request_send(update, "all", [], UserFactory(username="editor"))
    run = processes()

    started = run.manage("allyship_digest", "--skip-digest")
    assert started.returncode == 0, started.stderr
    assert "started 1 scheduled newsletter(s)" in started.stdout
    assert inbox.received == []  # the command only queues

    inbox.recipient_delay = 0.2
    first = run.worker("first")
    assert inbox.wait_for(lambda: len(inbox.received) >= ALLIES // 4), run.log("first")
    assert inbox.wait_for(lambda: inbox.recipients_in_flight > 0)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert len(inbox.received) < ALLIES, "the send was over before the worker could be stopped"

    inbox.recipient_delay = 0.02
    again = run.worker("first-again")
    second = run.worker("second")
    assert inbox.wait_for(lambda: len(inbox.received) >= ALLIES, timeout=120), run.log("second")
    drained = run.manage("shell", "-c", STATUSES)
    assert drained.returncode == 0, drained.stderr
    assert [word for word in drained.stdout.split() if "=" in word] == [
        f"sent={ALLIES}",
        "queued=0",
        "failed=0",
    ]
    for worker in (again, second):
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0

    counts = inbox.counts()
    assert sorted(counts) == sorted(addresses), "someone was skipped"
    assert set(counts.values()) == {1}, f"someone got two copies: {counts}"
    [one] = inbox.to(addresses[0])
    assert one.message["Subject"] == "Winter update"
    assert one.message["List-Unsubscribe"]

    # The scheduler's command again: nothing new is started or sent.
    twice = run.manage("allyship_digest", "--skip-digest")
    assert "started 0 scheduled newsletter(s)" in twice.stdout
    batch = run.worker("last", "--batch")
    assert batch.wait(timeout=120) == 0, run.log("last")
    assert len(inbox.received) == ALLIES
