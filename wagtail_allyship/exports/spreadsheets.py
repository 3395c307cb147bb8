"""Make exported spreadsheet cells safe to open (CSV and formula injection).

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is read as a formula by spreadsheet
programs, and a leading tab or carriage return can smuggle one in. Free text that allies type
(a role, a name) must never run as a formula on a coordinator's computer, so such a value is
prefixed with an apostrophe, which spreadsheets show as plain text.
"""

from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet program treat a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` made inert if it is text that a spreadsheet would run; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
