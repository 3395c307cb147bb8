"""Write load: many allies sign up, pledge and log progress at the same moment.

    python -m benchmarks.write_load --allies 50 \\
        --database-url postgres://postgres@127.0.0.1:5432/allyship

The run creates a PostgreSQL database named after the one in the URL with ``_load``
appended (the database named in the URL is never touched), migrates it, adds a minimal site
(a pledge page, a "My allyship" page, a few units and one user per ally, each with a session
made server-side), and serves it with gunicorn on 127.0.0.1. Then every simulated ally, in
its own thread and all starting together, does what a person in a browser does:

1. opens the pledge page (and is sent on to the sign-up form),
2. signs up,
3. sends a pledge of one to three commitments,
4. opens "My allyship", then for each commitment opens its progress form and logs a step.

Each step follows redirects as a browser does and is timed from the first request to the
last response. Afterwards the rows in the database are counted, per ally, and compared with
what the allies sent and the server accepted. The exit status is 1 on any error response,
any lost or duplicated row, or any error in the server's log; the database is dropped.

The cache is Redis (``--redis-url``, a database number of its own, emptied before and after
the run) so that the per-person form limit counts across gunicorn's workers as it does in
production. Nothing leaves 127.0.0.1.

With ``--database-outage restart`` the PostgreSQL server is restarted (``pg_ctlcluster ...
restart -m fast``; root on a Debian-managed server on this machine) a few seconds into the
load; ``--database-outage cut`` instead ends every session of the load database and refuses
new ones for a few seconds, which is what the site sees of a restart, without touching the
rest of the server. Each simulated ally then does what a person does with an error page:
sends the same request again a second later. The run passes only if the outage met some
requests, every one of them was answered with the intranet's 503 page (never a 500 or a
dropped connection), and the rows in the database still match, one for one, what the
server accepted: no pledge saved without all its commitments, nothing saved twice.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent

#: What is counted in the database after the run, per ally.
ROW_KINDS = ("registrations", "pledges", "commitments", "progress updates")
#: The steps of one ally, in order; each is timed as the person would wait for it.
STEPS = (
    "open pledge page",
    "sign up",
    "pledge",
    "open My allyship",
    "open progress form",
    "log progress",
)
USERNAME_PREFIX = "load-ally-"
REDIRECTS = {301, 302, 303, 307, 308}
#: Answers that say "try again", sent again a second later during an outage run.
RETRY_STATUSES = {502, 503, 504}
OUTAGES = ("restart", "cut")


class LoadError(Exception):
    """The load test could not be set up or run."""


# Checking the rows (pure functions, tested in tests/test_write_load.py) ---------------


def compare_rows(
    expected: Mapping[str, Mapping[str, int]], found: Mapping[str, Mapping[str, int]]
) -> list[str]:
    """Every difference between the rows each ally sent and the rows the database holds.

    ``expected`` and ``found`` map a username to a count per kind of row (see
    :data:`ROW_KINDS`); a missing user or kind counts as 0. Fewer rows than sent means
    rows were lost, more means rows were duplicated (or written without being asked for).
    An empty list means every count matches.
    """
    problems = []
    for username in sorted(set(expected) | set(found)):
        for kind in ROW_KINDS:
            sent = expected.get(username, {}).get(kind, 0)
            held = found.get(username, {}).get(kind, 0)
            if held < sent:
                problems.append(
                    f"{username}: {sent - held} {kind} lost (sent {sent}, found {held})"
                )
            elif held > sent:
                problems.append(
                    f"{username}: {held - sent} {kind} too many, duplicated or unasked for "
                    f"(sent {sent}, found {held})"
                )
    return problems


def total_rows(counts: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
    """The counts of every user added up, per kind of row."""
    return {kind: sum(per_user.get(kind, 0) for per_user in counts.values()) for kind in ROW_KINDS}


def percentile(values: Iterable[float], fraction: float) -> float:
    """The nearest-rank percentile of ``values`` (``fraction`` 0.95 for the p95)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = math.ceil(round(fraction * len(ordered), 9))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


# Reading forms as a browser does ------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    classes: list[str]
    fields: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)


class FormParser(HTMLParser):
    """The forms of a page with what a browser would send unchanged: checked boxes and
    radios, typed values, text areas and the selected (or first) option of each list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.textarea: str | None = None
        self.select: str | None = None
        self.selected: str | None = None
        self.option: dict | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.form = Form(
                action=attributes.get("action") or "",
                method=(attributes.get("method") or "get").lower(),
                classes=(attributes.get("class") or "").split(),
            )
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                self.form.choices.setdefault(name, []).append(attributes.get("value") or "on")
                if "checked" not in attributes:
                    return
            self.form.fields[name] = attributes.get("value") or (
                "on" if kind in {"checkbox", "radio"} else ""
            )
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []
        elif tag == "select" and name:
            self.select, self.selected = name, None
            self.form.choices[name] = []
        elif tag == "option" and self.select is not None:
            self.option, self.text = attributes, []

    def handle_data(self, data):
        if self.textarea is not None or self.option is not None:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea is not None and self.form is not None:
            # A browser drops one newline right after <textarea>.
            self.form.fields[self.textarea] = "".join(self.text).removeprefix("\n")
            self.textarea = None
        elif tag == "option" and self.option is not None and self.form is not None:
            value = self.option.get("value")
            value = "".join(self.text).strip() if value is None else value
            self.form.choices[self.select].append(value)
            if self.selected is None or "selected" in self.option:
                self.selected = value  # the first option, unless another is selected
            self.option = None
        elif tag == "select" and self.select is not None and self.form is not None:
            if self.selected is not None:
                self.form.fields[self.select] = self.selected
            self.select = None


def allyship_form(html: str) -> Form:
    """The package's form on a page (class ``allyship-form``, sent by POST)."""
    parser = FormParser()
    parser.feed(html)
    parser.close()
    for form in parser.forms:
        if "allyship-form" in form.classes and form.method == "post":
            if "csrfmiddlewaretoken" not in form.fields:
                raise LoadError("the form has no CSRF token")
            return form
    raise LoadError("the page has no allyship form")


# One simulated ally -------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Step:
    name: str
    seconds: float
    statuses: list[int]
    problem: str = ""
    #: Requests of this step answered "try again" and sent again (outage runs only).
    retried: int = 0


@dataclass
class Visit:
    url: str
    first_status: int
    status: int
    body: str


@dataclass
class AllyResult:
    username: str
    commitments: int
    sent: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROW_KINDS, 0))
    steps: list[Step] = field(default_factory=list)
    error: str = ""
    #: Answers that were sent again, as "503" (with ``Retry-After``), "503 without
    #: Retry-After" or the name of a connection error.
    retried: list[str] = field(default_factory=list)


class Browser:
    """Cookies, CSRF and redirects, as a browser handles them, over plain ``urllib``."""

    def __init__(
        self,
        base_url: str,
        session_key: str,
        result: AllyResult,
        timeout: float,
        retry_until: float | None = None,
    ):
        self.base_url = base_url
        self.origin = base_url.rstrip("/")
        self.cookies = {"sessionid": session_key} if session_key else {}
        self.result = result
        self.timeout = timeout
        #: Until this ``time.monotonic()``, a "try again" answer is sent again a second later.
        self.retry_until = retry_until
        self.opener = urllib.request.build_opener(NoRedirect)

    def may_retry(self) -> bool:
        return self.retry_until is not None and time.monotonic() < self.retry_until

    def send(self, method: str, url: str, data: dict[str, str] | None):
        """One request, sent again while the answer is "try again" and retrying is on."""
        while True:
            try:
                status, location, body, retry_after = self.send_once(method, url, data)
            except (urllib.error.URLError, OSError) as error:
                if not self.may_retry():
                    raise
                self.result.retried.append(type(error).__name__)
            else:
                if status not in RETRY_STATUSES or not self.may_retry():
                    return status, location, body
                self.result.retried.append(
                    str(status) if retry_after else f"{status} without Retry-After"
                )
            time.sleep(1)

    def send_once(self, method: str, url: str, data: dict[str, str] | None):
        if urlsplit(url).netloc != urlsplit(self.base_url).netloc:
            raise LoadError(f"refusing to leave the test server: {url}")
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            status = response.status if hasattr(response, "status") else response.code
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                for name, morsel in jar.items():
                    if morsel.value == "" or morsel["max-age"] == "0":
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            return (
                status,
                response.headers.get("Location"),
                response.read().decode(),
                response.headers.get("Retry-After"),
            )

    def visit(self, step: str, method: str, url: str, data: dict[str, str] | None = None) -> Visit:
        """One step: a request and the redirects after it, timed together and recorded.

        A POST must answer with a redirect (a form shown again means it was refused); the
        last response must be 200. Anything else is recorded as the step's problem and
        raised as :class:`LoadError` after the caller has seen the first status.
        """
        url = urljoin(self.base_url, url)
        statuses = []
        retried_before = len(self.result.retried)
        started = time.perf_counter()
        status, location, body = self.send(method, url, data)
        statuses.append(status)
        hops = 0
        while status in REDIRECTS and location and hops < 5:
            url = urljoin(url, location)
            status, location, body = self.send("GET", url, None)
            statuses.append(status)
            hops += 1
        seconds = time.perf_counter() - started
        problem = ""
        if method == "POST" and statuses[0] not in REDIRECTS:
            problem = f"{step}: the form was not accepted (status {statuses[0]})"
        elif status != 200:
            problem = f"{step}: {url} answered {status} (statuses {statuses})"
        retried = len(self.result.retried) - retried_before
        self.result.steps.append(Step(step, seconds, statuses, problem, retried))
        return Visit(url, statuses[0], status, body)


def check(visit: Visit, steps: list[Step]) -> Visit:
    if steps[-1].problem:
        raise LoadError(steps[-1].problem)
    return visit


def ally_journey(
    browser: Browser, result: AllyResult, pledge_url: str, mine_url: str, index: int
) -> None:
    """Sign up, pledge ``result.commitments`` commitments, log progress on each."""
    steps = result.steps

    # 1. The pledge page sends someone who has not signed up to the sign-up form.
    visit = check(browser.visit("open pledge page", "GET", pledge_url), steps)
    form = allyship_form(visit.body)
    units = [value for value in form.choices.get("unit", []) if value]
    if not units:
        raise LoadError("the sign-up form lists no units")
    data = {
        **form.fields,
        "unit": units[index % len(units)],
        "role": f"Load-test officer {index}",
        "consent_to_contact": "on",
    }

    # 2. Sign up; the redirect lands on the pledge form.
    visit = browser.visit("sign up", "POST", urljoin(visit.url, form.action), data)
    if visit.first_status in REDIRECTS:
        result.sent["registrations"] += 1
    check(visit, steps)

    # 3. The pledge: 1-3 commitments in the first boxes, the other boxes left blank.
    form = allyship_form(visit.body)
    if "commitments-TOTAL_FORMS" not in form.fields:
        raise LoadError("the pledge form has no commitment boxes")
    data = dict(form.fields)
    data.setdefault("visibility", "private")
    deadline = time.strftime("%Y-%m-%d", time.localtime(time.time() + 90 * 86400))
    for box in range(result.commitments):
        prefix = f"commitments-{box}-"
        data.update(
            {
                f"{prefix}kind": "personal" if box % 2 == 0 else "organisational",
                f"{prefix}text": f"Commitment {box + 1} of {result.username}",
                f"{prefix}kpi": f"{box + 2} meetings held",
                f"{prefix}deadline": deadline,
                f"{prefix}plan_what": "Ask the network for a mentee and agree goals.",
            }
        )
    visit = browser.visit("pledge", "POST", urljoin(visit.url, form.action), data)
    if visit.first_status in REDIRECTS:
        result.sent["pledges"] += 1
        result.sent["commitments"] += result.commitments
    check(visit, steps)

    # 4. My allyship lists the commitments, each with a link to log progress.
    visit = check(browser.visit("open My allyship", "GET", mine_url), steps)
    links = list(dict.fromkeys(re.findall(r'href="([^"]*/commitments/\d+/progress/)"', visit.body)))
    if len(links) != result.commitments:
        raise LoadError(
            f"My allyship shows {len(links)} commitments to log progress on, "
            f"expected {result.commitments}"
        )
    for number, link in enumerate(links, start=1):
        page = check(browser.visit("open progress form", "GET", urljoin(visit.url, link)), steps)
        form = allyship_form(page.body)
        data = {
            **form.fields,
            "status": "in_progress",
            "note": f"Step {number}: first meeting held.",
        }
        logged = browser.visit("log progress", "POST", urljoin(page.url, form.action), data)
        if logged.first_status in REDIRECTS:
            result.sent["progress updates"] += 1
        check(logged, steps)


def run_ally(
    base_url: str,
    session_key: str,
    result: AllyResult,
    urls: tuple[str, str],
    index: int,
    start: threading.Barrier,
    timeout: float,
    retry_for: float | None,
) -> None:
    browser = Browser(base_url, session_key, result, timeout)
    try:
        start.wait(timeout=60)
        if retry_for is not None:
            browser.retry_until = time.monotonic() + retry_for
        ally_journey(browser, result, *urls, index=index)
    except LoadError as error:
        result.error = str(error)
    except Exception as error:  # noqa: BLE001 - reported with the others, never hidden
        result.error = f"{type(error).__name__}: {error}"


# The database, the site and the server --------------------------------------------------


@contextmanager
def fresh_postgres_database(source: str, keep: bool):
    """A new, empty database named after ``source``'s with ``_load`` appended; dropped after."""
    parts = urlsplit(source)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit(f"The write load test runs on PostgreSQL, not {parts.scheme or source!r}.")
    from .run import fresh_postgres_database as fresh

    with fresh(source, "_load", keep) as url:
        yield url


@contextmanager
def empty_redis(url: str):
    """Empty the Redis database of ``url`` before and after; refuse anything not on loopback."""
    if not url:
        yield
        return
    parts = urlsplit(url)
    if parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"The load test uses Redis on this machine only, not {parts.hostname}.")
    if parts.path.strip("/") in {"", "0"}:
        raise SystemExit("Give Redis a database number of its own (not 0), e.g. /14.")
    import redis

    client = redis.Redis.from_url(url, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as error:
        raise SystemExit(f"Redis is not answering at {url}: {error}") from error
    client.flushdb()
    try:
        yield
    finally:
        client.flushdb()
        client.close()


def build_site(allies: int) -> tuple[str, str, list[tuple[str, str]]]:
    """The pages, units and users; the two page paths and (username, session key) pairs."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.db import transaction
    from django.utils.module_loading import import_string
    from wagtail.models import Locale, Page, Site

    from intranet.models import HomePage
    from wagtail_allyship.models import MyAllyshipPage, OrganisationUnit, PledgePage, UnitKind

    session_store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    backend = settings.AUTHENTICATION_BACKENDS[0]
    with transaction.atomic():
        locale = Locale.get_default()
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Load-test intranet", slug="load-home", locale=locale)
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Load-test intranet"
        site.save()
        if old_root is not None and old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()

        pledge_page = home.add_child(
            instance=PledgePage(
                title="Make your pledge",
                slug="pledge",
                introduction="<p>Choose up to three things you will do this year.</p>",
            )
        )
        pledge_page.save_revision().publish()
        mine = home.add_child(instance=MyAllyshipPage(title="My allyship", slug="my-allyship"))
        mine.save_revision().publish()

        region = OrganisationUnit.objects.create(
            name="Load-test region", short_name="LTR", kind=UnitKind.REGION, locale=locale
        )
        for n in range(1, 4):
            OrganisationUnit.objects.create(
                name=f"Load-test force {n}",
                short_name=f"LTF{n}",
                kind=UnitKind.FORCE,
                parent=region,
                locale=locale,
            )

        sessions = []
        user_model = get_user_model()
        for n in range(1, allies + 1):
            user = user_model(
                username=f"{USERNAME_PREFIX}{n:03d}",
                first_name="Ally",
                last_name=f"Number {n}",
                email=f"{USERNAME_PREFIX}{n:03d}@example.org",
            )
            user.set_unusable_password()
            user.save()
            session = session_store()
            session[SESSION_KEY] = user._meta.pk.value_to_string(user)
            session[BACKEND_SESSION_KEY] = backend
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            sessions.append((user.username, session.session_key))
    pledge_page.refresh_from_db()
    mine.refresh_from_db()
    return pledge_page.get_url(), mine.get_url(), sessions


def count_rows() -> dict[str, dict[str, int]]:
    """The rows of every ally in the database, per username and kind (all users, not only
    the simulated ones: a row for anyone else is a row nobody sent)."""
    from django.db.models import Count

    from wagtail_allyship.models import AllyRegistration, Commitment, CommitmentUpdate, Pledge

    queries = {
        "registrations": (AllyRegistration.objects, "user__username"),
        "pledges": (Pledge.objects, "user__username"),
        "commitments": (Commitment.objects, "pledge__user__username"),
        "progress updates": (CommitmentUpdate.objects, "commitment__pledge__user__username"),
    }
    found: dict[str, dict[str, int]] = {}
    for kind, (manager, username) in queries.items():
        for row in manager.order_by().values(username).annotate(n=Count("pk")):
            found.setdefault(row[username], {})[kind] = row["n"]
    return found


def server_log_errors(text: str, outage: bool = False) -> list[str]:
    """The lines of the server's log that say something went wrong.

    During an outage run, the 503 answers are logged by Django as "Service Unavailable" with
    the database error's traceback: those are expected. A 500 ("Internal Server Error") or an
    error of gunicorn's own is never expected.
    """
    signs = ("[ERROR]", "Internal Server Error") + (() if outage else ("Traceback",))
    return [line for line in text.splitlines() if any(sign in line for sign in signs)]


def outage_problems(results: list[AllyResult], outage: Outage | None) -> list[str]:
    """Why an outage run proves nothing or failed unclean; empty when it did its job."""
    if outage is None:
        return []
    problems = []
    if outage.error:
        problems.append(f"the database outage failed: {outage.error}")
    retried = [answer for result in results for answer in result.retried]
    if not outage.error and not retried:
        problems.append("the outage met no request: nothing was tested (try --outage-after 2)")
    unclean = sorted({answer for answer in retried if answer != "503"})
    if unclean:
        problems.append(f"answers during the outage other than 503 with Retry-After: {unclean}")
    return problems


# The database outage ------------------------------------------------------------------


@dataclass
class Outage:
    """A database outage started ``after`` seconds into the load, and what became of it."""

    kind: str
    after: float
    seconds: float = 0.0
    how: str = ""
    error: str = ""


def admin_url(database_url: str) -> str:
    return urllib.parse.urlunsplit(urlsplit(database_url)._replace(path="/postgres"))


def restart_command(database_url: str) -> list[str]:
    """The command that restarts the PostgreSQL server of ``database_url``, on this machine."""
    import psycopg

    parts = urlsplit(database_url)
    if parts.hostname not in {"127.0.0.1", "localhost", "::1", None}:
        raise LoadError(
            f"refusing to restart a database server not on this machine: {parts.hostname}"
        )
    if not shutil.which("pg_ctlcluster") or os.geteuid() != 0:
        raise LoadError("restarting needs pg_ctlcluster and root; use --database-outage cut")
    with psycopg.connect(admin_url(database_url), autocommit=True) as conn:
        cluster = conn.execute("SHOW cluster_name").fetchone()[0]
    version, _, name = cluster.partition("/")
    if not version or not name:
        raise LoadError(f"the server names no Debian cluster (cluster_name {cluster!r})")
    return ["pg_ctlcluster", version, name, "restart", "-m", "fast"]


def cut_database(database_url: str, seconds: float) -> None:
    """End every session of the database and refuse new ones for ``seconds``."""
    import psycopg
    from psycopg import sql

    name = urlsplit(database_url).path.lstrip("/")
    database = sql.Identifier(name)
    with psycopg.connect(admin_url(database_url), autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false").format(database))
        try:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            time.sleep(seconds)
        finally:
            conn.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(database))


def run_outage(outage: Outage, database_url: str, command: list[str] | None, cut_for: float):
    time.sleep(outage.after)
    started = time.perf_counter()
    try:
        if outage.kind == "restart":
            subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603
            outage.how = " ".join(command)
        else:
            cut_database(database_url, cut_for)
            outage.how = f"sessions ended, connections refused for {cut_for:g} s"
    except Exception as error:  # noqa: BLE001 - reported, and the run fails
        outage.error = f"{type(error).__name__}: {error}"
    outage.seconds = time.perf_counter() - started


# The report -----------------------------------------------------------------------------


def step_table(results: list[AllyResult]) -> str:
    lines = [
        "| Step | Done | Requests | Sent again | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in STEPS:
        steps = [step for result in results for step in result.steps if step.name == name]
        times = [step.seconds * 1000 for step in steps]
        if not steps:
            lines.append(f"| {name} | 0 | 0 | 0 | – | – | – |")
            continue
        lines.append(
            f"| {name} | {len(steps)} | {sum(len(step.statuses) for step in steps)} "
            f"| {sum(step.retried for step in steps)} "
            f"| {percentile(times, 0.5):.0f} | {percentile(times, 0.95):.0f} "
            f"| {max(times):.0f} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores; {platform.platform()}; Python {platform.python_version()}"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.write_load",
        description="Many allies sign up, pledge and log progress at once against gunicorn "
        "and PostgreSQL on 127.0.0.1; the rows are then counted against what was sent.",
    )
    parser.add_argument("--allies", type=int, default=50, help="simulated allies, one thread each")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/allyship",
        help="PostgreSQL server; a database named after this one + '_load' is created and "
        "dropped (the one named here is never touched)",
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/14",
        help="cache shared by the workers; its database is emptied before and after. "
        "'' uses each worker's memory (the form limit then counts per worker)",
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per request at most")
    parser.add_argument("--keep-db", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--database-outage",
        choices=OUTAGES,
        help="restart the PostgreSQL server during the load ('restart', needs root and "
        "pg_ctlcluster), or cut the load database's connections for a few seconds ('cut')",
    )
    parser.add_argument(
        "--outage-after", type=float, default=4, help="seconds into the load before the outage"
    )
    parser.add_argument(
        "--outage-seconds", type=float, default=5, help="how long 'cut' refuses connections"
    )
    parser.add_argument(
        "--retry-for",
        type=float,
        default=120,
        help="during an outage run, how long each ally keeps sending a request answered "
        "'try again'",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.allies <= 500:
        parser.error("--allies must be between 1 and 500")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from .run import manage, site_environment
    from .throughput import Server

    started = time.perf_counter()
    log_path = Path(tempfile.gettempdir()) / "allyship-write-load-gunicorn.log"
    with (
        fresh_postgres_database(args.database_url, args.keep_db) as database_url,
        empty_redis(args.redis_url),
    ):
        env = site_environment(database_url)
        if args.redis_url:
            env["REDIS_URL"] = args.redis_url
        print(f"== Fresh database {urlsplit(database_url).path.lstrip('/')}; migrating")
        command = None
        if args.database_outage == "restart":
            try:
                command = restart_command(database_url)
            except LoadError as error:
                raise SystemExit(str(error)) from error
        manage(env, "migrate", "--noinput", "-v", "0")

        os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
        if args.redis_url:
            os.environ["REDIS_URL"] = args.redis_url
        sys.path[:0] = [str(REPO / "example_site")]
        import django

        django.setup()
        from django.db import connection

        pledge_url, mine_url, sessions = build_site(args.allies)
        connection.close()
        results = [
            AllyResult(username, commitments=1 + n % 3)
            for n, (username, _key) in enumerate(sessions)
        ]
        print(
            f"== {args.allies} allies against gunicorn ({args.workers} workers × "
            f"{args.threads} threads) on 127.0.0.1, cache "
            f"{'Redis ' + args.redis_url if args.redis_url else 'per worker'}"
        )
        with Server(
            env, log_path, workers=args.workers, threads=args.threads, timeout=int(args.timeout)
        ) as server:
            # Each worker imports the site on its first request: open a page a few times first.
            for _ in range(args.workers * 2):
                Browser(server.base_url, "", AllyResult("warm-up", 0), args.timeout).send(
                    "GET", urljoin(server.base_url, pledge_url), None
                )
            start = threading.Barrier(len(results))
            retry_for = args.retry_for if args.database_outage else None
            outage = (
                Outage(args.database_outage, args.outage_after) if args.database_outage else None
            )
            threads = [
                threading.Thread(
                    target=run_ally,
                    args=(
                        server.base_url,
                        key,
                        result,
                        (pledge_url, mine_url),
                        n,
                        start,
                        args.timeout,
                        retry_for,
                    ),
                    name=result.username,
                )
                for n, ((_username, key), result) in enumerate(zip(sessions, results, strict=True))
            ]
            if outage is not None:
                threads.append(
                    threading.Thread(
                        target=run_outage,
                        args=(outage, database_url, command, args.outage_seconds),
                        name="outage",
                    )
                )
            load_started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            load_seconds = time.perf_counter() - load_started
        connection.close()  # the outage may have cut it
        found = count_rows()
        connection.close()

    expected = {result.username: result.sent for result in results}
    problems = compare_rows(expected, found)
    failed = [result for result in results if result.error]
    log_text = log_path.read_text(errors="replace") if log_path.exists() else ""
    log_errors = server_log_errors(log_text, outage=outage is not None)
    unclean = outage_problems(results, outage)
    retried = [answer for result in results for answer in result.retried]
    statuses = [status for r in results for step in r.steps for status in step.statuses]
    bad_statuses = [status for status in statuses if status >= 400]
    sent, held = total_rows(expected), total_rows(found)

    print()
    print(f"Machine: {machine()}")
    print(
        f"Load: {args.allies} allies at once, {len(statuses)} requests in {load_seconds:.1f} s "
        f"({len(statuses) / load_seconds:.1f} req/s); error responses: {len(bad_statuses)}; "
        f"allies who could not finish: {len(failed)}"
    )
    if outage is not None:
        print(
            f"Database outage ({outage.kind}) {outage.after:g} s into the load, "
            f"{outage.seconds:.1f} s long ({outage.how or outage.error}); answers sent again: "
            f"{len(retried)} ({', '.join(sorted(set(retried))) or 'none'}), by "
            f"{sum(1 for r in results if r.retried)} allies"
        )
    print()
    print(step_table(results))
    print()
    print("| Rows | Sent and accepted | Found |")
    print("|---|---|---|")
    for kind in ROW_KINDS:
        print(f"| {kind} | {sent[kind]} | {held[kind]} |")
    print()
    for result in failed[:10]:
        print(f"- {result.username}: {result.error}")
    for problem in problems[:20]:
        print(f"- {problem}")
    for problem in unclean:
        print(f"- {problem}")
    for line in log_errors[:10]:
        print(f"- server log: {line}")
    if log_errors:
        print(f"  (server log: {log_path})")
    ok = not (failed or problems or bad_statuses or log_errors or unclean)
    expected_total = {
        "registrations": args.allies,
        "pledges": args.allies,
        "commitments": sum(r.commitments for r in results),
        "progress updates": sum(r.commitments for r in results),
    }
    if ok and sent != expected_total:
        ok = False
        print(f"- the allies sent {sent}, not the whole journey {expected_total}")
    print(
        ("PASS: " if ok else "FAIL: ")
        + (
            "no error responses; every row sent is in the database exactly once."
            + (" The outage was answered with 503 and nothing was half-saved." if outage else "")
            if ok
            else "see the problems above."
        )
    )
    print(f"Finished in {time.perf_counter() - started:.0f} s in all.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
