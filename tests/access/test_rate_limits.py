"""Limits on form submissions: per user, per form and per hour; and the CSRF token on each."""

from __future__ import annotations

import re
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    FeedbackSurveyPageFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    UserFactory,
    in_days,
    pledge_data,
)
from wagtail_allyship.access import rate_limits
from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentUpdate,
    Pledge,
    SurveyParticipation,
    SurveyResponse,
)

pytestmark = pytest.mark.django_db

LIMITED = "You have sent this form too many times this hour, so nothing was saved."

#: An hour boundary, as seconds since the epoch: the fake clock starts ten minutes after it.
HOUR = 1_800_000_000
assert HOUR % rate_limits.WINDOW_SECONDS == 0


def limit_of(number: int):
    return override_settings(
        WAGTAIL_ALLYSHIP={**settings.WAGTAIL_ALLYSHIP, "FORM_SUBMISSIONS_PER_HOUR": number}
    )


@pytest.fixture(autouse=True)
def two_an_hour():
    """Most tests reach the limit quickly; one checks the default of 30."""
    with limit_of(2):
        yield


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """A clock for the counter alone: counts never straddle a real hour's end, and a test can
    move to the next hour."""
    now = SimpleNamespace(value=HOUR + 10 * 60)
    monkeypatch.setattr(rate_limits, "time", SimpleNamespace(time=lambda: now.value))
    return now


@pytest.fixture
def pledge_page():
    return PledgePageFactory(slug="pledge")


@pytest.fixture
def mine(pledge_page):
    return MyAllyshipPageFactory(slug="my-allyship")


@pytest.fixture
def survey():
    return FeedbackSurveyPageFactory(slug="survey", title="Ally survey")


@pytest.fixture
def unit():
    return OrganisationUnitFactory(name="Essex Police")


def make_ally(unit, username: str):
    """A registered ally with a pledge of one commitment."""
    user = UserFactory(username=username)
    AllyRegistrationFactory(user=user, unit=unit)
    CommitmentFactory(pledge=PledgeFactory(user=user), position=1)
    return user


@pytest.fixture
def ally(unit):
    return make_ally(unit, "alex")


@pytest.fixture
def ally_client(client, ally):
    client.force_login(ally)
    return client


def progress_url(mine, user) -> str:
    commitment = Commitment.objects.get(pledge__user=user)
    return f"{mine.url}commitments/{commitment.pk}/progress/"


def progress(note: str = "Met my mentee", status: str = "in_progress") -> dict:
    return {"status": status, "note": note, "date": timezone.localdate().isoformat()}


def new_pledge(text: str = "Mentor a woman colleague", deadline: str | None = None) -> dict:
    deadline = in_days(120).isoformat() if deadline is None else deadline
    commitment = {"kind": "personal", "text": text, "kpi": "Six sessions held"}
    return pledge_data([{**commitment, "deadline": deadline}], visibility="private", consent=False)


def answers(page, scale: str = "4") -> dict:
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    return {
        fields["How confident do you feel calling out sexism?"]: scale,
        fields["Which activity helped most?"]: "Mentoring",
    }


def assert_refused(response, heading: str) -> None:
    """429, the message in the page's own layout, and when to try again."""
    assert response.status_code == 429
    html = response.content.decode()
    assert LIMITED in html
    assert "allyship-submission-limit" in html and 'role="alert"' in html
    assert "<html" in html and heading in html  # the page itself, not a bare text
    assert 0 < int(response["Retry-After"]) <= rate_limits.WINDOW_SECONDS


# Each form at its limit -------------------------------------------------------------------


class TestAtTheLimit:
    def test_sign_up(self, client, pledge_page, unit):
        client.force_login(UserFactory())
        url = pledge_page.url + "sign-up/"
        for _attempt in range(2):  # mistakes count too: they are attempts
            assert client.post(url, {"unit": "", "role": ""}).status_code == 200
        response = client.post(url, {"unit": unit.pk, "role": "Constable"})
        assert_refused(response, "Sign up as an ally")
        assert 'value="Constable"' in response.content.decode()  # what was typed is kept
        assert AllyRegistration.objects.count() == 0

    def test_changing_ones_details(self, ally_client, ally, pledge_page, unit):
        url = pledge_page.url + "sign-up/"
        for role in ("Sergeant", "Inspector"):
            assert ally_client.post(url, {"unit": unit.pk, "role": role}).status_code == 302
        before = AllyRegistration.objects.count()
        response = ally_client.post(url, {"unit": unit.pk, "role": "Chief"})
        assert_refused(response, "Your details")
        assert AllyRegistration.objects.count() == before
        assert AllyRegistration.objects.get(user=ally).role == "Inspector"

    def test_pledge(self, client, pledge_page, unit):
        user = UserFactory()
        AllyRegistrationFactory(user=user, unit=unit)
        client.force_login(user)
        for _attempt in range(2):
            assert client.post(pledge_page.url, new_pledge(deadline="")).status_code == 200
        before = (Pledge.objects.count(), Commitment.objects.count())
        response = client.post(pledge_page.url, new_pledge())
        assert_refused(response, "Make your pledge")
        assert "Mentor a woman colleague" in response.content.decode()
        assert (Pledge.objects.count(), Commitment.objects.count()) == before
        assert not Pledge.objects.filter(user=user).exists()

    def test_progress(self, ally_client, ally, mine):
        url = progress_url(mine, ally)
        assert ally_client.post(url, progress("First")).status_code == 302
        assert ally_client.post(url, progress(status="")).status_code == 200
        before = CommitmentUpdate.objects.count()
        response = ally_client.post(url, progress("Third"))
        assert_refused(response, "Log progress")
        assert CommitmentUpdate.objects.count() == before == 1
        assert Commitment.objects.get(pledge__user=ally).status == "in_progress"

    def test_survey(self, ally_client, survey):
        for _attempt in range(2):
            assert ally_client.post(survey.url, answers(survey, scale="")).status_code == 400
        response = ally_client.post(survey.url, answers(survey))
        assert_refused(response, "Ally survey")
        assert response.context["survey_state"] == "open"
        assert SurveyResponse.objects.count() == 0
        assert SurveyParticipation.objects.count() == 0


# Who and what is counted ------------------------------------------------------------------


class TestCounting:
    def test_under_the_limit_every_submission_is_saved(self, ally_client, ally, mine):
        url = progress_url(mine, ally)
        for note in ("One", "Two"):
            assert ally_client.post(url, progress(note)).status_code == 302
        assert CommitmentUpdate.objects.count() == 2

    def test_the_limit_is_per_user(self, client, ally, unit, mine):
        other = make_ally(unit, "sam")
        client.force_login(ally)
        url = progress_url(mine, ally)
        for _attempt in range(3):
            client.post(url, progress())
        assert client.post(url, progress()).status_code == 429
        client.force_login(other)
        assert client.post(progress_url(mine, other), progress("Mine")).status_code == 302
        assert CommitmentUpdate.objects.filter(commitment__pledge__user=other).count() == 1

    def test_the_limit_is_per_form(self, ally_client, ally, mine, pledge_page, unit, survey):
        url = progress_url(mine, ally)
        for _attempt in range(3):
            ally_client.post(url, progress())
        assert ally_client.post(url, progress()).status_code == 429
        sign_up = {"unit": unit.pk, "role": "Sergeant"}
        assert ally_client.post(pledge_page.url + "sign-up/", sign_up).status_code == 302
        assert ally_client.post(survey.url, answers(survey)).status_code == 200
        assert SurveyResponse.objects.count() == 1

    def test_the_limit_is_per_survey(self, ally_client, survey):
        other = FeedbackSurveyPageFactory(slug="pulse", title="Pulse survey")
        for _attempt in range(3):
            ally_client.post(survey.url, answers(survey, scale=""))
        assert ally_client.post(survey.url, answers(survey)).status_code == 429
        assert ally_client.post(other.url, answers(other)).status_code == 200
        assert SurveyResponse.objects.get().page_id == other.pk

    def test_a_surveys_translations_share_its_count(self, ally_client, survey, locales):
        french = survey.copy_for_translation(locales["fr"], copy_parents=True)
        french.save_revision().publish()
        for _attempt in range(3):
            ally_client.post(survey.url, answers(survey, scale=""))
        response = ally_client.post(french.url, answers(french))
        assert response.status_code == 429
        assert SurveyResponse.objects.count() == 0

    def test_a_get_at_the_limit_shows_the_page(self, ally_client, ally, mine):
        url = progress_url(mine, ally)
        for _attempt in range(3):
            ally_client.post(url, progress())
        response = ally_client.get(url)
        assert response.status_code == 200
        assert LIMITED not in response.content.decode()
        assert "Retry-After" not in response

    def test_gets_are_not_counted(self, ally_client, ally, mine, pledge_page, survey):
        url = progress_url(mine, ally)
        for page_url in (url, pledge_page.url, pledge_page.url + "sign-up/", survey.url):
            for _visit in range(3):
                assert ally_client.get(page_url).status_code == 200
        assert ally_client.post(url, progress()).status_code == 302

    @pytest.mark.parametrize("limit", [1, 3])
    def test_the_setting_is_followed(self, ally_client, ally, mine, limit):
        url = progress_url(mine, ally)
        with limit_of(limit):
            codes = [ally_client.post(url, progress()).status_code for _ in range(limit + 1)]
        assert codes == [302] * limit + [429]
        assert CommitmentUpdate.objects.count() == limit

    def test_the_default_is_thirty_an_hour(self, ally):
        request = RequestFactory().post("/")
        request.user = ally
        with override_settings(WAGTAIL_ALLYSHIP={}):
            assert rate_limits.get_setting("FORM_SUBMISSIONS_PER_HOUR") == 30
            passed = [rate_limits.over_limit(request, "pledge") for _ in range(31)]
        assert passed[:30] == [None] * 30
        assert passed[30].limit == 30

    def test_the_count_starts_again_the_next_hour(self, clock, ally_client, ally, mine):
        url = progress_url(mine, ally)
        for _attempt in range(2):
            assert ally_client.post(url, progress()).status_code == 302
        response = ally_client.post(url, progress())
        assert response.status_code == 429
        assert response["Retry-After"] == "3000"
        assert "You can send it again in 50 minutes." in response.content.decode()
        clock.value = HOUR + rate_limits.WINDOW_SECONDS - 1
        assert ally_client.post(url, progress()).status_code == 429
        clock.value = HOUR + rate_limits.WINDOW_SECONDS
        assert ally_client.post(url, progress("A new hour")).status_code == 302
        assert CommitmentUpdate.objects.count() == 3

    def test_the_survey_can_be_answered_the_next_hour(self, clock, ally_client, survey):
        for _attempt in range(3):
            ally_client.post(survey.url, answers(survey, scale=""))
        assert ally_client.post(survey.url, answers(survey)).status_code == 429
        clock.value += rate_limits.WINDOW_SECONDS
        assert ally_client.post(survey.url, answers(survey)).status_code == 200
        assert SurveyResponse.objects.count() == 1

    def test_anonymous_visitors_are_sent_to_log_in_and_not_counted(
        self, client, pledge_page, mine, ally, survey
    ):
        for url in (pledge_page.url, pledge_page.url + "sign-up/", survey.url):
            response = client.post(url, {})
            assert response.status_code == 302 and "/login/" in response["Location"]
        request = RequestFactory().post("/")
        request.user = AnonymousUser()
        assert rate_limits.over_limit(request, "survey") is None

    def test_a_cache_that_cannot_be_reached_lets_submissions_through(self, ally, caplog):
        request = RequestFactory().post("/")
        request.user = ally
        with mock.patch.object(rate_limits.cache, "add", side_effect=ConnectionError):
            assert rate_limits.over_limit(request, "progress") is None
        assert "Could not count a submission of the progress form" in caplog.text

    def test_an_unknown_form_is_a_programming_error(self, ally):
        request = RequestFactory().post("/")
        request.user = ally
        with pytest.raises(ValueError, match="Unknown form 'comments'"):
            rate_limits.over_limit(request, "comments")

    def test_a_key_that_expires_between_add_and_incr_starts_again(self, ally):
        with (
            mock.patch.object(rate_limits.cache, "add", side_effect=[False, True]),
            mock.patch.object(rate_limits.cache, "incr", side_effect=ValueError),
        ):
            count, left = rate_limits.count_submission("pledge", ally.pk, now=HOUR + 60)
        assert (count, left) == (1, rate_limits.WINDOW_SECONDS - 60)


class TestMessage:
    @pytest.mark.parametrize(
        ("seconds", "wait"), [(1, "1 minute."), (60, "1 minute."), (61, "2 minutes.")]
    )
    def test_says_how_long_to_wait(self, seconds, wait):
        limit = rate_limits.SubmissionLimit(form="pledge", limit=2, retry_after=seconds)
        assert limit.message.endswith(f"You can send it again in {wait}")


# CSRF ---------------------------------------------------------------------------------


def csrf_token(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class TestCsrf:
    """Each form refuses a POST without the token (403, nothing saved) and takes one with it."""

    @pytest.fixture
    def csrf_client(self, ally):
        client = Client(enforce_csrf_checks=True)
        client.force_login(ally)
        return client

    def check(self, client, url: str, data: dict, rows, saved_status: int) -> None:
        before = rows()
        assert client.post(url, data).status_code == 403
        assert rows() == before
        response = client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(client, url)})
        assert response.status_code == saved_status
        assert rows() != before

    def test_sign_up(self, csrf_client, pledge_page, unit):
        csrf_client.force_login(UserFactory())
        data = {"unit": unit.pk, "role": "Constable"}
        self.check(
            csrf_client, pledge_page.url + "sign-up/", data, AllyRegistration.objects.count, 302
        )

    def test_pledge(self, csrf_client, ally, pledge_page):
        Pledge.objects.filter(user=ally).update(programme_year=2000)  # last year's, kept
        rows = Pledge.objects.count
        self.check(csrf_client, pledge_page.url, new_pledge(), rows, 302)

    def test_progress(self, csrf_client, ally, mine):
        url = progress_url(mine, ally)
        self.check(csrf_client, url, progress(), CommitmentUpdate.objects.count, 302)

    def test_survey(self, csrf_client, survey):
        self.check(csrf_client, survey.url, answers(survey), SurveyResponse.objects.count, 200)

    def test_a_refused_token_is_not_counted(self, csrf_client, ally, mine):
        url = progress_url(mine, ally)
        for _attempt in range(5):
            assert csrf_client.post(url, progress()).status_code == 403
        data = {**progress(), "csrfmiddlewaretoken": csrf_token(csrf_client, url)}
        assert csrf_client.post(url, data).status_code == 302
