"""Benchmark: one programme update to thousands of allies through two real workers.

``python -m benchmarks.newsletter_send --allies 5000`` (with ``DATABASE_URL`` naming a
PostgreSQL server; a database called after it with ``_newsletter_bench`` appended is made
afresh and dropped at the end) generates the allies in five languages, publishes an update
translated into all five, starts two ``db_worker`` processes that send to an SMTP server on
loopback (aiosmtpd, in this process), kills one with SIGKILL when half the emails have
arrived, starts it again, and reports: messages per second, peak memory (resident set) per
worker, and what arrived against what was expected, with duplicates and gaps.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["en", "fr", "ar", "es", "pt"]


def bench_database(url: str) -> str:
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(url)
    if "postgresql" not in settings["ENGINE"]:
        raise SystemExit("DATABASE_URL must name a PostgreSQL server for this benchmark.")
    name = f"{settings['NAME'] or 'allyship'}_newsletter_bench"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str) -> None:
    import psycopg

    admin, name = url.rsplit("/", 1)
    with psycopg.connect(admin + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def peak_memory_mb(pid: int) -> float:
    """The peak resident set of a process (VmHWM), in MiB; 0 once it has ended."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def make_data(allies: int) -> list[str]:
    """Allies in five languages over a few units, and a published update in each language."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale, Page
    from wagtail.users.models import UserProfile

    from wagtail_allyship.models import (
        AllyRegistration,
        OrganisationUnit,
        ProgrammeUpdatePage,
    )
    from wagtail_allyship.newsletters.sending import request_send
    from wagtail_allyship.translations.translate import translate

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    units = [OrganisationUnit.objects.create(name=f"Unit {n}") for n in range(10)]
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(username=f"ally{n}", email=f"ally{n}@example.org", first_name=f"Ally {n}")
            for n in range(allies)
        ],
        batch_size=1000,
    )
    AllyRegistration.objects.bulk_create(
        [
            AllyRegistration(user=user, unit=units[n % 10], role="Staff")
            for n, user in enumerate(users)
        ],
        batch_size=1000,
    )
    UserProfile.objects.bulk_create(
        [
            UserProfile(user=user, preferred_language=LANGUAGES[n % 5])
            for n, user in enumerate(users)
        ],
        batch_size=1000,
    )
    home = Page.objects.get(depth=2, locale=locales["en"])
    update = home.add_child(
        instance=ProgrammeUpdatePage(
            title="Benchmark update",
            slug="benchmark-update",
            intro="What happened this quarter.",
            body=[("paragraph", "<p>Forty new allies signed up.</p>")],
        )
    )
    update.save_revision().publish()
    for code in LANGUAGES[1:]:
        translate(update, locales[code], {"Benchmark update": f"Benchmark update ({code})"})
    request_send(update, "all", [], None)
    return [user.email for user in users]


class Worker:
    def __init__(self, name: str, env: dict, logs: Path) -> None:
        self.name = name
        self.log = (logs / f"{name}.log").open("w")
        self.process = subprocess.Popen(  # noqa: S603 (our interpreter, fixed arguments)
            [
                sys.executable,
                "-m",
                "django",
                "db_worker",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "--no-reload",
                "--worker-id",
                name,
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.peak = 0.0

    def sample(self) -> None:
        self.peak = max(self.peak, peak_memory_mb(self.process.pid))

    def stop(self, sig=signal.SIGTERM) -> None:
        self.sample()
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=60)


def wait(condition, workers, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for worker in workers:
            worker.sample()
        if condition():
            return True
        time.sleep(0.05)
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allies", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--keep-db", action="store_true")
    options = parser.parse_args()
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/allyship")
    url = bench_database(base)
    sys.path.insert(0, str(ROOT))
    from tests.mail.smtp import SMTPServer

    with SMTPServer() as server:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.newsletter_settings",
            "ALLYSHIP_WORKER_DATABASE_URL": url,
            "ALLYSHIP_SMTP_PORT": str(server.port),
            "PYTHONPATH": str(ROOT),
        }
        os.environ.update(env)
        manage = [sys.executable, "-m", "django"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
        import django

        django.setup()
        from django.db import connection

        started = time.monotonic()
        addresses = make_data(options.allies)
        connection.close()
        print(
            f"data: {options.allies} allies in {len(LANGUAGES)} languages "
            f"({time.monotonic() - started:.0f} s)"
        )
        subprocess.run(  # noqa: S603
            [*manage, "allyship_digest", "--skip-digest"], cwd=ROOT, env=env, check=True
        )
        inbox = server.inbox
        logs = Path(tempfile.mkdtemp(prefix="allyship-newsletter-bench-"))
        start = time.monotonic()
        workers = [Worker("one", env, logs), Worker("two", env, logs)]
        half = options.allies // 2
        wait(lambda: len(inbox.received) >= half, workers, options.timeout)
        workers[0].stop(signal.SIGKILL)
        killed_at = len(inbox.received)
        workers.append(Worker("one-again", env, logs))
        done = wait(lambda: len(inbox.received) >= options.allies, workers, options.timeout)
        elapsed = time.monotonic() - start
        time.sleep(2)  # anything sent twice would arrive now
        for worker in workers:
            worker.stop()
        counts = inbox.counts()
        languages = Counter(item.message["Content-Language"] for item in inbox.received)
        duplicates = sum(1 for n in counts.values() if n > 1)
        gaps = len(set(addresses) - set(counts))
        print(f"worker killed after {killed_at} messages; all arrived: {done}")
        print(
            f"received {len(inbox.received)} / expected {options.allies}; "
            f"duplicates {duplicates}; gaps {gaps}"
        )
        print(f"{len(inbox.received) / elapsed:.1f} messages/s over {elapsed:.1f} s")
        for worker in workers:
            print(f"peak memory {worker.name}: {worker.peak:.0f} MiB")
        print(f"by language: {dict(languages)}")
    if not options.keep_db:
        drop_database(url)


if __name__ == "__main__":
    main()
