"""The accountability rules against hand-computed cases, boundaries included (pure)."""

from __future__ import annotations

import datetime

import pytest

from wagtail_allyship.pledges.accountability import (
    AMBER,
    GREEN,
    LAPSED,
    OVERDUE,
    QUIET,
    RED,
    RENEW,
    SILENT,
    CommitmentFacts,
    PledgeFacts,
    Reason,
    accountability_status,
    months_before,
)

D = datetime.date
TODAY = D(2026, 6, 15)  # N = 3 months: quiet before 2026-03-15, silent before 2025-12-15
YEAR_END = D(2026, 12, 31)
MADE_ON = D(2026, 1, 10)
DEADLINE = D(2026, 9, 30)


def pledge(*commitments, made_on=MADE_ON, renewed=False, year_end=YEAR_END):
    return PledgeFacts(
        made_on=made_on, year_end=year_end, renewed=renewed, commitments=tuple(commitments)
    )


def commitment(position=1, deadline=DEADLINE, is_open=True, last_logged=None):
    return CommitmentFacts(position, deadline, is_open, last_logged)


def status(facts, today=TODAY, renewal=True):
    return accountability_status(facts, today, months=3, renewal_days=30, renewal=renewal)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 6, 15), 3, D(2026, 3, 15)),
        (D(2026, 6, 15), 6, D(2025, 12, 15)),
        (D(2026, 5, 31), 3, D(2026, 2, 28)),
        (D(2024, 5, 31), 3, D(2024, 2, 29)),
        (D(2026, 1, 15), 1, D(2025, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_progress_on_every_open_commitment_within_n_months_is_green():
    facts = pledge(
        commitment(1, last_logged=D(2026, 6, 1)), commitment(2, last_logged=D(2026, 4, 1))
    )
    assert status(facts).status == GREEN
    assert status(facts).reasons == ()


def test_exactly_n_months_ago_is_still_green_one_day_more_is_amber():
    assert status(pledge(commitment(last_logged=D(2026, 3, 15)))).status == GREEN
    result = status(
        pledge(commitment(1, last_logged=D(2026, 6, 1)), commitment(2, last_logged=D(2026, 3, 14)))
    )
    assert result.status == AMBER
    assert result.reasons == (Reason(QUIET, 2),)


def test_a_new_pledge_without_updates_starts_green_from_the_day_it_was_made():
    assert status(pledge(commitment(), made_on=D(2026, 6, 1))).status == GREEN
    # Made on 2026-03-14 and nothing logged since: quiet.
    assert status(pledge(commitment(), made_on=D(2026, 3, 14))).reasons == (Reason(QUIET, 1),)


def test_deadline_passed_without_an_update_is_amber():
    late = commitment(deadline=D(2026, 6, 14), last_logged=D(2026, 6, 10))
    result = status(pledge(late))
    assert result.status == AMBER
    assert result.reasons == (Reason(OVERDUE, 1),)


def test_an_update_on_the_deadline_or_a_deadline_of_today_is_not_overdue():
    assert (
        status(pledge(commitment(deadline=D(2026, 6, 14), last_logged=D(2026, 6, 14)))).status
        == GREEN
    )
    assert status(pledge(commitment(deadline=TODAY), made_on=D(2026, 5, 1))).status == GREEN


def test_nothing_logged_for_twice_the_period_is_red_boundary_included():
    # Latest activity exactly 2N months ago: amber (quiet), not red.
    assert status(pledge(commitment(last_logged=D(2025, 12, 15)))).status == AMBER
    result = status(pledge(commitment(last_logged=D(2025, 12, 14))))
    assert result.status == RED
    assert result.reasons == (Reason(SILENT),)


def test_red_needs_every_open_commitment_silent():
    facts = pledge(
        commitment(1, last_logged=D(2025, 1, 1)), commitment(2, last_logged=D(2026, 6, 1))
    )
    assert status(facts).status == AMBER
    assert status(facts).reasons == (Reason(QUIET, 1),)


def test_done_dropped_and_carried_over_commitments_need_nothing():
    facts = pledge(
        commitment(1, is_open=False, deadline=D(2026, 1, 31)),
        commitment(2, is_open=False, last_logged=D(2025, 1, 1)),
        made_on=D(2025, 1, 1),
        year_end=YEAR_END,
    )
    assert status(facts).status == GREEN


@pytest.mark.parametrize(
    ("today", "renewed", "expected"),
    [
        (D(2026, 11, 30), False, ()),  # 31 days before the end: not yet due
        (D(2026, 12, 1), False, (Reason(RENEW),)),  # 30 days before: due (amber)
        (D(2026, 12, 31), False, (Reason(RENEW),)),  # the last day
        (D(2026, 12, 1), True, ()),  # a later pledge exists
    ],
)
def test_due_for_renewal_in_the_window(today, renewed, expected):
    facts = pledge(commitment(deadline=D(2027, 1, 31), last_logged=D(2026, 11, 1)), renewed=renewed)
    assert status(facts, today=today).reasons == expected
    assert status(facts, today=today).status == (AMBER if expected else GREEN)


def test_a_pledge_whose_year_ended_without_renewal_lapsed():
    facts = pledge(commitment(deadline=D(2027, 1, 31), last_logged=D(2026, 12, 20)))
    assert status(facts, today=D(2027, 1, 1)).status == RED
    assert status(facts, today=D(2027, 1, 1)).reasons == (Reason(LAPSED),)
    renewed = pledge(commitment(deadline=D(2027, 1, 31), last_logged=D(2026, 12, 20)), renewed=True)
    assert status(renewed, today=D(2027, 1, 1)).status == GREEN


def test_without_renewal_the_annual_report_judges_commitments_only():
    facts = pledge(commitment(deadline=D(2027, 1, 31), last_logged=D(2026, 12, 20)))
    assert status(facts, today=D(2026, 12, 31), renewal=False).status == GREEN
    assert status(facts, today=D(2027, 1, 1), renewal=False).status == GREEN


def test_several_reasons_are_listed_in_commitment_order():
    facts = pledge(
        commitment(2, deadline=D(2026, 5, 1), last_logged=D(2026, 4, 1)),
        commitment(1, last_logged=D(2026, 2, 1)),
        commitment(3, last_logged=D(2026, 6, 10)),
    )
    assert status(facts).reasons == (Reason(QUIET, 1), Reason(OVERDUE, 2))
