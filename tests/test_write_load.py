"""The write load test's row check must fail on a lost or a duplicated row, never pass quietly.

``benchmarks/write_load.py`` compares what every simulated ally sent with the rows the
database holds; these tests feed that comparison made-up counts, without a server.
"""

from benchmarks.write_load import ROW_KINDS, compare_rows, percentile, total_rows


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
