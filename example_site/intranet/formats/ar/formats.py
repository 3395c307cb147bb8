"""Dates in Arabic as the intranet's Arabic pages write them: 7 ديسمبر 2026، 14:30.

Django's Arabic locale sets no date-and-time format, so without this a time reads in the
American order ("ديسمبر 7, 2026, 2:30 م").
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
