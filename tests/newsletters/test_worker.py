"""A programme update sent by real ``db_worker`` processes to a real SMTP server on loopback;
one worker is killed in the middle of a send and started again: everyone gets one copy.

The processes share the test's database the way tests/mail/test_worker.py explains.
"""

from __future__ import annotations

import pytest

from tests.factories import OrganisationUnitFactory, ProgrammeUpdatePageFactory, UserFactory
from tests.mail.test_worker import processes  # noqa: F401 (fixture)
from tests.newsletters.conftest import make_ally
from wagtail_allyship.newsletters.sending import request_send

ALLIES = 30

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

    run.kill_one_mid_send_and_finish(inbox, ALLIES)
    assert run.statuses("NewsletterDelivery", ("sent", "queued", "failed")) == [
        f"sent={ALLIES}",
        "queued=0",
        "failed=0",
    ]
    run.stop_finishers()

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
