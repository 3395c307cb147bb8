"""Every spreadsheet the admin produces for the package's models is safe: found, not listed.

The URL resolver is walked for every admin view that can export a spreadsheet (Wagtail's
``SpreadsheetExportMixin``) and that belongs to the package or lists one of its models. Each
must export through the package's one neutraliser; each is then exported as CSV with a
formula in every text the data holds, and no cell may start one.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from tests.factories import (
    AllyRegistrationFactory,
    AnnualUpdateFactory,
    CommitmentFactory,
    FeedbackSurveyPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    SurveyResponseFactory,
    UserFactory,
    in_days,
)
from wagtail_allyship.exports.spreadsheets import BYTE_ORDER_MARK, SafeSpreadsheetMixin
from wagtail_allyship.models import UnitKind

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example","Northshire")'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def exporting_views(patterns=None, namespace=""):
    """(URL name, view class, whether it exports) of every admin route that can export."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from exporting_views(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.regex.groupindex:
            view_class = getattr(entry.callback, "view_class", None)
            if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
                continue
            model = (getattr(entry.callback, "view_initkwargs", {}) or {}).get("model")
            model = model or getattr(view_class, "model", None)
            ours = view_class.__module__.startswith("wagtail_allyship") or (
                model is not None and model._meta.app_label == "wagtail_allyship"
            )
            if ours:
                exports = (getattr(entry.callback, "view_initkwargs", {}) or {}).get(
                    "list_export", getattr(view_class, "list_export", None)
                )
                yield f"{namespace}{entry.name}", view_class, bool(exports)


@pytest.fixture
def formulas_everywhere(locales):
    """Data whose every free text is a formula: units, people, updates, resources, surveys."""
    region = OrganisationUnitFactory(name=FORMULA, kind=UnitKind.REGION, contact_name=FORMULA)
    unit = OrganisationUnitFactory(
        name=FORMULA + " police", parent=region, contact_name=FORMULA, contact_email="a@b.org"
    )
    user = UserFactory(first_name=FORMULA, last_name="-1", email="x@example.org")
    AllyRegistrationFactory(user=user, unit=unit, role="@SUM(A1:A9)")
    pledge = PledgeFactory(user=user)
    CommitmentFactory(pledge=pledge, text=FORMULA, deadline=in_days(-3))
    AnnualUpdateFactory(unit=unit, title=FORMULA)
    OrganisationUnitFactory(name="+" + FORMULA + " department", parent=region, contact_name="@me")
    hub = ResourceHubPageFactory()
    ResourcePageFactory(parent=hub, title=FORMULA, owner_unit=unit, review_date=in_days(-30))
    survey = FeedbackSurveyPageFactory(title=FORMULA, slug="survey")
    SurveyResponseFactory(page=survey)


def test_the_walk_finds_the_listings_and_reports():
    names = {name for name, _view, _exports in exporting_views()}
    assert "wagtailsnippets_wagtail_allyship_annualupdate:list" in names
    assert "wagtailsnippets_wagtail_allyship_allyregistration:list" in names
    assert "wagtail_allyship_resources_review" in names
    assert "wagtail_allyship_report_allies" in names


def test_every_exporting_view_uses_the_one_neutraliser():
    unsafe = [
        name
        for name, view_class, _exports in exporting_views()
        if not issubclass(view_class, SafeSpreadsheetMixin)
    ]
    assert unsafe == []


def test_every_csv_export_holds_no_live_formula(admin_client, formulas_everywhere):
    exported = {}
    for name, _view_class, exports in exporting_views():
        if not exports:
            continue  # a listing without export columns offers no download
        response = admin_client.get(reverse(name), {"export": "csv"})
        assert response.status_code == 200, name
        assert response["Content-Type"] == "text/csv; charset=utf-8", name
        data = b"".join(response.streaming_content).decode("utf-8")
        assert data.startswith(BYTE_ORDER_MARK), name
        cells = [cell for row in csv.reader(io.StringIO(data[1:])) for cell in row]
        exported[name] = cells
        live = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
        assert live == [], name
    # The payload went through every export that lists units, people, updates or resources.
    for name in (
        "wagtailsnippets_wagtail_allyship_annualupdate:list",
        "wagtailsnippets_wagtail_allyship_allyregistration:list",
        "wagtail_allyship_resources_review",
        "wagtail_allyship_report_allies",
        "wagtail_allyship_report_missing_updates",
    ):
        assert any("HYPERLINK" in cell for cell in exported[name]), name
    assert "'" + FORMULA in exported["wagtail_allyship_resources_review"]


def test_accents_and_arabic_survive_the_csv(admin_client, locales):
    unit = OrganisationUnitFactory(name="Région › Nord", contact_name="شرطة الشمال")
    AnnualUpdateFactory(unit=unit, title="Mise à jour annuelle")
    response = admin_client.get(
        reverse("wagtailsnippets_wagtail_allyship_annualupdate:list"), {"export": "csv"}
    )
    raw = b"".join(response.streaming_content)
    assert raw.startswith(BYTE_ORDER_MARK.encode("utf-8"))
    assert "Région › Nord" in raw.decode("utf-8")
