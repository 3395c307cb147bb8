"""Date rules of the calendar: plain functions, no database.

The leap-day rule under test: 29 February is a valid yearly date, observed on 28 February in
years without a 29th (the same as RRULE ``BYMONTH=2;BYMONTHDAY=-1`` in the iCalendar feed).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from wagtail_allyship.calendar import recurrence
from wagtail_allyship.calendar.recurrence import Occurrence

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


class TestMonthDay:
    @pytest.mark.parametrize(
        ("month", "day", "valid"),
        [
            (2, 29, True),
            (2, 30, False),
            (2, 31, False),
            (4, 31, False),
            (4, 30, True),
            (12, 31, True),
            (13, 1, False),
            (0, 1, False),
            (1, 0, False),
            (None, 1, False),
            (1, None, False),
        ],
    )
    def test_validity(self, month, day, valid):
        assert recurrence.is_valid_month_day(month, day) is valid


class TestLeapDay:
    def test_observed_on_the_29th_in_leap_years(self):
        assert recurrence.observed_date(2028, 2, 29) == date(2028, 2, 29)

    def test_observed_on_the_28th_in_other_years(self):
        assert recurrence.observed_date(2027, 2, 29) == date(2027, 2, 28)
        assert recurrence.observed_date(2100, 2, 29) == date(2100, 2, 28)  # not a leap year

    def test_shows_every_year(self):
        found = recurrence.yearly_occurrences(
            2, 29, None, None, date(2026, 1, 1), date(2029, 12, 31)
        )
        assert [o.start for o in found] == [
            date(2026, 2, 28),
            date(2027, 2, 28),
            date(2028, 2, 29),
            date(2029, 2, 28),
        ]

    def test_range_ending_on_a_leap_day(self):
        assert recurrence.yearly_occurrence(2027, 2, 20, 2, 29) == Occurrence(
            date(2027, 2, 20), date(2027, 2, 28)
        )
        assert recurrence.yearly_occurrence(2028, 2, 20, 2, 29).end == date(2028, 2, 29)


class TestRanges:
    def test_single_day(self):
        occurrence = recurrence.yearly_occurrence(2026, 3, 8)
        assert occurrence == Occurrence(date(2026, 3, 8), date(2026, 3, 8))
        assert occurrence.days == 1

    def test_range_in_one_year(self):
        occurrence = recurrence.yearly_occurrence(2026, 11, 25, 12, 10)
        assert occurrence == Occurrence(date(2026, 11, 25), date(2026, 12, 10))
        assert occurrence.days == 16

    def test_range_crossing_the_year_end(self):
        assert recurrence.crosses_year_end(12, 20, 1, 5)
        assert not recurrence.crosses_year_end(11, 25, 12, 10)
        occurrence = recurrence.yearly_occurrence(2026, 12, 20, 1, 5)
        assert occurrence == Occurrence(date(2026, 12, 20), date(2027, 1, 5))

    def test_running_range_is_found_after_new_year(self):
        """On 2 January the range that began on 20 December is still on."""
        found = recurrence.yearly_occurrences(12, 20, 1, 5, date(2027, 1, 2), date(2027, 12, 31))
        assert found == [
            Occurrence(date(2026, 12, 20), date(2027, 1, 5)),
            Occurrence(date(2027, 12, 20), date(2028, 1, 5)),
        ]

    def test_next_occurrence(self):
        assert recurrence.next_yearly_occurrence(3, 8, None, None, date(2026, 3, 8)).start == date(
            2026, 3, 8
        )
        assert recurrence.next_yearly_occurrence(3, 8, None, None, date(2026, 3, 9)).start == date(
            2027, 3, 8
        )
        running = recurrence.next_yearly_occurrence(12, 20, 1, 5, date(2027, 1, 3))
        assert running.start == date(2026, 12, 20)

    def test_window_edges_are_included(self):
        first, last = date(2026, 3, 8), date(2026, 3, 8)
        assert recurrence.yearly_occurrences(3, 8, None, None, first, last)
        assert not recurrence.yearly_occurrences(3, 9, None, None, first, last)


class TestMonths:
    def test_add_months_crosses_years(self):
        assert recurrence.add_months(date(2026, 11, 15), 2) == date(2027, 1, 1)
        assert recurrence.add_months(date(2026, 1, 31), -1) == date(2025, 12, 1)

    def test_twelve_months_ahead(self):
        assert recurrence.months_ahead(date(2026, 3, 15)) == (date(2026, 3, 15), date(2027, 2, 28))
        assert recurrence.months_ahead(date(2027, 3, 1)) == (date(2027, 3, 1), date(2028, 2, 29))

    def test_group_by_month(self):
        days = [date(2027, 1, 5), date(2026, 12, 31), date(2026, 12, 1), date(2027, 1, 1)]
        assert recurrence.group_by_month(days, key=lambda d: d) == [
            (date(2026, 12, 1), [date(2026, 12, 1), date(2026, 12, 31)]),
            (date(2027, 1, 1), [date(2027, 1, 1), date(2027, 1, 5)]),
        ]


class TestTimeZones:
    def test_known_and_unknown_zones(self):
        assert recurrence.get_time_zone("Europe/London") == LONDON
        assert recurrence.get_time_zone("Mars/Olympus") is None
        assert recurrence.get_time_zone("") is None
        assert recurrence.get_time_zone("../etc/passwd") is None

    def test_summer_and_winter_offsets(self):
        winter = recurrence.event_times(date(2026, 1, 15), time(18), None, time(19), LONDON)
        summer = recurrence.event_times(date(2026, 7, 15), time(18), None, time(19), LONDON)
        assert winter.start_utc == datetime(2026, 1, 15, 18, tzinfo=UTC)
        assert summer.start_utc == datetime(2026, 7, 15, 17, tzinfo=UTC)

    def test_time_skipped_by_the_clocks_going_forward(self):
        # 29 March 2026: the UK goes from 01:00 straight to 02:00.
        assert not recurrence.time_exists(date(2026, 3, 29), time(1, 30), LONDON)
        assert recurrence.time_exists(date(2026, 3, 29), time(2, 30), LONDON)
        with pytest.raises(recurrence.NonExistentTimeError):
            recurrence.event_times(date(2026, 3, 29), time(1, 30), None, None, LONDON)

    def test_time_that_happens_twice_means_the_first(self):
        # 25 October 2026: 01:30 happens in BST, then again in GMT.
        times = recurrence.event_times(date(2026, 10, 25), time(1, 30), None, None, LONDON)
        assert times.start_utc == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)

    def test_event_across_a_dst_change_keeps_wall_clock_times(self):
        # New York changes on 8 March 2026; a meeting from Saturday 09:00 to Sunday 09:00.
        times = recurrence.event_times(
            date(2026, 3, 7), time(9), date(2026, 3, 8), time(9), NEW_YORK
        )
        assert (times.end_utc - times.start_utc).total_seconds() == 23 * 3600

    def test_same_instant_in_two_zones(self):
        london = recurrence.event_times(date(2026, 6, 1), time(14), None, None, LONDON)
        new_york = recurrence.event_times(date(2026, 6, 1), time(9), None, None, NEW_YORK)
        assert london.start_utc == new_york.start_utc


class TestEventTimes:
    def test_all_day_event_over_several_days(self):
        times = recurrence.event_times(date(2025, 3, 10), None, date(2025, 3, 21), None, LONDON)
        assert times.all_day
        assert times.first_day == date(2025, 3, 10)
        assert times.last_day == date(2025, 3, 21)
        assert times.end == datetime(2025, 3, 22, tzinfo=LONDON)

    def test_event_without_end_ends_when_it_starts(self):
        times = recurrence.event_times(date(2026, 5, 1), time(10), None, None, LONDON)
        assert times.start == times.end
        assert times.last_day == date(2026, 5, 1)

    def test_end_before_start(self):
        with pytest.raises(recurrence.EndBeforeStartError):
            recurrence.event_times(date(2026, 5, 2), None, date(2026, 5, 1), None, LONDON)
        with pytest.raises(recurrence.EndBeforeStartError):
            recurrence.event_times(date(2026, 5, 1), time(10), None, time(9), LONDON)

    def test_later_end_day_needs_an_end_time(self):
        with pytest.raises(recurrence.MissingEndTimeError):
            recurrence.event_times(date(2026, 5, 1), time(10), date(2026, 5, 2), None, LONDON)
