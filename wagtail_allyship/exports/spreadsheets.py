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


#: Starts a CSV file so that spreadsheet programs read it as UTF-8 ("é", "›" and Arabic).
BYTE_ORDER_MARK = "\ufeff"

#: The Content-Type of every CSV file the package writes.
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


class SafeSpreadsheetMixin:
    """Wagtail's spreadsheet export (``SpreadsheetExportMixin``), made safe to open.

    Every cell and heading is neutralised, in CSV and in XLSX (where Wagtail already writes
    cells as text, but a file saved on as CSV would run them), and a CSV file is declared and
    marked as UTF-8. Every listing and report of the package's models exports through it.
    """

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV_CONTENT_TYPE
        return response


def flat_rows(data: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every leaf of nested JSON-ready ``data`` as ``(path, value)``, in order.

    A person's "My data" export is nested (pledges hold commitments, which hold progress); a
    spreadsheet wants rows. Each row names where its value sits, e.g.
    ``pledges.1.commitments.2.deadline``, counting from 1 as people do.
    """
    if isinstance(data, dict):
        rows: list[tuple[str, Any]] = []
        for key, value in data.items():
            rows += flat_rows(value, f"{path}.{key}" if path else str(key))
        return rows
    if isinstance(data, list | tuple):
        rows = []
        for number, value in enumerate(data, start=1):
            rows += flat_rows(value, f"{path}.{number}" if path else str(number))
        return rows or [(path, "")]
    return [(path, data)]


def csv_text(header: list[str], rows: list[tuple[str, Any]], render=str) -> str:
    """A UTF-8 CSV document (with its byte order mark) of neutralised cells."""
    import csv
    import io

    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(render(cell)) for cell in row])
    return out.getvalue()
