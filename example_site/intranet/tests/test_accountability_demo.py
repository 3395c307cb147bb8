"""The example intranet's accountability content: updates, reports, local editors and survey.

One test, because loading the demo intranet is the slowest fixture of the suite.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from intranet import demo_reports, demo_survey
from wagtail_allyship.models import (
    AnnualReportPage,
    AnnualUpdate,
    FeedbackSurveyPage,
    OrganisationUnit,
    SurveyQuestion,
    SurveyResponse,
    UnitEditorGroup,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.survey.results import survey_results
from wagtail_allyship.units.admin import policy as unit_policy
from wagtail_allyship.units.rights import editable_unit_keys

pytestmark = pytest.mark.django_db

YEAR = current_programme_year()


def test_demo_accountability_content(demo_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("allyship_demo", stdout=StringIO())  # a second run adds nothing
    users = get_user_model().objects

    # Annual updates, reports and the local editors of Northshire.
    assert AnnualUpdate.objects.count() == len(demo_reports.UPDATES)
    approved = AnnualUpdate.objects.filter(status="approved")
    assert [approved.filter(year=YEAR - ago).count() for ago in (2, 1, 0)] == [8, 8, 5]
    assert UnitEditorGroup.objects.count() == 1
    reports = AnnualReportPage.objects.filter(locale__language_code="en")
    assert sorted(reports.values_list("year", flat=True)) == [YEAR - 2, YEAR - 1, YEAR]
    assert AnnualReportPage.objects.count() == 9  # English, French and Arabic
    northshire = OrganisationUnit.objects.get(name="Northshire Police", locale=Locale.get_default())
    assert approved.filter(year=YEAR, unit=northshire).exists()
    local_editor = users.get(username="local-editor")
    assert editable_unit_keys(local_editor) == {northshire.translation_key}
    southvale = OrganisationUnit.objects.get(name="Southvale Police", locale=Locale.get_default())
    assert unit_policy.user_has_permission_for_instance(local_editor, "change", northshire)
    assert not unit_policy.user_has_permission_for_instance(local_editor, "change", southvale)
    ally = Client()
    ally.force_login(users.get(username="ally"))
    this_year = reports.get(year=YEAR)
    response = ally.get(this_year.url)
    assert response.status_code == 200
    assert "Reverse mentoring for the chief officer team" in response.content.decode()
    # Units without an approved update this year: two submitted, one draft, one silent.
    assert sorted(response.context["missing_units"]) == [
        "Ashcombe Police",
        "Kestrel Downs Police",
        "Riverford Police",
        "Southvale Police",
    ]
    arabic = ally.get(this_year.get_translation(Locale.objects.get(language_code="ar")).url)
    assert arabic.status_code == 200
    assert "شرطة نورثشاير" in arabic.content.decode()

    # The survey: its questions and answers once, results with small units held back.
    # The survey is in English, French and Arabic (translations of one page).
    page = FeedbackSurveyPage.objects.get(slug="ally-survey", locale__language_code="en")
    assert page.live
    assert FeedbackSurveyPage.objects.filter(slug="ally-survey").count() == 3
    assert page.get_translations().count() == 2
    assert SurveyQuestion.objects.filter(page=page).count() == len(demo_survey.QUESTIONS)
    assert SurveyResponse.objects.count() == len(demo_survey.RESPONSES) + demo_survey.GENERATED
    results = survey_results(page)
    assert not results.overall.suppressed
    shown = {group.name: not group.suppressed for group in results.units}
    assert shown["Northshire Police"] is True
    assert all(shown[name] for name in demo_survey.GENERATED_UNITS)
    assert shown["Southvale Police"] is False and shown["National Allyship Team"] is False
    assert shown["Riverford Police"] is False
    assert not OrganisationUnit.objects.filter(name="Units no longer listed").exists()
    coordinator = Client()
    coordinator.force_login(users.get(username="coordinator"))
    url = reverse("wagtail_allyship_survey_results", args=[page.pk])
    assert coordinator.get(url).status_code == 200
