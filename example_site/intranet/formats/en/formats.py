"""Dates as a British intranet writes them: 7 December 2026, 07/12/2026, 14:30.

Django's formats for plain ``en`` are American ("Dec. 7, 2026"). The demo's staff write the
day first, so the example intranet points ``FORMAT_MODULE_PATH`` here; a host whose language
code is ``en-gb`` gets Django's own British formats without this.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
