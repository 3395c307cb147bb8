"""Record every download of programme data in Wagtail's audit log.

Each export (the ally registry, a coordinator report, a survey's results) adds one entry
with the action :data:`EXPORT_ACTION`: who downloaded it and when (Wagtail's own fields),
what, in which format, how many rows and under which filters (the entry's ``data``). The
filters are recorded as the labels and values of the listing's filter fields, never as the
raw URL.

An export concerns a whole kind of record rather than one object, so the entry is logged
against the content type of the model it was read from. Wagtail shows entries about content
types to superusers only: the people exporting cannot browse or tidy their own trail.
What was exported and the filters are written in the site's main language
(``LANGUAGE_CODE``) so that the log reads the same whoever downloaded the file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms import ModelChoiceField
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import LogFormatter, log

#: The audit-log action of every export.
EXPORT_ACTION = "wagtail_allyship.export"

#: How each export format is named in the log.
FORMAT_NAMES = {"csv": "CSV", "xlsx": "XLSX"}


class ExportFormatter(LogFormatter):
    """'Exported “Ally registry” as CSV (12 rows). Filters: Status: Active.'"""

    label = gettext_lazy("Export programme data")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        try:
            title = data["title"]
            export_format = FORMAT_NAMES.get(data["format"], str(data["format"]).upper())
            rows = int(data["rows"])
            filters = [(str(name), str(value)) for name, value in data.get("filters") or []]
        except (KeyError, TypeError, ValueError):
            return _("Exported programme data")
        message = ngettext(
            "Exported “%(title)s” as %(format)s (%(rows)d row).",
            "Exported “%(title)s” as %(format)s (%(rows)d rows).",
            rows,
        ) % {"title": title, "format": export_format, "rows": rows}
        if filters:
            described = "; ".join(
                _("%(filter)s: %(value)s") % {"filter": name, "value": value}
                for name, value in filters
            )
            filtered = _("Filters: %(filters)s.") % {"filters": described}
        else:
            filtered = _("No filters.")
        return f"{message} {filtered}"


def register_export_log_action(actions) -> None:
    actions.register_action(EXPORT_ACTION)(ExportFormatter)


# Describing the filters ---------------------------------------------------------------


def _display_date(value) -> str:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date().isoformat()
    return value.isoformat()


def display_value(value, choices: Iterable | None = None) -> str:
    """A filter's cleaned value as text: choice labels, names of objects, ISO dates."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, slice):
        start = _display_date(value.start) if value.start else "…"
        stop = _display_date(value.stop) if value.stop else "…"
        return f"{start} – {stop}"
    if isinstance(value, datetime.date):
        return _display_date(value)
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return ", ".join(display_value(item, choices) for item in value)
    if choices:
        labels = {str(key): label for key, label in choices if not isinstance(label, list | tuple)}
        if str(value) in labels:
            return str(labels[str(value)])
    return str(value)


def describe_filters(filterset) -> list[list[str]]:
    """``[label, value]`` of each filter in force on a listing, in the filter form's order.

    An invalid filter form filters nothing (Wagtail then lists everything), so it describes
    no filter either.
    """
    if filterset is None or not filterset.is_valid():
        return []
    form = filterset.form
    described = []
    for name in form.changed_data:
        value = form.cleaned_data.get(name)
        if value in (None, "", [], ()) or (
            isinstance(value, slice) and value.start is None and value.stop is None
        ):
            continue
        field = form.fields[name]
        label = filterset.filters[name].label or field.label or name
        # Objects name themselves; listing a model field's choices would cost a query.
        choices = None if isinstance(field, ModelChoiceField) else getattr(field, "choices", None)
        described.append([str(label), display_value(value, choices)])
    return described


# Logging ------------------------------------------------------------------------------


def log_export(
    user,
    *,
    model: type[models.Model],
    title,
    export_format: str,
    rows: int,
    filters: Sequence[Sequence[str]] = (),
    extra: dict | None = None,
):
    """Add one audit-log entry for a download of ``rows`` rows read from ``model``.

    ``title`` names what was exported (a lazy string is written in the site's language);
    ``filters`` are ``(label, value)`` pairs; ``extra`` adds keys to the entry's data.
    """
    with translation.override(settings.LANGUAGE_CODE):
        title = str(title)
        filters = [[str(name), str(value)] for name, value in filters]
    data = {
        **(extra or {}),
        "title": title,
        "format": export_format,
        "rows": rows,
        "filters": filters,
    }
    return log(
        ContentType.objects.get_for_model(model),
        EXPORT_ACTION,
        user=user,
        title=title,
        data=data,
    )


class LoggedExportMixin:
    """For Wagtail listings with ``list_export``: log each spreadsheet that is downloaded.

    Permission checks run before the listing is built, so a refused request never gets
    here. The entry is written once the file's response exists, before it streams.
    """

    #: The model the exported rows are read from; the listing's model by default.
    export_log_model: type[models.Model] | None = None
    #: What the log calls the export; the listing's title by default.
    export_log_title = ""

    def get_export_log_title(self):
        return self.export_log_title or self.get_page_title()

    def get_export_log_filters(self) -> list[list[str]]:
        with translation.override(settings.LANGUAGE_CODE):
            filters = describe_filters(getattr(self, "filters", None))
            if getattr(self, "is_searching", False):
                filters.append([_("Search"), self.search_query])
        return filters

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        if response is not None:
            rows = queryset.count() if isinstance(queryset, models.QuerySet) else len(queryset)
            log_export(
                self.request.user,
                model=self.export_log_model or self.model,
                title=self.get_export_log_title(),
                export_format=spreadsheet_format,
                rows=rows,
                filters=self.get_export_log_filters(),
            )
        return response
