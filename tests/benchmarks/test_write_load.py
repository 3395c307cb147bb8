"""The write load test's row check must fail on a lost or a duplicated row, never pass quietly.

``benchmarks/write_load.py`` compares what every simulated ally sent with the rows the
database holds; these tests feed that comparison made-up counts, without a server.
"""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks.write_load import (
    ROW_KINDS,
    AllyResult,
    Browser,
    Outage,
    compare_rows,
    outage_problems,
    percentile,
    server_log_errors,
    total_rows,
)


def journey(commitments: int) -> dict[str, int]:
    return {
        "registrations": 1,
        "pledges": 1,
        "commitments": commitments,
        "progress updates": commitments,
    }


EXPECTED = {"load-ally-001": journey(1), "load-ally-002": journey(3)}


def copy(counts):
    return {user: dict(per_kind) for user, per_kind in counts.items()}


def test_matching_rows_pass():
    assert compare_rows(EXPECTED, copy(EXPECTED)) == []


def test_a_lost_pledge_is_caught():
    found = copy(EXPECTED)
    found["load-ally-002"]["pledges"] = 0
    problems = compare_rows(EXPECTED, found)
    assert problems == ["load-ally-002: 1 pledges lost (sent 1, found 0)"]


def test_a_duplicated_pledge_is_caught():
    found = copy(EXPECTED)
    found["load-ally-001"]["pledges"] = 2
    problems = compare_rows(EXPECTED, found)
    assert len(problems) == 1
    assert problems[0].startswith("load-ally-001: 1 pledges too many")


def test_a_duplicated_pledge_is_caught_even_when_another_is_lost():
    # The totals match (2 sent, 2 found), but one ally has two pledges and the other none.
    found = copy(EXPECTED)
    found["load-ally-001"]["pledges"] = 2
    found["load-ally-002"]["pledges"] = 0
    assert total_rows(found)["pledges"] == total_rows(EXPECTED)["pledges"]
    problems = compare_rows(EXPECTED, found)
    assert any("load-ally-001: 1 pledges too many" in problem for problem in problems)
    assert any("load-ally-002: 1 pledges lost" in problem for problem in problems)


def test_an_ally_missing_from_the_database_is_caught():
    found = copy(EXPECTED)
    del found["load-ally-002"]
    problems = compare_rows(EXPECTED, found)
    assert len(problems) == len(ROW_KINDS)
    assert all("lost" in problem for problem in problems)


def test_rows_nobody_sent_are_caught():
    found = {**copy(EXPECTED), "someone-else": {"pledges": 1}}
    assert compare_rows(EXPECTED, found) == [
        "someone-else: 1 pledges too many, duplicated or unasked for (sent 0, found 1)"
    ]


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.95) == 95
    assert percentile([7.0], 0.95) == 7.0
    assert percentile([], 0.95) == 0.0


# The database outage run ----------------------------------------------------------------

SERVICE_UNAVAILABLE_LOG = """Service Unavailable: /load-home/pledge/
Traceback (most recent call last):
psycopg.OperationalError: the database system is shutting down
django.db.utils.OperationalError: the database system is shutting down
"""


def test_logged_503s_are_expected_only_in_an_outage_run():
    assert server_log_errors(SERVICE_UNAVAILABLE_LOG, outage=True) == []
    assert server_log_errors(SERVICE_UNAVAILABLE_LOG) == ["Traceback (most recent call last):"]


@pytest.mark.parametrize(
    "line",
    ["Internal Server Error: /load-home/pledge/", "[2026-12-03] [12] [ERROR] Worker timeout"],
)
def test_a_500_or_a_server_error_fails_even_an_outage_run(line):
    assert server_log_errors(SERVICE_UNAVAILABLE_LOG + line, outage=True) == [line]


def ally(*retried: str) -> AllyResult:
    result = AllyResult("load-ally-001", 1)
    result.retried = list(retried)
    return result


def test_an_outage_answered_with_503_passes():
    assert outage_problems([ally("503", "503"), ally()], Outage("cut", 4)) == []


def test_an_outage_that_met_no_request_proves_nothing():
    problems = outage_problems([ally(), ally()], Outage("cut", 4))
    assert problems == ["the outage met no request: nothing was tested (try --outage-after 2)"]


def test_a_503_without_retry_after_or_a_dropped_connection_is_unclean():
    problems = outage_problems(
        [ally("503"), ally("503 without Retry-After", "ConnectionResetError")], Outage("cut", 4)
    )
    assert problems == [
        "answers during the outage other than 503 with Retry-After: "
        "['503 without Retry-After', 'ConnectionResetError']"
    ]


def test_a_failed_outage_fails_the_run():
    outage = Outage("restart", 4, error="CalledProcessError: exit status 1")
    assert outage_problems([ally()], outage) == [
        "the database outage failed: CalledProcessError: exit status 1"
    ]


def test_no_outage_no_problems():
    assert outage_problems([ally()], None) == []


@contextmanager
def server_answering(*statuses: int):
    """A loopback server giving ``statuses`` in turn (the last one from then on)."""
    answers = list(statuses)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status = answers.pop(0) if len(answers) > 1 else answers[0]
            self.send_response(status)
            if status == 503:
                self.send_header("Retry-After", "30")
            self.end_headers()
            self.wfile.write(b"ok" if status == 200 else b"try again")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_during_an_outage_run_a_503_is_sent_again(monkeypatch):
    monkeypatch.setattr("benchmarks.write_load.time.sleep", lambda seconds: None)
    result = AllyResult("load-ally-001", 1)
    with server_answering(503, 503, 200) as url:
        browser = Browser(url, "", result, timeout=5, retry_until=float("inf"))
        status, _location, body = browser.send("GET", url, None)
    assert (status, body) == (200, "ok")
    assert result.retried == ["503", "503"]


def test_outside_an_outage_run_a_503_is_an_error_response():
    result = AllyResult("load-ally-001", 1)
    with server_answering(503, 200) as url:
        status, _location, _body = Browser(url, "", result, timeout=5).send("GET", url, None)
    assert status == 503
    assert result.retried == []


def test_a_500_is_never_sent_again(monkeypatch):
    monkeypatch.setattr("benchmarks.write_load.time.sleep", lambda seconds: None)
    result = AllyResult("load-ally-001", 1)
    with server_answering(500, 200) as url:
        browser = Browser(url, "", result, timeout=5, retry_until=float("inf"))
        status, _location, _body = browser.send("GET", url, None)
    assert status == 500
    assert result.retried == []
