"""The anonymous ally survey: answering once, bad input, what is stored, results and export."""

from __future__ import annotations

import csv
import io
import uuid
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AllyRegistrationFactory,
    FeedbackSurveyPageFactory,
    GlossaryPageFactory,
    OrganisationUnitFactory,
    UserFactory,
)
from wagtail_allyship.models import (
    FeedbackSurveyPage,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
)
from wagtail_allyship.survey.admin import csv_rows
from wagtail_allyship.survey.models import respondent_key
from wagtail_allyship.survey.results import survey_results
from wagtail_allyship.survey.tally import Question, Response, tally
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

SCALE_Q = "How confident do you feel calling out sexism?"
CHOICE_Q = "Which activity helped most?"
TEXT_Q = "What should the programme do next?"


@pytest.fixture
def unit(db):
    return OrganisationUnitFactory(name="Essex Police")


@pytest.fixture
def ally(unit):
    return AllyRegistrationFactory(user=UserFactory(username="alex"), unit=unit).user


@pytest.fixture
def ally_client(client, ally):
    client.force_login(ally)
    return client


@pytest.fixture
def page(db):
    return FeedbackSurveyPageFactory(slug="survey", title="Ally survey")


def names(page) -> dict[str, str]:
    """Each question's label and the field name its answer is posted and stored under."""
    return {field.label: field.clean_name for field in page.get_form_fields()}


def answers(page, scale="4", choice="Mentoring", text="") -> dict:
    fields = names(page)
    data = {fields[SCALE_Q]: scale, fields[CHOICE_Q]: choice, fields[TEXT_Q]: text}
    return {name: value for name, value in data.items() if value is not None}


def add_responses(page, unit_key, *values, text="", choice="Mentoring"):
    """One stored response per scale value, as the survey would store it."""
    fields = names(page)
    for value in values:
        SurveyResponse.objects.create(
            page=page,
            form_data={fields[SCALE_Q]: value, fields[CHOICE_Q]: choice, fields[TEXT_Q]: text},
            month="2026-03-01",
            unit_key=unit_key,
        )


def results_url(page, suffix="") -> str:
    return reverse(f"wagtail_allyship_survey_results{suffix}", args=[page.pk])


def csv_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# Answering -----------------------------------------------------------------------------


class TestAnswering:
    def test_login_required(self, client, page):
        response = client.get(page.url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
        assert client.post(page.url, answers(page)).status_code == 302
        assert not SurveyResponse.objects.exists()

    def test_form_is_accessible_and_says_answers_are_anonymous(self, ally_client, page):
        response = ally_client.get(page.url)
        assert response.status_code == 200
        assert response.context["survey_state"] == "open"
        soup = BeautifulSoup(response.content, "html.parser")
        scale = soup.select_one("fieldset.allyship-scale-question")
        assert scale.legend.get_text(strip=True) == SCALE_Q
        radios = scale.select("input[type=radio]")
        assert [radio["value"] for radio in radios] == ["1", "2", "3", "4", "5"]
        first, last = (scale.select_one(f"label[for={r['id']}]") for r in (radios[0], radios[4]))
        assert "not at all" in first.get_text() and "very much" in last.get_text()
        assert f"{scale['id']}_ends" in scale["aria-describedby"]
        text = soup.get_text(" ", strip=True)
        assert "Your answers are anonymous" in text
        assert "groups of 5 people or more" in text
        assert not soup.select("[style]") and not soup.select("script:not([src])")
        assert 'css/survey.css"' in response.content.decode()

    def test_no_empty_aria_describedby(self, ally_client, page):
        """An empty IDREFS list is invalid HTML: the attribute is left out instead."""
        html = ally_client.get(page.url).content.decode()
        assert 'aria-describedby=""' not in html

    def test_promise_follows_the_setting(self, ally_client, page):
        with override_settings(WAGTAIL_ALLYSHIP={"SURVEY_MIN_GROUP_SIZE": 10}):
            html = ally_client.get(page.url).content.decode()
        assert "groups of 10 people or more" in html

    def test_answer_then_thank_you(self, ally_client, page, unit):
        response = ally_client.post(page.url, answers(page, text="More mentoring"))
        assert response.status_code == 200
        assert next(t.name for t in response.templates).endswith("survey_page_landing.html")
        assert "Thank you." in response.content.decode()
        assert "More mentoring" not in response.content.decode()  # not shown back
        stored = SurveyResponse.objects.get()
        fields = names(page)
        assert stored.form_data == {
            fields[SCALE_Q]: 4,
            fields[CHOICE_Q]: "Mentoring",
            fields[TEXT_Q]: "More mentoring",
        }
        assert stored.unit_key == unit.translation_key
        assert SurveyParticipation.objects.count() == 1

    def test_second_visit_says_already_answered(self, ally_client, page):
        ally_client.post(page.url, answers(page))
        response = ally_client.get(page.url)
        assert response.status_code == 200
        assert response.context["survey_state"] == "answered"
        assert "You have already answered this survey" in response.content.decode()
        assert b"<form" not in response.content.split(b"allyship-survey")[-1]

    def test_second_post_is_refused(self, ally_client, page):
        ally_client.post(page.url, answers(page, scale="5"))
        response = ally_client.post(page.url, answers(page, scale="1"))
        assert response.context["survey_state"] == "answered"
        assert SurveyResponse.objects.count() == 1
        assert SurveyResponse.objects.get().form_data[names(page)[SCALE_Q]] == 5

    def test_answer_racing_another_tab_is_refused(self, ally_client, page, ally):
        """Two posts at once: the second finds the participation row and stores nothing."""
        SurveyParticipation.objects.create(
            survey_key=page.translation_key, respondent=respondent_key(page, ally)
        )
        with mock.patch.object(FeedbackSurveyPage, "has_answered", return_value=False):
            response = ally_client.post(page.url, answers(page))
        assert response.context["survey_state"] == "answered"
        assert not SurveyResponse.objects.exists()

    def test_closed_survey_takes_no_answers(self, ally_client, page):
        page.closed = True
        page.save_revision().publish()
        response = ally_client.get(page.url)
        assert response.context["survey_state"] == "closed"
        assert "This survey has closed" in response.content.decode()
        ally_client.post(page.url, answers(page))
        assert not SurveyResponse.objects.exists()
        assert not SurveyParticipation.objects.exists()

    def test_staff_member_without_a_unit_can_answer(self, client, page):
        client.force_login(UserFactory())
        client.post(page.url, answers(page))
        assert SurveyResponse.objects.get().unit_key is None

    def test_checkboxes_are_stored_as_a_list(self, ally_client):
        page = FeedbackSurveyPageFactory(
            questions=[("What got in the way?", "checkboxes", "Time\nWorkload\nNothing")]
        )
        name = names(page)["What got in the way?"]
        ally_client.post(page.url, {name: ["Time", "Workload"]})
        assert SurveyResponse.objects.get().form_data == {name: ["Time", "Workload"]}


class TestBadInput:
    def test_missing_scale_answer(self, ally_client, page):
        response = ally_client.post(page.url, answers(page, scale=None))
        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        question = soup.select_one("fieldset.allyship-scale-question")
        assert "allyship-field-invalid" in question["class"]
        assert "This field is required." in question.select_one(".allyship-errors").get_text()
        summary = soup.select_one(".allyship-error-summary")
        link = summary.select_one("a")
        assert link["href"] == f"#{question['id']}"
        assert SCALE_Q in link.get_text()
        assert "Nothing has been sent yet." in summary.get_text()
        assert not SurveyResponse.objects.exists()
        assert not SurveyParticipation.objects.exists()

    @pytest.mark.parametrize("value", ["9", "0", "3.5", "three"])
    def test_scale_value_outside_one_to_five(self, ally_client, page, value):
        response = ally_client.post(page.url, answers(page, scale=value))
        assert response.status_code == 400
        assert "Select a valid choice." in response.content.decode()
        assert not SurveyResponse.objects.exists()
        assert not SurveyParticipation.objects.exists()

    def test_unknown_choice(self, ally_client, page):
        response = ally_client.post(page.url, answers(page, choice="Free lunch"))
        assert response.status_code == 400
        assert not SurveyResponse.objects.exists()

    def test_drop_down_starts_with_nothing_picked(self, ally_client):
        page = FeedbackSurveyPageFactory(questions=[("Your shift?", "dropdown", "Early\nLate")])
        name = names(page)["Your shift?"]
        soup = BeautifulSoup(ally_client.get(page.url).content, "html.parser")
        first = soup.select_one(f"select[name={name}] option")
        assert first["value"] == "" and first.get_text() == "Choose an answer"
        response = ally_client.post(page.url, {name: ""})
        assert response.status_code == 400
        assert "This field is required." in response.content.decode()
        assert not SurveyResponse.objects.exists()

    def test_after_a_mistake_the_answer_can_still_be_sent(self, ally_client, page):
        ally_client.post(page.url, answers(page, scale="9"))
        assert ally_client.post(page.url, answers(page)).status_code == 200
        assert SurveyResponse.objects.count() == 1


# What is stored ------------------------------------------------------------------------


class TestAnonymity:
    def test_response_table_has_no_column_about_the_person_or_the_time(self):
        fields = {field.name: field for field in SurveyResponse._meta.get_fields()}
        assert set(fields) == {"id", "page", "form_data", "month", "unit_key"}
        user_model = get_user_model()
        for field in fields.values():
            assert getattr(field, "related_model", None) is not user_model
            assert not isinstance(field, models.DateTimeField | models.TimeField)
            assert not isinstance(field, models.GenericIPAddressField)
        assert isinstance(fields["month"], models.DateField)
        assert isinstance(fields["id"], models.UUIDField)  # no counter that gives the order
        assert fields["page"].related_model is FeedbackSurveyPage

    def test_participation_table_keeps_only_a_keyed_hash(self):
        fields = {field.name for field in SurveyParticipation._meta.get_fields()}
        assert fields == {"id", "survey_key", "respondent"}

    def test_stored_values(self, ally_client, page, ally, unit):
        ally_client.post(page.url, answers(page, text="Good so far"))
        row = SurveyResponse.objects.values().get()
        assert set(row) == {"id", "page_id", "form_data", "month", "unit_key"}
        assert isinstance(row["id"], uuid.UUID)
        assert row["month"].day == 1
        assert row["unit_key"] == unit.translation_key
        assert set(row["form_data"]) == set(names(page).values())  # no token, no extras
        stored = repr(row)
        for trace in (ally.username, ally.email, ally.last_name, "127.0.0.1"):
            assert trace not in stored

        participation = SurveyParticipation.objects.values().get()
        assert participation["survey_key"] == page.translation_key
        respondent = participation["respondent"]
        assert respondent == respondent_key(page, ally)
        assert len(respondent) == 64 and int(respondent, 16) >= 0
        assert ally.username not in respondent
        assert str(ally.pk) != respondent and f":{ally.pk}" not in respondent
        assert str(row["id"]) != str(participation["id"])

    def test_the_survey_offers_its_other_languages(self, ally_client, page, locales):
        french = translate(page, locales["fr"], {"Ally survey": "Sondage des alliés"})
        html = ally_client.get(page.url).content.decode()
        switcher = html[html.index('class="allyship-survey-languages"') :]
        switcher = switcher[: switcher.index("</nav>")]
        assert f'href="{french.url}" hreflang="fr"' in switcher
        assert '<span aria-current="page" lang="en">' in switcher

    def test_sent_and_already_answered_are_no_dead_ends(self, ally_client, page):
        sent = ally_client.post(page.url, answers(page)).content.decode()
        again = ally_client.get(page.url).content.decode()
        home = page.get_parent()
        for html in (sent, again):
            way_on = html[html.index('class="allyship-way-on"') :]
            assert f'href="{home.url}"' in way_on[: way_on.index("</nav>")]

    def test_a_survey_in_one_language_shows_no_switcher(self, ally_client, page):
        assert "allyship-survey-languages" not in ally_client.get(page.url).content.decode()

    def test_once_per_person_across_translations(self, ally_client, page, locales):
        french = translate(page, locales["fr"], {"Ally survey": "Sondage des alliés"})
        assert french.translation_key == page.translation_key
        assert french.url.startswith("/fr/")
        assert ally_client.post(page.url, answers(page)).status_code == 200
        response = ally_client.get(french.url)
        assert response.context["survey_state"] == "answered"
        ally_client.post(french.url, answers(french))
        assert SurveyResponse.objects.count() == 1

    def test_french_answer_counts_for_the_english_survey_too(self, client, page, locales):
        french = translate(page, locales["fr"], {"Ally survey": "Sondage des alliés"})
        someone = UserFactory()
        client.force_login(someone)
        client.post(french.url, answers(french))
        assert SurveyResponse.objects.get().page_id == french.pk
        assert page.has_answered(someone)
        assert client.get(page.url).context["survey_state"] == "answered"


# Aggregation ---------------------------------------------------------------------------


class TestTally:
    """The arithmetic, on plain values."""

    questions = [
        Question(0, "Confident?", "scale"),
        Question(1, "Helped?", "radio", ("Mentoring", "Training")),
        Question(2, "Obstacles?", "checkboxes", ("Time", "Workload")),
        Question(3, "Next?", "multiline"),
    ]

    def test_counts_and_mean(self):
        key = uuid.uuid4()
        responses = [
            Response(key, {0: value, 1: choice, 2: ticked, 3: text})
            for value, choice, ticked, text in [
                (1, "Mentoring", ["Time"], "zebra crossing"),
                (2, "Mentoring", ["Time", "Workload"], ""),
                (4, "Training", [], "Apples"),
                (4, "Mentoring", ["Workload"], "  banana "),
                (5, "Training", ["Time"], ""),
                (5, "", [], "apples"),
            ]
        ]
        results = tally(self.questions, responses, [(key, "Essex")], 5)
        scale, choice, ticks, text = results.overall.tallies
        assert [(c.value, c.number) for c in scale.counts] == [
            ("1", 1),
            ("2", 1),
            ("3", 0),
            ("4", 2),
            ("5", 2),
        ]
        assert scale.mean == pytest.approx(3.5) and scale.answered == 6
        assert [(c.value, c.number, c.percent) for c in choice.counts] == [
            ("Mentoring", 3, 60),
            ("Training", 2, 40),
        ]
        assert [(c.value, c.number) for c in ticks.counts] == [("Time", 3), ("Workload", 2)]
        assert ticks.answered == 4
        assert text.answers == ["Apples", "apples", "banana", "zebra crossing"]
        assert text.answered == 4

    def test_values_that_do_not_fit_are_left_out_or_kept_apart(self):
        responses = [
            Response(None, {0: value, 1: choice})
            for value, choice in [(9, "Mentoring"), ("3", "Old option"), (True, None)] * 2
        ]
        results = tally(self.questions, responses, [], 1)
        scale, choice, *_rest = results.overall.tallies
        assert scale.answered == 2 and scale.mean == 3
        assert [c.value for c in choice.counts] == ["Mentoring", "Training", "Old option"]

    def test_unit_with_four_among_ten_is_held_back(self):
        small, other, big, empty = (uuid.uuid4() for _ in range(4))
        responses = (
            [Response(small, {0: 1})] * 4 + [Response(other, {0: 2})] + [Response(big, {0: 5})] * 5
        )
        units = [(big, "Big"), (empty, "Empty"), (other, "Other"), (small, "Small")]
        results = tally(self.questions, responses, units, 5)
        assert not results.overall.suppressed and results.total == 10
        shown = {group.name: not group.suppressed for group in results.units}
        assert shown == {"Big": True, "Empty": False, "Other": False, "Small": False}
        for group in results.units:
            if group.suppressed:
                assert group.tallies == [] and group.tally_for(self.questions[0]) is None
        big_group = results.units[0]
        assert big_group.tally_for(self.questions[0]).mean == 5
        assert big_group.tally_for(self.questions[3]) is None  # no written answers per unit

    def test_a_lone_small_unit_is_not_given_away_by_subtraction(self):
        small, big = uuid.uuid4(), uuid.uuid4()
        responses = [Response(small, {0: 1})] * 4 + [Response(big, {0: 5})] * 6
        results = tally(self.questions, responses, [(big, "Big"), (small, "Small")], 5)
        assert not results.overall.suppressed
        assert all(group.suppressed for group in results.units)

    def test_fewer_than_five_in_all_shows_nothing(self):
        responses = [Response(None, {0: 5, 3: "A thought"})] * 4
        results = tally(self.questions, responses, [], 5)
        assert results.overall.suppressed and results.overall.tallies == []
        assert all(group.suppressed for group in results.units)
        assert all(row.tally is None for s in results.sections for row in s.rows)
        assert all(section.answers == [] for section in results.sections)


class TestSurveyResults:
    def test_six_answers(self, page, unit):
        add_responses(page, unit.translation_key, 1, 2, 4, 4, 5, 5, text="Keep going")
        results = survey_results(page)
        scale = results.overall.tallies[0]
        assert [c.number for c in scale.counts] == [1, 1, 0, 2, 2]
        assert scale.mean == pytest.approx(3.5)
        [essex] = results.units
        assert essex.name == "Essex Police" and essex.size == 6 and not essex.suppressed
        assert essex.tallies[0].counts == scale.counts
        assert results.sections[2].answers == ["Keep going"] * 6

    def test_four_answers_are_held_back(self, page, unit):
        add_responses(page, unit.translation_key, 1, 2, 3, 4, text="Secret")
        results = survey_results(page)
        assert results.overall.suppressed and results.units[0].suppressed
        assert all(section.answers == [] for section in results.sections)

    def test_translations_are_matched_by_position(self, page, unit, locales):
        french = translate(page, locales["fr"], {"Ally survey": "Sondage des alliés"})
        # A translator's own wording: new labels, names and choices in the French survey.
        for question in SurveyQuestion.objects.filter(page=french):
            question.label = f"FR {question.label}"
            question.clean_name = f"fr_{question.sort_order}"
            if question.field_type == "radio":
                question.choices = "Mentorat\nSéances d'écoute\nFormation"
            question.save()
        add_responses(page, unit.translation_key, 5, 5, 5, choice="Training")
        for value in (1, 1, 1):
            SurveyResponse.objects.create(
                page=french,
                form_data={"fr_0": value, "fr_1": "Formation", "fr_2": "Plus de temps"},
                month="2026-03-01",
                unit_key=unit.translation_key,
            )
        results = survey_results(page)
        assert [q.label for q in results.questions] == [SCALE_Q, CHOICE_Q, TEXT_Q]
        scale, choice, text = results.overall.tallies
        assert scale.mean == 3 and scale.answered == 6
        assert [(c.value, c.number) for c in choice.counts] == [
            ("Mentoring", 0),
            ("Listening sessions", 0),
            ("Training", 6),
        ]
        assert text.answers == ["Plus de temps"] * 3
        french_results = survey_results(french)
        assert french_results.questions[0].label == f"FR {SCALE_Q}"
        assert french_results.overall.tallies[1].counts[2].value == "Formation"

    def test_units_are_named_in_the_default_language(self, page, locales):
        essex = OrganisationUnitFactory(name="Essex Police")
        french_essex = translate(essex, locales["fr"], {"Essex Police": "Police de l'Essex"})
        add_responses(page, french_essex.translation_key, 3, 3, 3, 3, 3)
        [group] = survey_results(page).units
        assert group.name == "Essex Police" and group.size == 5

    def test_deleted_units_and_no_unit_are_groups_of_their_own(self, page, unit):
        add_responses(page, uuid.uuid4(), 2, 2)
        add_responses(page, None, 4, 4, 4)
        add_responses(page, unit.translation_key, 1, 1, 1, 1, 1)
        results = survey_results(page)
        assert [(g.name, g.size, g.suppressed) for g in results.units] == [
            ("Essex Police", 5, False),
            ("Units no longer listed", 2, True),
            ("Not registered in a unit", 3, True),
        ]

    def test_minimum_size_is_a_setting(self, page, unit):
        add_responses(page, unit.translation_key, 3, 4)
        with override_settings(WAGTAIL_ALLYSHIP={"SURVEY_MIN_GROUP_SIZE": 2}):
            assert not survey_results(page).overall.suppressed
        assert survey_results(page).overall.suppressed


# The results in the admin --------------------------------------------------------------


@pytest.fixture
def two_units(page):
    """Ten responses: four from Kent (held back with the one from Surrey), five from Essex."""
    essex = OrganisationUnitFactory(name="Essex Police")
    kent = OrganisationUnitFactory(name="Kent Police")
    surrey = OrganisationUnitFactory(name="Surrey Police")
    add_responses(page, essex.translation_key, 4, 4, 5, 5, 2, text="Essex wants more")
    add_responses(page, kent.translation_key, 1, 1, 1, 2, text="Kent is unhappy")
    add_responses(page, surrey.translation_key, 3)
    return {"essex": essex, "kent": kent, "surrey": surrey}


class TestResultsView:
    def test_coordinator_sees_aggregates(self, coordinator_client, page, two_units):
        response = coordinator_client.get(results_url(page))
        assert response.status_code == 200
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        assert SCALE_Q in html and CHOICE_Q in html and TEXT_Q in html
        table = soup.select("table.listing")[0]
        rows = {
            row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row("td")]
            for row in table.tbody("tr")
        }
        assert rows["All respondents"][0] == "10"
        assert rows["All respondents"][-1] == "2.8"  # (4+4+5+5+2+1+1+1+2+3) / 10
        assert rows["Essex Police"][:2] == ["5", "0 (0%)"]
        assert rows["Kent Police"] == ["Fewer than 5 responses: not shown."]
        assert rows["Surrey Police"] == ["Fewer than 5 responses: not shown."]
        answers = [li.get_text(strip=True) for li in soup.select(".allyship-survey-answers li")]
        assert answers == ["Essex wants more"] * 5 + ["Kent is unhappy"] * 4
        assert results_url(page, "_csv") in html

    def test_reports_menu_lists_each_survey_once(self, coordinator_client, page, locales):
        french = translate(page, locales["fr"], {"Ally survey": "Sondage des alliés"})
        add_responses(page, None, 3, 3)
        add_responses(french, None, 4)
        home = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("wagtail_allyship_surveys") in home
        response = coordinator_client.get(reverse("wagtail_allyship_surveys"))
        assert response.status_code == 200
        [row] = response.context["surveys"]
        assert row["page"].pk == page.pk and row["responses"] == 3
        assert len(row["languages"]) == 2
        html = response.content.decode()
        assert results_url(page) in html and "Sondage des alliés" not in html

    def test_superuser_sees_results(self, admin_client, page):
        assert admin_client.get(results_url(page)).status_code == 200

    def test_editor_is_refused(self, client, page, two_units):
        client.force_login(
            UserFactory(permissions=["wagtailadmin.access_admin", "wagtailcore.add_page"])
        )
        for url in (
            results_url(page),
            results_url(page, "_csv"),
            reverse("wagtail_allyship_surveys"),
        ):
            response = client.get(url)
            assert response.status_code == 403
            assert b"Essex wants more" not in response.content
            assert b"Ally survey" not in response.content
        assert "Survey results" not in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_ally_without_admin_access_is_turned_away(self, ally_client, page, two_units):
        for url in (results_url(page), results_url(page, "_csv")):
            response = ally_client.get(url, follow=True)
            assert response.redirect_chain or response.status_code == 403
            assert b"Essex wants more" not in response.content
            assert b"Kent Police" not in response.content

    def test_anonymous_is_sent_to_log_in(self, client, page):
        for url in (results_url(page), results_url(page, "_csv")):
            response = client.get(url)
            assert response.status_code == 302
            assert "login" in response["Location"]

    def test_not_a_survey(self, coordinator_client, page):
        glossary = GlossaryPageFactory()
        for pk in (glossary.pk, 999_999):
            url = reverse("wagtail_allyship_survey_results", args=[pk])
            assert coordinator_client.get(url).status_code == 404
            url = reverse("wagtail_allyship_survey_results_csv", args=[pk])
            assert coordinator_client.get(url).status_code == 404

    def test_button_on_survey_pages_for_coordinators(self, client, page, superuser):
        client.force_login(superuser)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert results_url(page) in edit and "Survey results" in edit
        listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
        assert results_url(page) in listing.content.decode()
        glossary = GlossaryPageFactory()
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[glossary.pk]))
        assert results_url(glossary) not in edit.content.decode()

    def test_no_button_for_editors(self, client, page):
        editor = UserFactory(permissions=["wagtailadmin.access_admin"])
        editor.is_superuser = False
        from wagtail.models import GroupPagePermission

        group = editor.groups.create(name="Page editors")
        GroupPagePermission.objects.create(
            group=group, page=page.get_parent(), permission_type="change"
        )
        client.force_login(editor)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert results_url(page) not in response.content.decode()

    def test_queries_do_not_grow_with_responses_or_units(
        self, coordinator_client, page, unit, django_assert_num_queries
    ):
        add_responses(page, unit.translation_key, 1, 2, 3, 4, 5, 5)
        few = {}
        for suffix in ("", "_csv"):
            coordinator_client.get(results_url(page, suffix))  # fills Wagtail's caches
            with CaptureQueriesContext(connection) as captured:
                assert coordinator_client.get(results_url(page, suffix)).status_code == 200
            few[suffix] = len(captured)
        # The CSV also writes its entry in the audit log (3 queries).
        assert few[""] <= 20 and few["_csv"] <= 15
        for number in range(8):
            other = OrganisationUnitFactory()
            add_responses(page, other.translation_key, *([number % 5 + 1] * (number + 3)))
        add_responses(page, None, 2, 2, 2, 2, 2, 2, text="More")
        for suffix in ("", "_csv"):
            with django_assert_num_queries(few[suffix]):
                assert coordinator_client.get(results_url(page, suffix)).status_code == 200


class TestExport:
    def test_csv_holds_aggregates_only(self, coordinator_client, page, two_units):
        response = coordinator_client.get(results_url(page, "_csv"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
        rows = csv_of(response)
        assert rows[0] == ["Question", "Group", "Responses", "Answer", "Count or mean"]
        assert [SCALE_Q, "All respondents", "10", "1", "3"] in rows
        assert [SCALE_Q, "All respondents", "10", "Mean", "2.8"] in rows
        assert [SCALE_Q, "Essex Police", "5", "5", "2"] in rows
        assert [CHOICE_Q, "Essex Police", "5", "Mentoring", "5"] in rows
        too_small = [SCALE_Q, "Kent Police", "", "Fewer than 5 responses: not shown", ""]
        assert too_small in rows
        assert [TEXT_Q, "All respondents", "10", "Written answers", "9"] in rows
        assert not any(row[1] == "Kent Police" and row[4] for row in rows)
        body = response.content.decode("utf-8-sig")
        assert "Essex wants more" not in body and "Kent is unhappy" not in body

    def test_formulas_are_neutralised(self, coordinator_client):
        page = FeedbackSurveyPageFactory(questions=[("=HYPERLINK(1)", "scale", "")])
        unit = OrganisationUnitFactory(name="=cmd|' /C calc'!A0")
        name = names(page)["=HYPERLINK(1)"]
        for value in (1, 2, 3, 4, 5):
            SurveyResponse.objects.create(
                page=page,
                form_data={name: value},
                month="2026-03-01",
                unit_key=unit.translation_key,
            )
        rows = csv_of(coordinator_client.get(results_url(page, "_csv")))
        cells = [cell for row in rows[1:] for cell in row[:2]]
        assert "'=HYPERLINK(1)" in cells and "'=cmd|' /C calc'!A0" in cells
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    def test_csv_rows_of_a_suppressed_survey(self, page, unit):
        add_responses(page, unit.translation_key, 5, text="Only me")
        rows = csv_rows(survey_results(page))
        assert all(row[4] == "" for row in rows[1:])
        assert "Only me" not in repr(rows)


class TestWagtailFormListing:
    def test_survey_is_not_among_wagtail_forms(self, admin_client, page, unit):
        add_responses(page, unit.translation_key, 1, 2, 3, 4, 5, text="Hidden answer")
        listing = admin_client.get(reverse("wagtailforms:index")).content.decode()
        assert page.title not in listing

    def test_wagtail_submissions_view_refuses_the_survey(self, admin_client, page, unit):
        add_responses(page, unit.translation_key, 1, 2, 3, 4, 5, text="Hidden answer")
        for url in (
            reverse("wagtailforms:list_submissions", args=[page.pk]),
            reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv",
        ):
            response = admin_client.get(url, follow=True)
            # Wagtail answers a refusal with a redirect to the dashboard and a message.
            assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home"), url
            assert "Sorry, you do not have permission" in response.content.decode()
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert b"Hidden answer" not in body
