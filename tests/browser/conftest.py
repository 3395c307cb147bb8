"""Fixtures of the browser journeys: one example site and one Chromium for the whole session.

Every test in this folder is marked ``browser``: the normal ``make test`` run leaves them out
and ``make browser-test`` runs only them. A test that cannot start Chromium, the site or
axe-core fails; none of them is ever skipped.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from . import support
from .support import (
    ARTIFACTS,
    AXE_PACKAGE,
    AXE_SCRIPT,
    BROWSER_TESTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    LiveSite,
    SiteError,
    Visitor,
    prepare_database,
    start_server,
    stop_server,
)
from .validator import NuChecker, start_checker, stop_checker

#: Every address but the example site's own (loopback) is refused to the browser.
OUTSIDE_THE_SITE = re.compile(r"^(?!http://127\.0\.0\.1:\d+/)")

#: Folders of evidence saved for failed tests during this session, printed at the end.
_saved_evidence: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: journeys in a real browser (Chromium); run with make browser-test"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _saved_evidence:
        terminalreporter.section("browser test evidence")
        terminalreporter.write_line(
            f"Screenshots and HTML of the failed browser tests are in: {ARTIFACTS}"
        )
        for folder in _saved_evidence:
            terminalreporter.write_line(f"  {folder}")


# the site ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe() -> tuple[str, str]:
    """The source and the version of the axe-core that npm installed for these tests."""
    if not AXE_SCRIPT.exists():
        pytest.fail(
            f"axe-core is missing ({AXE_SCRIPT}). Install it with: npm ci --prefix tests/browser",
            pytrace=False,
        )
    version = json.loads(AXE_PACKAGE.read_text(encoding="utf-8"))["version"]
    return AXE_SCRIPT.read_text(encoding="utf-8"), version


@pytest.fixture(scope="session")
def prepared_site(tmp_path_factory) -> tuple:
    """The example intranet's database, migrated and with its demo content, made once."""
    try:
        return prepare_database(tmp_path_factory.mktemp("prepared-site"))
    except SiteError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, artifacts_dir, prepared_site, viewport) -> Iterator[LiveSite]:
    """The example intranet on a free port, one per screen width.

    Each width gets its own copy of the prepared database, so what a journey writes on the
    desktop (a page, a sign-up, a request to join a circle) is not already there when the
    same journey runs on the phone.
    """
    pristine, pages = prepared_site
    workdir = tmp_path_factory.mktemp("example-site")
    database = workdir / "site.sqlite3"
    shutil.copyfile(pristine, database)
    support.CURRENT_DATABASE = database
    log_path = artifacts_dir / f"server-{viewport['width']}px.log"
    try:
        process, base_url = start_server(database, log_path)
    except SiteError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield LiveSite(base_url=base_url, pages=pages, log_path=log_path)
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def html_checker(artifacts_dir) -> Iterator[NuChecker]:
    """The W3C Nu HTML checker (vnu.jar from npm) on the system Java, for the whole session.

    Asked for before the site, so that Java reads its schemas while the demo is loaded.
    """
    try:
        checker = start_checker(artifacts_dir / "vnu.log")
    except SiteError as error:
        pytest.fail(str(error), pytrace=False)
    yield checker
    stop_checker(checker)


#: Every journey runs on a desktop and on a common phone's CSS width, each on its own site.
VIEWPORTS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


@pytest.fixture(scope="session", params=list(VIEWPORTS), ids=lambda width: f"{width}px")
def viewport(request) -> dict[str, int]:
    """The screen of a whole run of the journeys (each width has its own site, see live_site)."""
    return VIEWPORTS[request.param]


@pytest.fixture(scope="session")
def demo_passwords() -> dict[str, str]:
    from intranet.management.commands.allyship_demo import DEMO_USERS

    return {username: password for username, password, *_rest in DEMO_USERS}


# the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, driven by Playwright. Playwright never downloads a browser here."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.fail(
            "The playwright package is missing: .venv/bin/pip install playwright "
            "(never `playwright install`; the tests use Debian's Chromium).",
            pytrace=False,
        )
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Error as error:
        playwright.stop()
        pytest.fail(
            f"Chromium could not start from {CHROMIUM}: {error}\n"
            "Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.",
            pytrace=False,
        )
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="session")
def login_states(live_site) -> dict[str, dict]:
    """Cookies of each demo user, logged in once per site through the real login form.

    Each screen width has its own site and database, so its own sessions.
    """
    return {}


@pytest.fixture
def visitor_for(
    request, html_checker, chromium, live_site, axe, demo_passwords, login_states, viewport
) -> Iterator[Callable[..., Visitor]]:
    """``visitor_for("editor")``: a fresh browser context, logged in as that demo user.

    The first time in a session, the user logs in through the login form; later contexts
    reuse the session cookie. ``visitor_for(None)`` is anonymous. On failure, each visitor's
    last page is saved as a screenshot and HTML; after a pass, a page that loaded without an
    axe check fails the test.
    """
    contexts = []
    visitors: list[Visitor] = []

    def make(username: str | None = None) -> Visitor:
        context = chromium.new_context(
            locale="en-GB",
            viewport=viewport,
            storage_state=login_states.get(username) if username else None,
        )
        context.set_default_timeout(15_000)
        # Nothing leaves the machine: Wagtail's admin asks for avatars and release news.
        context.route(OUTSIDE_THE_SITE, lambda route: route.abort("blockedbyclient"))
        contexts.append(context)
        visitor = Visitor(context.new_page(), live_site, *axe, html_checker=html_checker)
        visitors.append(visitor)
        if username is not None and username not in login_states:
            visitor.log_in(username, demo_passwords[username])
            login_states[username] = context.storage_state()
        visitor.username = username or "anonymous"
        return visitor

    yield make

    failed = any(
        getattr(request.node, f"report_{when}", None) is not None
        and getattr(request.node, f"report_{when}").failed
        for when in ("setup", "call")
    )
    try:
        if failed:
            folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
            for number, visitor in enumerate(visitors, start=1):
                visitor.save_artifacts(folder, f"{number}-{visitor.username}")
            _saved_evidence.append(folder)
        else:
            unchecked = [url for visitor in visitors for url in visitor.unchecked_pages()]
            assert not unchecked, (
                "These pages loaded without an accessibility check (use visitor.visit, "
                f"visitor.follow or visitor.check): {unchecked}"
            )
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def visitor(visitor_for) -> Visitor:
    """An anonymous visitor."""
    return visitor_for(None)
