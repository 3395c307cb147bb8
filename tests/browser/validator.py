"""The W3C Nu HTML checker (vnu.jar from npm) for the journeys' public pages.

One checker runs for the whole session as a local HTTP service on the system Java
(``java -cp vnu.jar nu.validator.servlet.Main PORT``), so each page costs one request rather
than one Java start. Only the site's own pages are checked; Wagtail's admin is Wagtail's.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .support import BROWSER_TESTS, SiteError, free_port

VNU_JAR = BROWSER_TESTS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = os.environ.get("JAVA_PATH", "/usr/bin/java")


class HtmlValidationError(AssertionError):
    """A page's HTML broke the HTML standard, as the Nu checker reads it."""


@dataclass
class NuChecker:
    process: subprocess.Popen
    url: str
    log_path: Path
    ready: bool = False

    def wait_until_ready(self, seconds: float = 90) -> None:
        """Wait for the service to answer: Java reads the HTML schemas first (~5 to 30 s)."""
        deadline = time.monotonic() + seconds
        while not self.ready:
            if self.process.poll() is not None:
                raise SiteError(f"vnu.jar stopped at start; see {self.log_path}")
            try:
                self.post("<!DOCTYPE html><html lang=en><title>t</title></html>")
                self.ready = True
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    raise SiteError(
                        f"vnu.jar did not answer within {seconds:.0f} s; see {self.log_path}"
                    ) from None
                time.sleep(0.3)

    def errors(self, html: str) -> list[dict]:
        """The checker's errors for ``html`` (warnings and notes are left out)."""
        self.wait_until_ready()
        return self.post(html)

    def post(self, html: str) -> list[dict]:
        request = urllib.request.Request(  # noqa: S310  (the checker on loopback)
            self.url + "?out=json",
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  (loopback)
            messages = json.loads(response.read().decode("utf-8"))["messages"]
        return [message for message in messages if message.get("type") == "error"]

    def assert_valid(self, url: str, html: str) -> None:
        __tracebackhide__ = True
        errors = self.errors(html)
        if errors:
            raise HtmlValidationError(format_errors(url, errors))


def start_checker(log_path: Path) -> NuChecker:
    """Start vnu.jar's HTTP service on a free port; it gets ready while the site is prepared."""
    if not VNU_JAR.exists():
        raise SiteError(
            f"vnu.jar is missing ({VNU_JAR}). Install it with: "
            "npm ci --prefix tests/browser --ignore-scripts"
        )
    port = free_port()
    log = log_path.open("w")
    process = subprocess.Popen(  # noqa: S603  (fixed arguments)
        [JAVA, "-Xss4m", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return NuChecker(process, f"http://127.0.0.1:{port}/", log_path)


def stop_checker(checker: NuChecker) -> None:
    checker.process.terminate()
    try:
        checker.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        checker.process.kill()


def format_errors(url: str, errors: list[dict]) -> str:
    lines = [f"The Nu HTML checker found {len(errors)} error(s) on {url}:"]
    for error in errors:
        where = f"line {error.get('lastLine', '?')}"
        extract = (error.get("extract") or "").strip().replace("\n", " ")[:160]
        lines.append(f"  {where}: {error.get('message')}  «{extract}»")
    return "\n".join(lines)
