"""The example intranet's survey: in every language of the site, with its answers counted once."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape

from intranet import demo_survey
from wagtail_allyship.models import FeedbackSurveyPage, SurveyResponse
from wagtail_allyship.survey.results import survey_results

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


@pytest.fixture
def ally_client():
    client = Client()
    client.force_login(get_user_model().objects.get(username="ally"))
    return client


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_survey_is_translated_and_published(demo_content, ally_client, code):
    strings = demo_survey.STRINGS[code]
    page = FeedbackSurveyPage.objects.get(slug="ally-survey", locale__language_code=code)
    assert page.live and page.title == strings["Ally survey"]
    response = ally_client.get(f"/{code}/ally-survey/")
    assert response.status_code == 200
    html = response.content.decode()
    for question in (demo_survey.CONFIDENCE, demo_survey.HELPED, demo_survey.OBSTACLES):
        assert escape(strings[question]) in html
        assert escape(question) not in html
    for choice in strings[demo_survey.QUESTIONS[2][2]].split("\n"):
        assert escape(choice) in html
    assert strings[demo_survey.INTRODUCTION].split(". ")[1] in html  # a sentence of it
    # The language switcher offers the other languages' surveys.
    assert 'href="/ally-survey/"' in html
    other = "ar" if code == "fr" else "fr"
    assert f'href="/{other}/ally-survey/"' in html


def test_results_count_the_answers_of_every_language_together(demo_content):
    english = FeedbackSurveyPage.objects.get(slug="ally-survey", locale__language_code="en")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))
    # The French questions keep the English field names, so a French answer counts too.
    assert [q.clean_name for q in french.get_form_fields()] == [
        q.clean_name for q in english.get_form_fields()
    ]
    helped = english.get_form_fields()[2]

    def mentoring() -> int:
        question = survey_results(english).questions[2]
        tally = survey_results(english).overall.tally_for(question)
        return next(count.number for count in tally.counts if count.value == "Mentoring")

    before_total, before_mentoring = survey_results(english).total, mentoring()
    french_choice = demo_survey.STRINGS["fr"][demo_survey.QUESTIONS[2][2]].split("\n")[0]
    SurveyResponse.objects.create(
        page=french,
        form_data={helped.clean_name: french_choice},
        month=timezone.localdate().replace(day=1),
    )
    assert survey_results(english).total == before_total + 1
    assert mentoring() == before_mentoring + 1, "the French answer counts as 'Mentoring'"
