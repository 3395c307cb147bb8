"""Requests per second: gunicorn (2 workers) serves the site, a second process loads it.

Traffic stays on 127.0.0.1 and every run is bounded in time (and, with the Python generator,
in requests too). ``wrk`` is used when installed (``apt-get install wrk``); otherwise
``python -m benchmarks.load``.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class LoadSettings:
    seconds: float = 5.0
    connections: int = 4
    max_requests: int = 20_000
    generator: str = "auto"  # "wrk", "python" or "auto"

    def resolved_generator(self) -> str:
        if self.generator == "auto":
            return "wrk" if shutil.which("wrk") else "python"
        return self.generator


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_status(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Server:
    """gunicorn on a free loopback port, for the duration of a ``with``.

    By default 2 sync workers, as the throughput measurements use. ``threads`` above 1 gives
    each worker that many threads (gunicorn's threaded worker), for many clients at once.
    """

    def __init__(
        self,
        env: dict[str, str],
        log_path: Path,
        workers: int = 2,
        threads: int = 1,
        timeout: int = 60,
    ):
        self.env = env
        self.log_path = log_path
        self.workers = workers
        self.threads = threads
        self.timeout = timeout
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                *(["--threads", str(self.threads)] if self.threads > 1 else []),
                "--timeout",
                str(self.timeout),
                "intranet.wsgi:application",
            ],
            cwd=REPO / "example_site",
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.log_path.read_text()[-2000:]}")
            try:
                if fetch_status(f"{self.base_url}/accounts/login/", "") == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer on {self.base_url}; see {self.log_path}")

    def __exit__(self, *exc_info) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def load(url: str, cookie: str, settings: LoadSettings) -> dict:
    """Drive ``url`` for ``settings.seconds`` from a second process; return rps and errors."""
    if settings.resolved_generator() == "wrk":
        result = subprocess.run(  # noqa: S603
            [
                shutil.which("wrk") or "wrk",
                "--threads",
                "1",
                "--connections",
                str(settings.connections),
                "--duration",
                f"{max(1, round(settings.seconds))}s",
                "--timeout",
                "30s",
                "--header",
                f"Cookie: {cookie}",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=settings.seconds + 60,
            check=True,
        )
        rps = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
        total = re.search(r"(\d+) requests in", result.stdout)
        errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
        return {
            "generator": "wrk",
            "rps": float(rps.group(1)) if rps else 0.0,
            "requests": int(total.group(1)) if total else 0,
            "errors": int(errors.group(1)) if errors else 0,
        }
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "benchmarks.load",
            url,
            "--seconds",
            str(settings.seconds),
            "--max-requests",
            str(settings.max_requests),
            "--connections",
            str(settings.connections),
            "--cookie",
            cookie,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=settings.seconds + 60,
        check=True,
    )
    return {"generator": "python", **json.loads(result.stdout)}
