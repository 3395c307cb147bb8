"""The shape of every report view of the package: columns and spreadsheet from one list.

A report declares its ``fields`` once; the table's columns, the exported columns and their
headings follow from it. Every cell of an export is neutralised (see
:mod:`wagtail_allyship.exports.spreadsheets`) and every download is written to the audit log
(see :mod:`wagtail_allyship.exports.audit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from django.utils import timezone
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from wagtail_allyship.exports.audit import LoggedExportMixin
from wagtail_allyship.exports.spreadsheets import SafeSpreadsheetMixin


@dataclass(frozen=True)
class ReportField:
    """One column of a report, in its table, its spreadsheet, or both.

    ``column`` replaces the plain :class:`Column` where a field needs another kind (a title
    that links, a date); ``export_label`` is the spreadsheet's heading where it says more than
    the table's.
    """

    name: str
    label: str
    export_label: str | None = None
    sort_key: str | None = None
    accessor: str | None = None
    column: Column | None = None
    in_table: bool = True
    in_export: bool = True

    def table_column(self) -> Column:
        if self.column is not None:
            return self.column
        kwargs = {"label": self.label, "sort_key": self.sort_key}
        if self.accessor:
            kwargs["accessor"] = self.accessor
        return Column(self.name, **kwargs)


class SpreadsheetReportView(LoggedExportMixin, SafeSpreadsheetMixin, ReportView):
    """A Wagtail report whose columns and export come from ``fields``; exports are safe."""

    fields: ClassVar[list[ReportField]] = []
    #: The start of the export's file name; the day's date is added.
    filename_prefix = "allyship-report"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "fields" in cls.__dict__:
            cls.columns = [field.table_column() for field in cls.fields if field.in_table]
            cls.list_export = [field.name for field in cls.fields if field.in_export]
            cls.export_headings = {
                field.name: field.export_label or field.label
                for field in cls.fields
                if field.in_export
            }

    def get_filename(self):
        return f"{self.filename_prefix}-{timezone.localdate().isoformat()}"
