"""Real workers: ``db_worker`` processes on a database shared with the test, sending to a real
SMTP server on loopback; one is killed (SIGKILL) in the middle of a send and started again.

The test's own database is shared with the processes it starts: on PostgreSQL (``DATABASE_URL``)
the test database itself, with ``transaction=True`` so that they see what the test wrote; on
SQLite, a file that the test's in-memory database is copied into once the allies are made.
"""

from __future__ import annotations

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    UserFactory,
)

ROOT = Path(__file__).resolve().parents[2]
ALLIES = 24

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def shared_database_url(tmp_path: Path) -> str:
    """A URL for the processes to reach the test's data: the same server, or a file copy."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}"
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    scheme = {"postgresql": "postgres", "mysql": "mysql"}[connection.vendor]
    return f"{scheme}://{user}{password}@{host}{port}/{settings['NAME']}"


class Processes:
    """The command and the workers, started as a host would start them."""

    def __init__(self, database_url: str, smtp_port: int, tmp_path: Path) -> None:
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "ALLYSHIP_WORKER_DATABASE_URL": database_url,
            "ALLYSHIP_SMTP_PORT": str(smtp_port),
            "PYTHONPATH": str(ROOT),
        }
        self.logs = tmp_path
        self.started: list[subprocess.Popen] = []

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 (our own interpreter and fixed arguments)
            [sys.executable, "-m", "django", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    def worker_options(self, name: str) -> list[str]:
        """Options of the worker command that this version of it knows.

        django-tasks 0.7 (Wagtail 7.0) has no ``--no-reload`` (it never reloads unless
        asked) and no ``--worker-id``; django-tasks-db has both.
        """
        if not hasattr(self, "_help"):
            self._help = self.manage("db_worker", "--help").stdout
        options = ["--no-startup-delay", "--interval", "0.1"]
        if "--no-reload" in self._help:
            options.append("--no-reload")
        if "--worker-id" in self._help:
            options += ["--worker-id", name]
        return options

    def worker(self, name: str, *extra: str) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("w")
        command = [sys.executable, "-m", "django", "db_worker", *self.worker_options(name), *extra]
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and fixed arguments)
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.started.append(process)
        return process

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()

    def statuses(self, model: str, names: tuple[str, ...]) -> list[str]:
        """``status=count`` of ``model``'s rows for each of ``names``, read by another process."""
        script = (
            f"from wagtail_allyship.models import {model} as M\n"
            f"for status in {names!r}:\n"
            "    print(f'{status}={M.objects.filter(status=status).count()}')"
        )
        drained = self.manage("shell", "-c", script)
        assert drained.returncode == 0, drained.stderr
        return [word for word in drained.stdout.split() if "=" in word]

    def kill_one_mid_send_and_finish(self, inbox, total: int) -> None:
        """A worker killed (SIGKILL) in the middle of a send, then started again beside another.

        The mail server is slow to accept each recipient, so that the worker can be caught in
        the middle of a send: killed there, it has claimed nothing (its transaction dies with
        it). The two workers then finish the queue and stop cleanly (SIGTERM).
        """
        inbox.recipient_delay = 0.2
        first = self.worker("first")
        assert inbox.wait_for(lambda: len(inbox.received) >= total // 4), self.log("first")
        assert inbox.wait_for(lambda: inbox.recipients_in_flight > 0)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert first.returncode == -signal.SIGKILL
        assert len(inbox.received) < total, "the send was over before the worker could be stopped"

        inbox.recipient_delay = 0.02
        again = self.worker("first-again")
        second = self.worker("second")
        assert inbox.wait_for(lambda: len(inbox.received) >= total, timeout=120), self.log("second")
        self.finished = (again, second)

    def stop_finishers(self) -> None:
        """Stop the two workers of :meth:`kill_one_mid_send_and_finish`; neither pass crashed."""
        for worker in self.finished:
            worker.send_signal(signal.SIGTERM)
            assert worker.wait(timeout=30) == 0
        assert "state=FAILED" not in self.log("second") + self.log("first-again")

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture
def processes(smtp_server, tmp_path):
    made = []

    def start() -> Processes:
        made.append(Processes(shared_database_url(tmp_path), smtp_server.port, tmp_path))
        return made[-1]

    yield start
    for each in made:
        each.stop_all()


def make_allies(count: int) -> list[str]:
    unit = OrganisationUnitFactory()
    today = timezone.localdate()
    addresses = []
    for n in range(count):
        user = UserFactory(username=f"worker-ally-{n}")
        AllyRegistrationFactory(user=user, unit=unit)
        pledge = PledgeFactory(user=user, programme_year=today.year)
        CommitmentFactory(pledge=pledge, deadline=today - datetime.timedelta(days=1 + n % 3))
        addresses.append(user.email)
    return addresses


def test_a_worker_killed_mid_batch_and_restarted_sends_everyone_exactly_one(smtp_server, processes):
    inbox = smtp_server.inbox
    addresses = make_allies(ALLIES)
    run = processes()

    queued = run.manage("allyship_reminders", "--skip-digest")
    assert queued.returncode == 0, queued.stderr
    assert f"Queued {ALLIES} email(s) for the workers" in queued.stdout
    assert inbox.received == []  # nothing is sent by the command itself

    run.kill_one_mid_send_and_finish(inbox, ALLIES)
    assert run.statuses("ReminderDelivery", ("sent", "queued", "failed")) == [
        f"sent={ALLIES}",
        "queued=0",
        "failed=0",
    ]
    run.stop_finishers()

    counts = inbox.counts()
    assert sorted(counts) == sorted(addresses), "someone was skipped"
    assert set(counts.values()) == {1}, f"someone got two copies: {counts}"

    # The scheduler's command run again (cron, the next hour) queues nothing new.
    twice = run.manage("allyship_reminders", "--skip-digest")
    assert twice.returncode == 0, twice.stderr
    assert "Sent 0 reminder(s)" in twice.stdout
    batch = run.worker("last", "--batch")
    assert batch.wait(timeout=120) == 0, run.log("last")
    assert set(inbox.counts().values()) == {1}
    assert len(inbox.received) == ALLIES
