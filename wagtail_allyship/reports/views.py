"""The annual report page's views: the report itself and its figures as a spreadsheet."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext

from wagtail_allyship.exports.spreadsheets import neutralise
from wagtail_allyship.text.collation import sort_key


def report(page, request, *args, **kwargs):
    return page.render(request)


def figures_csv(page, request):
    """The report's figures as a spreadsheet: totals first, then one row per unit."""
    with translation.override(page.locale.language_code):
        figures = page.current_figures()
        names = page.unit_names()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="allyship-report-{page.year}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        totals = figures["totals"]
        labels = [
            ("allies_total", gettext("Allies registered")),
            ("allies_new", gettext("New allies")),
            ("pledges", gettext("Pledges made")),
            ("commitments_done", gettext("Commitments done")),
            ("commitments_in_progress", gettext("Commitments in progress")),
            ("commitments_overdue", gettext("Commitments overdue")),
            ("stories", gettext("Stories published")),
            ("resources", gettext("Resources added")),
        ]
        if "sessions_held" in totals:
            labels += [
                ("sessions_held", gettext("Sessions held")),
                ("session_places", gettext("Places taken at sessions")),
                ("session_attended", gettext("Places attended")),
            ]
        writer.writerow([gettext("Figure"), page.year_label])
        for key, label in labels:
            writer.writerow([label, totals[key]])
        writer.writerow([])
        writer.writerow(
            [
                gettext("Unit"),
                gettext("Region"),
                gettext("Allies registered"),
                gettext("New allies"),
                gettext("Pledges made"),
                gettext("Annual update"),
            ]
        )
        for unit in sorted(
            figures["units"], key=lambda u: sort_key(names.get(u["key"], u["name"]))
        ):
            writer.writerow(
                [
                    neutralise(names.get(unit["key"], unit["name"])),
                    neutralise(names.get(unit["region_key"], unit["region"])),
                    unit["allies_total"],
                    unit["allies_new"],
                    unit["pledges"],
                    gettext("Approved") if unit["submitted"] else gettext("Not submitted"),
                ]
            )
    return response
