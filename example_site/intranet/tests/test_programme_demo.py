"""The demo shows a programme in its third year: figures read from the database it loaded."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale

from intranet import demo_programme
from wagtail_allyship.models import (
    AllyRegistration,
    AnnualReportPage,
    AnnualUpdate,
    Commitment,
    CommitmentStatus,
    CommitmentUpdate,
    OrganisationUnit,
    Pledge,
    RegistrationStatus,
    SurveyResponse,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import year_range

pytestmark = pytest.mark.django_db

YEAR = current_programme_year()
YEARS = [YEAR - 2, YEAR - 1, YEAR]


def test_units_form_a_tree_of_at_least_twelve(demo_content):
    units = OrganisationUnit.objects.filter(locale=Locale.get_default())
    assert units.count() >= 12
    roots = units.filter(parent=None)
    assert roots.count() == 1
    depths = {unit.pk: len(unit.get_ancestors()) for unit in units}
    assert max(depths.values()) == 2  # national team > region > force


def test_three_hundred_allies_joined_over_three_years(demo_content):
    generated = AllyRegistration.objects.filter(
        user__username__startswith=demo_programme.USERNAME.split("{")[0]
    )
    assert generated.count() == demo_programme.ALLY_COUNT >= 300
    for year in YEARS:
        start, end = year_range(year)
        joined = generated.filter(joined_on__gte=start, joined_on__lte=end).count()
        assert joined >= 60, (year, joined)
    left = generated.filter(status=RegistrationStatus.LEFT)
    assert left.count() >= 10
    assert not left.filter(left_on=None).exists()
    assert all(reg.left_on >= reg.joined_on for reg in left)
    # Spread over every force.
    forces = OrganisationUnit.objects.filter(kind="force", locale=Locale.get_default())
    assert set(generated.values_list("unit", flat=True)) == set(forces.values_list("pk", flat=True))


def test_pledges_progress_and_renewals(demo_content):
    per_year = [Pledge.objects.filter(programme_year=year).count() for year in YEARS]
    assert all(count >= 60 for count in per_year), per_year
    assert per_year == sorted(per_year)  # the programme grows
    renewals = Pledge.objects.exclude(renewed_from=None).select_related("renewed_from")
    assert renewals.count() >= 50
    for pledge in renewals[:50]:
        assert pledge.renewed_from.user_id == pledge.user_id
        assert pledge.renewed_from.programme_year == pledge.programme_year - 1
    carried = Commitment.objects.exclude(carried_over_from=None).select_related(
        "carried_over_from__pledge", "pledge"
    )
    assert carried.count() >= 20
    for commitment in carried[:20]:
        assert commitment.text == commitment.carried_over_from.text
        assert commitment.carried_over_from.pledge.user_id == commitment.pledge.user_id
    statuses = set(Commitment.objects.values_list("status", flat=True))
    assert statuses == set(CommitmentStatus.values)
    assert CommitmentUpdate.objects.filter(status=CommitmentStatus.DONE).count() >= 100
    assert not Commitment.objects.filter(position__gt=3).exists()


def test_updates_from_most_units_for_three_years(demo_content):
    forces = OrganisationUnit.objects.filter(kind="force", locale=Locale.get_default()).count()
    for year in YEARS:
        units = AnnualUpdate.objects.filter(year=year).values("unit").distinct().count()
        assert units > forces / 2, (year, units)


def test_a_published_report_for_each_year_in_three_languages(demo_content):
    for year in YEARS:
        reports = AnnualReportPage.objects.filter(year=year, live=True)
        assert set(reports.values_list("locale__language_code", flat=True)) == {"en", "fr", "ar"}
        totals = reports.get(locale__language_code="en").current_figures()["totals"]
        assert totals["allies_total"] >= 60 and totals["pledges"] >= 60
        assert totals["commitments_done"] > 0
    last = AnnualReportPage.objects.get(year=YEAR, locale__language_code="en")
    assert last.current_figures()["totals"]["allies_total"] >= 250


def test_reports_show_their_figures(demo_content):
    client = Client()
    client.force_login(get_user_model().objects.get(username="ally"))
    for code in ("en", "fr", "ar"):
        report = AnnualReportPage.objects.get(year=YEAR - 1, locale__language_code=code)
        response = client.get(report.url)
        assert response.status_code == 200
        totals = report.current_figures()["totals"]
        assert str(totals["allies_total"]) in response.content.decode()


def test_survey_has_enough_answers_to_show_results(demo_content):
    assert SurveyResponse.objects.count() >= 100


def test_generator_is_seeded():
    """Two runs of the generator build the same people and the same pledges."""
    units = [OrganisationUnit(pk=number, name=f"Unit {number}") for number in range(1, 10)]

    today = datetime.date(2026, 12, 7)
    first = demo_programme.Generator(units, today).build()
    second = demo_programme.Generator(units, today).build()

    def key(data):
        return (
            [(u.username, u.first_name, u.last_name) for u in data.users],
            [(r.unit.pk, r.joined_on, r.status) for r in data.registrations],
            [(a, p.programme_year, r) for a, p, r in data.pledges],
            [(p, c.text, c.status, c.deadline) for p, c, _c in data.commitments],
        )

    assert key(first) == key(second)
    assert len(first.users) == demo_programme.ALLY_COUNT
