"""Feedback an ally asks for: every rule, every refusal, the wall, "My allyship", "My data"."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    FeedbackRequestFactory,
    MyAllyshipPageFactory,
    PledgeFactory,
    PledgePageFactory,
    PledgeWallPageFactory,
    UserFactory,
    answered,
)
from wagtail_allyship.feedback import rules
from wagtail_allyship.models import FeedbackBlock, FeedbackRequest, FeedbackState, Visibility
from wagtail_allyship.privacy.retention import apply_retention

pytestmark = pytest.mark.django_db

SETTINGS = {"BASE_TEMPLATE": "base.html", "RESOURCES_CACHE_SECONDS": 0}


@pytest.fixture
def pages(db):
    PledgePageFactory(slug="pledge")
    PledgeWallPageFactory(slug="wall")
    return MyAllyshipPageFactory(slug="mine")


@pytest.fixture
def ally(db):
    user = UserFactory(username="alan", first_name="Alan", last_name="Ally", email="alan@ex.org")
    AllyRegistrationFactory(user=user)
    return user


@pytest.fixture
def beth(db):
    return UserFactory(username="beth", first_name="Beth", last_name="Colleague", email="b@ex.org")


@pytest.fixture
def cara(db):
    return UserFactory(username="cara", first_name="Cara", last_name="Colleague")


def login(client, user):
    client.force_login(user)
    return client


def ask_url(pages):
    return pages.url + "feedback/ask/"


def answer_url(pages, request):
    return pages.url + f"feedback/{request.pk}/"


def make_link(client, pages) -> str:
    response = client.post(ask_url(pages), {"action": "link"})
    assert response.status_code == 200
    link = response.context["link"]
    return link.split("testserver", 1)[1]


class TestAsking:
    def test_ask_a_named_colleague(self, client, pages, ally, beth):
        response = login(client, ally).post(
            ask_url(pages), {"action": "colleague", "colleague": "B@EX.ORG"}
        )
        assert response.status_code == 302
        request = FeedbackRequest.objects.get()
        assert (request.ally, request.colleague, request.state) == (ally, beth, "pending")
        assert request.token_hash is None

    def test_unknown_or_inactive_colleague_is_a_form_error(self, client, pages, ally, beth):
        beth.is_active = False
        beth.save()
        response = login(client, ally).post(
            ask_url(pages), {"action": "colleague", "colleague": "beth"}
        )
        assert response.status_code == 200
        assert "No colleague of this site" in response.content.decode()
        assert not FeedbackRequest.objects.exists()

    def test_no_self_invite(self, client, pages, ally):
        response = login(client, ally).post(
            ask_url(pages), {"action": "colleague", "colleague": "alan"}
        )
        assert response.status_code == 400
        assert "You cannot ask yourself" in response.content.decode()
        assert not FeedbackRequest.objects.exists()

    def test_same_colleague_not_twice_a_year(self, client, pages, ally, beth):
        login(client, ally)
        client.post(ask_url(pages), {"action": "colleague", "colleague": "beth"})
        FeedbackRequest.objects.update(state=FeedbackState.DECLINED)
        response = client.post(ask_url(pages), {"action": "colleague", "colleague": "beth"})
        assert response.status_code == 400
        assert "already asked this colleague" in response.content.decode()
        assert FeedbackRequest.objects.count() == 1

    def test_last_years_request_does_not_count(self, ally, beth):
        FeedbackRequestFactory(ally=ally, colleague=beth, programme_year=2001)
        assert rules.ask_colleague(ally, beth).colleague == beth

    def test_blocked_ally_is_refused(self, client, pages, ally, beth):
        FeedbackBlock.objects.create(person=beth, ally=ally)
        response = login(client, ally).post(
            ask_url(pages), {"action": "colleague", "colleague": "beth"}
        )
        assert response.status_code == 400
        assert "does not take feedback requests from you" in response.content.decode()
        assert not FeedbackRequest.objects.exists()

    @override_settings(WAGTAIL_ALLYSHIP={**SETTINGS, "FEEDBACK_REQUESTS_PER_MONTH": 2})
    def test_monthly_limit_counts_links_and_names(self, client, pages, ally, beth, cara):
        login(client, ally)
        make_link(client, pages)
        client.post(ask_url(pages), {"action": "colleague", "colleague": "beth"})
        response = client.post(ask_url(pages), {"action": "colleague", "colleague": "cara"})
        assert response.status_code == 400
        assert "the most allowed" in response.content.decode()
        assert client.post(ask_url(pages), {"action": "link"}).status_code == 400
        assert FeedbackRequest.objects.count() == 2

    @override_settings(WAGTAIL_ALLYSHIP={**SETTINGS, "FEEDBACK_REQUESTS_PER_MONTH": 1})
    def test_last_months_requests_do_not_count(self, ally, beth):
        old = FeedbackRequestFactory(ally=ally, colleague=UserFactory())
        old.created_at = rules.month_start() - datetime.timedelta(seconds=1)
        old.save()
        assert rules.ask_colleague(ally, beth)

    def test_only_allies_ask(self, client, pages, beth, cara):
        response = login(client, cara).post(
            ask_url(pages), {"action": "colleague", "colleague": "beth"}
        )
        assert response.status_code == 400
        assert "Sign up as an ally" in response.content.decode()

    def test_anonymous_is_sent_to_log_in(self, client, pages):
        assert client.get(ask_url(pages)).status_code == 302
        assert client.post(ask_url(pages), {"action": "link"}).status_code == 302
        assert not FeedbackRequest.objects.exists()

    def test_the_link_secret_is_not_stored(self, client, pages, ally):
        path = make_link(client if login(client, ally) else None, pages)
        token = path.rstrip("/").rsplit("/", 1)[1]
        request = FeedbackRequest.objects.get()
        assert token not in request.token_hash and len(request.token_hash) == 64


class TestAnswering:
    @pytest.fixture
    def commitment(self, ally):
        return CommitmentFactory(pledge=PledgeFactory(user=ally), text="Sponsor two colleagues")

    def test_named_colleague_answers_with_commitment_and_consent(
        self, client, pages, ally, beth, commitment
    ):
        request = FeedbackRequestFactory(ally=ally, colleague=beth)
        login(client, beth)
        page = client.get(answer_url(pages, request))
        assert page.status_code == 200 and "Sponsor two colleagues" in page.content.decode()
        response = client.post(
            answer_url(pages, request),
            {
                "action": "answer",
                "text": "He made sure my work was credited.",
                "commitment": commitment.pk,
                "writer_agrees": "on",
            },
        )
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.state == FeedbackState.ANSWERED
        assert (request.commitment, request.writer_agrees, request.ally_agrees) == (
            commitment,
            True,
            False,
        )

    def test_empty_answer_is_an_error_and_changes_nothing(self, client, pages, ally, beth):
        request = FeedbackRequestFactory(ally=ally, colleague=beth)
        response = login(client, beth).post(
            answer_url(pages, request), {"action": "answer", "text": "   "}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["text"]
        assert "allyship-field-invalid" in response.content.decode()
        request.refresh_from_db()
        assert request.state == FeedbackState.PENDING

    def test_another_allys_commitment_is_refused(self, client, pages, ally, beth):
        request = FeedbackRequestFactory(ally=ally, colleague=beth)
        other = CommitmentFactory()
        response = login(client, beth).post(
            answer_url(pages, request),
            {"action": "answer", "text": "Fine", "commitment": other.pk},
        )
        assert response.status_code == 200
        request.refresh_from_db()
        assert request.state == FeedbackState.PENDING

    @pytest.mark.parametrize("who", ["ally", "cara", "coordinator", "superuser"])
    def test_not_the_person_asked(self, client, pages, ally, beth, cara, who, request):
        feedback = FeedbackRequestFactory(ally=ally, colleague=beth)
        user = {"ally": ally, "cara": cara}.get(who) or request.getfixturevalue(who)
        login(client, user)
        assert client.get(answer_url(pages, feedback)).status_code == 404
        response = client.post(answer_url(pages, feedback), {"action": "answer", "text": "x"})
        assert response.status_code == 404
        feedback.refresh_from_db()
        assert feedback.state == FeedbackState.PENDING

    def test_link_answered_once(self, client, pages, ally, beth, cara):
        path = make_link(login(client, ally), pages)
        login(client, beth)
        assert client.post(path, {"action": "answer", "text": "Great support."}).status_code == 302
        request = FeedbackRequest.objects.get()
        assert (request.colleague, request.state) == (beth, FeedbackState.ANSWERED)
        login(client, cara)
        used = client.post(path, {"action": "answer", "text": "Me too."})
        assert used.status_code == 410
        assert "A link works once" in used.content.decode()
        login(client, beth)
        assert client.get(path).status_code == 410
        request.refresh_from_db()
        assert request.text == "Great support."

    def test_expired(self, client, pages, ally, beth):
        request = FeedbackRequestFactory(
            ally=ally, colleague=beth, expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        response = login(client, beth).post(
            answer_url(pages, request), {"action": "answer", "text": "Late"}
        )
        assert response.status_code == 410
        assert "expired" in response.content.decode()
        request.refresh_from_db()
        assert request.state == FeedbackState.PENDING and request.text == ""

    @override_settings(WAGTAIL_ALLYSHIP={**SETTINGS, "FEEDBACK_LINK_DAYS": 3})
    def test_expiry_follows_the_setting(self, ally, beth):
        request = rules.ask_colleague(ally, beth)
        lifetime = request.expires_at - request.created_at
        assert abs(lifetime - datetime.timedelta(days=3)) < datetime.timedelta(seconds=5)

    def test_the_ally_cannot_answer_his_own_link(self, client, pages, ally):
        path = make_link(login(client, ally), pages)
        response = client.post(path, {"action": "answer", "text": "I am great."})
        assert response.status_code == 403
        assert FeedbackRequest.objects.get().state == FeedbackState.PENDING

    def test_a_link_to_someone_already_asked_this_year(self, client, pages, ally, beth):
        FeedbackRequestFactory(ally=ally, colleague=beth, state=FeedbackState.DECLINED)
        path = make_link(login(client, ally), pages)
        response = login(client, beth).post(path, {"action": "answer", "text": "Again"})
        assert response.status_code == 410
        assert FeedbackRequest.objects.filter(colleague__isnull=True).count() == 1

    def test_an_invalid_link_is_404(self, client, pages, beth):
        login(client, beth)
        assert client.get(pages.url + "feedback/link/not-a-token/").status_code == 404
        assert client.get(pages.url + "feedback/link/" + "x" * 150 + "/").status_code == 404

    def test_decline(self, client, pages, ally, beth):
        request = FeedbackRequestFactory(ally=ally, colleague=beth)
        login(client, beth).post(answer_url(pages, request), {"action": "decline"})
        request.refresh_from_db()
        assert request.state == FeedbackState.DECLINED and request.text == ""
        assert client.get(answer_url(pages, request)).status_code == 410

    def test_report_as_unwanted(self, client, pages, ally, beth):
        request = FeedbackRequestFactory(ally=ally, colleague=beth)
        login(client, beth).post(answer_url(pages, request), {"action": "report"})
        request.refresh_from_db()
        assert request.state == FeedbackState.REPORTED
        # The ally reads it as a decline.
        mine = login(Client(), ally).get(pages.url).content.decode()
        assert "1 declined" in mine and "unwanted" not in mine

    def test_block(self, client, pages, ally, beth):
        request = FeedbackRequestFactory(ally=ally, colleague=beth, programme_year=2001)
        login(client, beth).post(answer_url(pages, request), {"action": "block"})
        request.refresh_from_db()
        assert request.state == FeedbackState.DECLINED
        assert FeedbackBlock.objects.filter(person=beth, ally=ally).exists()
        with pytest.raises(rules.FeedbackRefused):
            rules.ask_colleague(ally, beth)


class TestShowing:
    @pytest.fixture
    def answer(self, ally, beth):
        PledgeFactory(user=ally, visibility=Visibility.PUBLISHED)
        return answered(
            FeedbackRequestFactory(ally=ally, colleague=beth),
            text="He championed my promotion case.",
            writer_agrees=True,
        )

    def wall(self, client, pages, user):
        return login(client, user).get("/wall/").content.decode()

    def test_shown_only_when_both_agree(self, client, pages, ally, beth, cara, answer):
        assert "championed" not in self.wall(client, pages, cara)
        response = login(client, ally).post(
            pages.url + f"feedback/{answer.pk}/show/", {"agrees": "1"}
        )
        assert response.status_code == 302
        assert "championed" in self.wall(client, pages, cara)
        pledge = ally.ally_pledges.get()
        assert "championed" in client.get(f"/wall/{pledge.pk}/").content.decode()
        # The writer withdraws: gone from the wall.
        login(client, beth).post(pages.url + f"feedback/{answer.pk}/my-answer/", {"agrees": "0"})
        assert "championed" not in self.wall(client, pages, cara)

    def test_ally_cannot_show_what_the_writer_keeps_private(self, client, pages, ally, answer):
        answer.writer_agrees = False
        answer.save()
        login(client, ally).post(pages.url + f"feedback/{answer.pk}/show/", {"agrees": "1"})
        assert "championed" not in self.wall(client, pages, UserFactory())

    def test_only_the_ally_and_the_writer_change_consent(self, client, pages, cara, answer):
        login(client, cara)
        assert (
            client.post(pages.url + f"feedback/{answer.pk}/show/", {"agrees": "1"}).status_code
            == 404
        )
        assert (
            client.post(pages.url + f"feedback/{answer.pk}/my-answer/", {"agrees": "0"}).status_code
            == 404
        )
        assert client.get(pages.url + f"feedback/{answer.pk}/show/").status_code == 405

    def test_ally_sees_every_answer_on_my_allyship(self, client, pages, ally, answer):
        private = answered(FeedbackRequestFactory(ally=ally), text="Kept between us.")
        body = login(client, ally).get(pages.url).content.decode()
        assert "championed" in body and private.text in body
        assert "For you only" in body

    def test_colleague_sees_requests_and_answers_on_my_allyship(
        self, client, pages, ally, beth, answer
    ):
        FeedbackRequestFactory(
            ally=UserFactory(first_name="Dev", last_name="Other"), colleague=beth
        )
        body = login(client, beth).get(pages.url).content.decode()
        assert "Dev Other asks for your feedback" in body
        assert "championed" in body  # the answer she gave


class TestPersonalData:
    def test_my_data_holds_what_was_received_and_given(self, client, pages, ally, beth):
        answered(FeedbackRequestFactory(ally=ally, colleague=beth), text="Given by Beth")
        FeedbackRequestFactory(ally=beth, colleague=ally, state=FeedbackState.REPORTED)
        FeedbackBlock.objects.create(person=ally, ally=beth)
        data = json.loads(b"".join([login(client, ally).get(pages.url + "my-data/").content]))
        assert data["feedback_asked_for"][0]["example"] == "Given by Beth"
        assert data["feedback_given"][0]["asked_by"] == "Beth Colleague"
        assert data["feedback_blocked_allies"] == ["Beth Colleague"]
        beths = json.loads(login(client, beth).get(pages.url + "my-data/").content)
        # Beth reported Alan's... no: Beth asked Alan, who reported it; Beth reads a decline.
        assert beths["feedback_asked_for"][0]["state"] == FeedbackState.DECLINED
        assert beths["feedback_given"][0]["example"] == "Given by Beth"

    def test_deleting_the_writer_deletes_what_she_wrote(self, ally, beth):
        answered(FeedbackRequestFactory(ally=ally, colleague=beth))
        FeedbackBlock.objects.create(person=beth, ally=ally)
        beth.delete()
        assert not FeedbackRequest.objects.exists() and not FeedbackBlock.objects.exists()

    def test_deleting_the_ally_deletes_what_he_received(self, ally, beth):
        answered(FeedbackRequestFactory(ally=ally, colleague=beth))
        FeedbackRequestFactory(ally=beth, colleague=ally)
        ally.delete()
        assert not FeedbackRequest.objects.exists()

    def test_retention_removes_the_feedback_of_allies_who_left(self, ally, beth):
        registration = ally.ally_registration
        registration.status = "left"
        registration.left_on = datetime.date(2000, 1, 1)
        registration.save()
        answered(FeedbackRequestFactory(ally=ally, colleague=beth))
        kept = FeedbackRequestFactory(ally=beth, colleague=UserFactory())
        plan = apply_retention()
        assert plan.feedback == 1
        assert list(FeedbackRequest.objects.all()) == [kept]
