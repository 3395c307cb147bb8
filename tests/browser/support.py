"""What the browser journeys stand on: the example site server, Chromium, axe-core, artifacts.

Journeys import nothing from Playwright themselves: they drive a :class:`Visitor`, whose every
page load is checked with axe-core, and read the demo content from :class:`LiveSite`.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = REPO / "example_site"
BROWSER_TESTS = Path(__file__).resolve().parent
AXE_SCRIPT = BROWSER_TESTS / "node_modules" / "axe-core" / "axe.min.js"
AXE_PACKAGE = AXE_SCRIPT.with_name("package.json")
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", REPO / "test-artifacts" / "browser"))

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
#: The background-networking flags keep Chromium from calling home: nothing leaves loopback.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA (axe-core's tag names).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

#: In the admin, axe-core checks what our code puts on the page: the main content (our forms,
#: our listings' columns, our templates) and any open dialog (choosers of our models).
#: Wagtail's own chrome around it (sidebar, account menu) is Wagtail's to fix.
ADMIN_INCLUDE = ["main", '[role="dialog"]']

#: Parts of Wagtail's own admin inside that region that fail a rule and that our code cannot
#: fix. Each is left out *by selector*, never by rule, with the reason and the upstream issue.
WAGTAIL_KNOWN_ISSUES = {
    # Draftail's contenteditable textbox has no accessible name: Wagtail's <label for=...>
    # points at the hidden input it replaces (aria-input-field-name).
    ".public-DraftEditor-content": "https://github.com/wagtail/wagtail/issues/14205",
    # The header bar (breadcrumbs and listing toolbar): its "Show filters" toggle shows a count
    # of active filters that its aria-label does not contain (label-content-name-mismatch).
    ".w-slim-header": "Wagtail's slim header template (wagtailadmin/shared/headers/)",
    # The side panel's toggle is 20 by 20 px; on a phone it stands too close to its
    # neighbours for a touch target (target-size), in Wagtail's own form template.
    "#w-minimap-toggle": "Wagtail's minimap toggle (client/src/components/Minimap)",
    # wagtail-localize's translation editor (only there: `.js-translation-editor`). Each
    # field's heading is coloured --w-color-surface-alert-information (#00b0b1 on white,
    # 2.67:1): color-contrast (BlockLabel in its TranslationEditor/segments.tsx).
    ".js-translation-editor section > ul > li > h3": "wagtail-localize BlockLabel contrast",
    # The visually hidden file input behind "Upload PO file" has no label: label
    # (HiddenFileInput in its TranslationEditor/toolbox.tsx).
    '.js-translation-editor form[action$="/pofile/upload/"] input[type="file"]': (
        "wagtail-localize HiddenFileInput has no label"
    ),
}

ADMIN_PREFIX = "/admin/"
#: Wagtail shows its messages 100 ms after load, then fades them in.
ADMIN_SETTLE_MS = 150
SERVER_SETTINGS = "intranet.settings.dev"


@dataclass(frozen=True)
class LivePage:
    """One live page of the demo site, as the server sees it."""

    id: int
    model: str
    verbose_name: str
    locale: str
    path: str
    title: str
    depth: int


@dataclass
class LiveSite:
    """The running example site: its address, its demo content and its log."""

    base_url: str
    pages: list[LivePage]
    log_path: Path

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path

    def page_at(self, path: str) -> LivePage:
        for page in self.pages:
            if page.path == path:
                return page
        raise LookupError(f"No live page at {path!r}; live pages: {[p.path for p in self.pages]}")

    def one_page_of_each_type(self) -> list[LivePage]:
        """The shallowest live page of every page type in every language."""
        chosen: dict[tuple[str, str], LivePage] = {}
        for page in sorted(self.pages, key=lambda p: (p.depth, p.path)):
            chosen.setdefault((page.model, page.locale), page)
        return list(chosen.values())


class SiteError(RuntimeError):
    """The example site could not be prepared or started."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(database_path: Path, base_url: str = "") -> dict[str, str]:
    """Environment of the example site's processes: its own SQLite file, nothing remote."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DATABASE_URL=f"sqlite:///{database_path}",
        DJANGO_SETTINGS_MODULE=SERVER_SETTINGS,
        PYTHONPATH=os.pathsep.join([str(REPO), str(EXAMPLE_SITE)]),
        PYTHONUNBUFFERED="1",
        # No worker runs beside the site here: Wagtail's search index updates and our
        # emails run at once, in the process that asks for them.
        ALLYSHIP_TASKS="immediate",
    )
    if base_url:
        env["WAGTAILADMIN_BASE_URL"] = base_url
    return env


#: The database of the live site being visited (set by conftest's ``live_site``).
CURRENT_DATABASE: Path | None = None


def prepare_in_site(tmp_path_factory, function: str) -> dict[str, str]:
    """Run ``function`` ("module:name") in the live site's database; the addresses it wrote.

    The live site runs in its own process on its own SQLite file, so a journey that needs
    data of its own makes it there, with the ORM and the factories, in a child process.
    ``function`` receives the path of a JSON file to write the addresses it made into.
    """
    # conftest's live_site names the database of the site being visited (one per width).
    assert CURRENT_DATABASE is not None, "prepare_in_site needs the live_site fixture first"
    databases = {CURRENT_DATABASE}
    module, name = function.split(":")
    output = tmp_path_factory.mktemp(name.replace("_", "-")) / "addresses.json"
    script = f"import sys, django; django.setup(); from {module} import {name}; {name}(sys.argv[1])"
    result = subprocess.run(  # noqa: S603 (our own interpreter and fixed arguments)
        [sys.executable, "-c", script, str(output)],
        cwd=EXAMPLE_SITE,
        env=site_environment(databases.pop()),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{function} failed:\n{result.stderr[-4000:]}"
    return json.loads(output.read_text(encoding="utf-8"))


def prepare_database(workdir: Path) -> tuple[Path, list[LivePage]]:
    """Migrate a new SQLite file, load the demo content, and list the live pages."""
    database = workdir / "site.sqlite3"
    pages_json = workdir / "pages.json"
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, str(BROWSER_TESTS / "prepare_site.py"), str(pages_json)],
        cwd=EXAMPLE_SITE,
        env=site_environment(database),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise SiteError(
            f"Preparing the example site (migrate, allyship_demo) failed:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
        )
    rows = json.loads(pages_json.read_text(encoding="utf-8"))
    return database, [LivePage(**row) for row in rows]


def start_server(database: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    """Serve the example site with gunicorn on a free loopback port; wait until it answers."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = site_environment(database, base_url)
    log = log_path.open("w")
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--timeout",
            "120",
            "--access-logfile",
            "-",
            "tests.browser.wsgi:application",
        ],
        cwd=EXAMPLE_SITE,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SiteError(
                f"gunicorn exited with {process.returncode}:\n{log_path.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(f"{base_url}/accounts/login/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return process, base_url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    process.terminate()
    raise SiteError(f"The example site did not answer on {base_url} within 60 s; see {log_path}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class AccessibilityError(AssertionError):
    """axe-core found WCAG A/AA violations on a page."""


def format_violations(url: str, violations: list[dict[str, Any]], version: str) -> str:
    count = sum(len(v["nodes"]) for v in violations)
    lines = [
        f"{count} accessibility violation(s) of WCAG 2.0/2.1/2.2 A or AA on {url} "
        f"(axe-core {version}):"
    ]
    for violation in violations:
        lines.append(
            f"- rule {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            selector = " ".join(
                ">>>".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {selector}")
            lines.append(f"       {node['html'][:200]}")
            if summary:
                lines.append(f"       {summary[:400]}")
    return "\n".join(lines)


def page_key(url: str) -> str:
    """A URL without its fragment: what counts as one visited page."""
    return urldefrag(url)[0]


#: Runs in every page before its own scripts: keeps each Content-Security-Policy violation.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    (window.__allyshipCspViolations = window.__allyshipCspViolations || []).push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
    });
});
"""


class CSPViolationError(AssertionError):
    """The page did something its Content-Security-Policy forbids."""


@dataclass
class Visitor:
    """A person in the browser: every page they land on is checked with axe-core.

    ``visit`` and ``follow`` check the page they arrive at; after anything else that loads
    a page, call ``check``. When a test ends, a page that loaded but was never checked
    fails the test, so a journey cannot skip the check by accident.
    """

    page: Any
    site: LiveSite
    axe_source: str
    axe_version: str
    username: str = "anonymous"
    #: The Nu HTML checker (validator.NuChecker) that every public page is also checked with.
    html_checker: Any = None
    loaded: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.page.on("load", lambda page: self.loaded.append(page_key(page.url)))
        self.page.add_init_script(CSP_LISTENER)

    # navigation -------------------------------------------------------------------------

    def visit(self, path: str, *, status: int = 200) -> Any:
        """Open ``path`` (relative to the site), assert the status, check accessibility."""
        __tracebackhide__ = True
        response = self.page.goto(self.site.url(path))
        assert response is not None, f"No response for {path}"
        assert response.status == status, (
            f"{path} answered {response.status}, expected {status} (ended at {self.page.url})"
        )
        self.check()
        return response

    def follow(self, locator: Any) -> None:
        """Click a link or submit button that loads a new page, then check that page."""
        __tracebackhide__ = True
        with self.page.expect_navigation():
            locator.click()
        self.page.wait_for_load_state()
        self.check()

    @property
    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    # accessibility ----------------------------------------------------------------------

    def check(self) -> None:
        """Run axe-core on the current page and fail on any WCAG A/AA violation.

        A page of the site (not the admin) must also pass the W3C Nu HTML checker.
        """
        __tracebackhide__ = True
        self.page.wait_for_load_state()
        admin = urlsplit(self.page.url).path.startswith(ADMIN_PREFIX)
        # Wagtail's admin bundles an axe-core of its own: make sure ours is the one that runs.
        self.assert_no_csp_violations()
        if self.page.evaluate("() => window.axe && window.axe.version") != self.axe_version:
            # Evaluated by the browser's debugging protocol, which the page's
            # Content-Security-Policy does not govern (an inline <script> would break it).
            self.page.evaluate(self.axe_source)
        context: dict[str, Any] = {"include": [["html"]]}
        if admin:
            context = {
                "include": [[selector] for selector in ADMIN_INCLUDE],
                "exclude": [[selector] for selector in WAGTAIL_KNOWN_ISSUES],
            }
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        result = self.page.evaluate(
            """async ([context, options, settle]) => {
                // Let messages and panels finish fading in: contrast is judged on what stays.
                // Long decorative animations (Wagtail's 25 s badge "ping") are not waited for.
                await new Promise((resolve) => setTimeout(resolve, settle));
                const fades = document.getAnimations()
                    .filter((a) => a.playState === "running")
                    .filter((a) => (a.effect?.getComputedTiming().endTime ?? Infinity) <= 1000)
                    .map((a) => a.finished.catch(() => null));
                await Promise.race([
                    Promise.all(fades),
                    new Promise((resolve) => setTimeout(resolve, 1000)),
                ]);
                const results = await axe.run(context, options);
                return {version: axe.version, violations: results.violations};
            }""",
            [context, options, ADMIN_SETTLE_MS if admin else 0],
        )
        self.checked.add(page_key(self.page.url))
        if result["violations"]:
            raise AccessibilityError(
                format_violations(self.page.url, result["violations"], result["version"])
            )
        if self.html_checker is not None and not admin:
            # The document as the browser holds it: also right after a form was posted.
            self.html_checker.assert_valid(self.page.url, self.page.content())

    def assert_no_csp_violations(self) -> None:
        """Fail if the page broke its Content-Security-Policy (anything blocked or reported)."""
        __tracebackhide__ = True
        violations = self.page.evaluate("() => window.__allyshipCspViolations || []")
        if violations:
            lines = [f"Content-Security-Policy violations on {self.page.url}:"]
            lines += [
                f"  {v['directive']} blocked {v['blocked'] or 'inline'} "
                f"({v['source'] or 'the page'}, line {v['line']}): {v['sample']}"
                for v in violations
            ]
            raise CSPViolationError("\n".join(lines))

    def unchecked_pages(self) -> list[str]:
        return [
            url
            for url in dict.fromkeys(self.loaded)
            if url not in self.checked and url != "about:blank"
        ]

    # people -----------------------------------------------------------------------------

    def log_in(self, username: str, password: str, next_path: str = "") -> None:
        """Log in through the intranet's own login form."""
        query = f"?next={next_path}" if next_path else ""
        self.visit(f"/accounts/login/{query}")
        self.username = username
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.follow(self.page.locator("form.login-form button[type=submit]"))
        assert "/accounts/login/" not in self.page.url, (
            f"Logging in as {username} failed; the form says: "
            f"{self.page.locator('.error').all_text_contents()}"
        )

    def log_out(self) -> None:
        """Log out with the button in the site header (whatever language the page is in)."""
        self.follow(self.page.locator("form.logout-form button[type=submit]"))
        self.username = "anonymous"

    # evidence ---------------------------------------------------------------------------

    def save_artifacts(self, folder: Path, name: str) -> list[Path]:
        """Save a full-page screenshot and the HTML of the current page."""
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / re.sub(r"[^\w.-]+", "_", name)
        saved = []
        try:
            self.page.screenshot(path=f"{stem}.png", full_page=True)
            saved.append(Path(f"{stem}.png"))
        except Exception as error:  # noqa: BLE001 (evidence is best effort)
            Path(f"{stem}.screenshot-error.txt").write_text(str(error))
        try:
            Path(f"{stem}.html").write_text(
                f"<!-- {self.page.url} -->\n{self.page.content()}", encoding="utf-8"
            )
            saved.append(Path(f"{stem}.html"))
        except Exception as error:  # noqa: BLE001
            Path(f"{stem}.html-error.txt").write_text(str(error))
        return saved
