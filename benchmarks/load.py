"""A small load generator for loopback only: ``python -m benchmarks.load URL [options]``.

It is the fallback when ``wrk`` (Debian package ``wrk``) is not installed. Each connection is a
thread that sends GET requests until the time or the request budget runs out, then the
process prints one line of JSON: requests, errors (status other than 200), seconds, rps.
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def run(url: str, seconds: float, max_requests: int, connections: int, cookie: str) -> dict:
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"Refusing to load {parts.hostname}: only loopback addresses are allowed.")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Cookie": cookie} if cookie else {}
    lock = threading.Lock()
    counts = {"sent": 0, "ok": 0, "errors": 0}
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if counts["sent"] >= max_requests:
                    break
                counts["sent"] += 1
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
            with lock:
                counts["ok" if ok else "errors"] += 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "requests": counts["ok"],
        "errors": counts["errors"],
        "seconds": round(elapsed, 3),
        "rps": round(counts["ok"] / elapsed, 1) if elapsed else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--cookie", default="")
    args = parser.parse_args()
    print(json.dumps(run(args.url, args.seconds, args.max_requests, args.connections, args.cookie)))


if __name__ == "__main__":
    main()
