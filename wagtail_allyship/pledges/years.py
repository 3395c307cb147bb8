"""Programme years: which year a date falls in, where a year starts and ends, how it is named.

A programme year may start in any month (``PROGRAMME_YEAR_START_MONTH``). A year is known by
the calendar year in which it *starts*: with an April start, 1 April 2025 to 31 March 2026 is
programme year 2025, shown as "2025–26". Plain functions, no Django: the callers pass the
start month in.
"""

from __future__ import annotations

import datetime


def programme_year(day: datetime.date, start_month: int = 1) -> int:
    """The programme year ``day`` belongs to."""
    return day.year if day.month >= start_month else day.year - 1


def year_start(year: int, start_month: int = 1) -> datetime.date:
    """The first day of programme year ``year``."""
    return datetime.date(year, start_month, 1)


def year_end(year: int, start_month: int = 1) -> datetime.date:
    """The last day of programme year ``year``."""
    return year_start(year + 1, start_month) - datetime.timedelta(days=1)


def year_label(year: int, start_month: int = 1) -> str:
    """How people write the year: "2026" for calendar years, "2025–26" for the others."""
    if start_month == 1:
        return str(year)
    return f"{year}–{(year + 1) % 100:02d}"
