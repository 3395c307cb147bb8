"""The scale-out option: RQ on Redis (django-tasks-rq), with two real ``rqworker`` processes.

A programme update is queued through RQ and sent by two workers to the loopback SMTP
server; one is killed in the middle of a send and started again. Marked ``redis`` (it needs
a Redis server: ``ALLYSHIP_REDIS_URL``, by default database 13 on 127.0.0.1:6379) and run
with ``pytest -m redis tests/newsletters/test_rq.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.factories import OrganisationUnitFactory, ProgrammeUpdatePageFactory, UserFactory
from tests.mail.test_worker import ROOT, Processes, shared_database_url
from tests.newsletters.conftest import make_ally
from wagtail_allyship.newsletters.sending import request_send

ALLIES = 30
REDIS_URL = os.environ.get("ALLYSHIP_REDIS_URL", "redis://127.0.0.1:6379/13")
STATUSES = (
    "from wagtail_allyship.models import NewsletterDelivery as D\n"
    "for status in ('sent', 'queued', 'failed'):\n"
    "    print(f'{status}={D.objects.filter(status=status).count()}')"
)

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class RQProcesses(Processes):
    """The command and ``rqworker`` processes, on RQ's queue in Redis."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.env["DJANGO_SETTINGS_MODULE"] = "tests.rq_settings"
        self.env["ALLYSHIP_REDIS_URL"] = REDIS_URL

    def worker(self, name: str, *extra: str) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("w")
        command = [
            sys.executable,
            "-m",
            "django",
            "rqworker",
            "default",
            "--job-class",
            "django_tasks_rq.Job",
            "--with-scheduler",
            "--name",
            f"{name}-{os.getpid()}",
            *extra,
        ]
        # A session of its own: the worker forks a work horse per job and a scheduler, and
        # killing the worker means killing them all, as a machine that dies would.
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and fixed arguments)
            command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.started.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.started:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                continue
            process.wait(timeout=10)


@pytest.fixture
def rq_processes(smtp_server, tmp_path):
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    connection.flushdb()
    made = []

    def start() -> RQProcesses:
        made.append(RQProcesses(shared_database_url(tmp_path), smtp_server.port, tmp_path))
        return made[-1]

    yield start
    for each in made:
        each.stop_all()
    connection.flushdb()


def test_two_rq_workers_one_killed_send_everyone_exactly_one(smtp_server, rq_processes):
    inbox = smtp_server.inbox
    unit = OrganisationUnitFactory()
    addresses = [make_ally(unit, f"rq-reader-{n}").email for n in range(ALLIES)]
    update = ProgrammeUpdatePageFactory(title="Summer update", slug="summer-update")
    request_send(update, "all", [], UserFactory(username="editor"))
    rq = rq_processes()

    started = rq.manage("allyship_digest", "--skip-digest")
    assert started.returncode == 0, started.stderr
    assert inbox.received == []

    inbox.recipient_delay = 0.2
    first = rq.worker("first")
    assert inbox.wait_for(lambda: len(inbox.received) >= ALLIES // 4), rq.log("first")
    assert inbox.wait_for(lambda: inbox.recipients_in_flight > 0)
    rq.kill(first)
    assert len(inbox.received) < ALLIES, "the send was over before the worker could be stopped"

    inbox.recipient_delay = 0.02
    rq.worker("first-again")
    rq.worker("second")
    assert inbox.wait_for(lambda: len(inbox.received) >= ALLIES, timeout=120), rq.log("second")
    drained = rq.manage("shell", "-c", STATUSES)
    assert drained.returncode == 0, drained.stderr
    assert [word for word in drained.stdout.split() if "=" in word] == [
        f"sent={ALLIES}",
        "queued=0",
        "failed=0",
    ]
    counts = inbox.counts()
    assert sorted(counts) == sorted(addresses), "someone was skipped"
    assert set(counts.values()) == {1}, f"someone got two copies: {counts}"
