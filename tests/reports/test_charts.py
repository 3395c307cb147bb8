"""The report's charts: right to left where the page is, and no run of empty years."""

from __future__ import annotations

import pytest

from wagtail_allyship.reports import charts


def test_a_mirrored_bar_chart_grows_from_the_right():
    chart = charts.horizontal_bars("Allies", "", [("Northshire", 10), ("Southvale", 5)])
    flipped = charts.mirrored(chart)
    for before, after in zip(chart.bars, flipped.bars, strict=True):
        # The bar ends where it used to start, measured from the other side.
        assert after.x + after.width == pytest.approx(chart.width - before.x)
        assert after.width == before.width and after.y == before.y
        assert after.label_x == pytest.approx(chart.width - before.label_x)
        assert (before.label_anchor, after.label_anchor) == ("end", "start")
        assert (before.value_anchor, after.value_anchor) == ("start", "end")
    assert flipped.bars[0].x < flipped.bars[1].x, "the longer bar reaches further left"


def test_a_mirrored_column_chart_reads_from_the_right():
    chart = charts.columns("Years", "", [("2024", 1), ("2025", 2), ("2026", 3)])
    flipped = charts.mirrored(chart)
    assert [bar.label for bar in flipped.bars] == ["2024", "2025", "2026"]
    assert flipped.bars[0].x > flipped.bars[-1].x, "the first year is the rightmost"
    # Mirroring twice gives the chart back.
    assert charts.mirrored(flipped).bars == chart.bars


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("2022", 0), ("2023", 0), ("2024", 3), ("2025", 0)], ["2024", "2025"]),
        ([("2024", 1), ("2025", 2)], ["2024", "2025"]),
        ([("2024", 0), ("2025", 0)], ["2025"]),
        ([], []),
    ],
)
def test_years_before_the_first_ally_are_left_out(rows, expected):
    assert [label for label, _value in charts.without_leading_empty(rows)] == expected
