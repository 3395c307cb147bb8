"""What coordinators and superusers see of feedback: counts, never the text of an answer.

The text of an answer not agreed for the wall is looked for in every route of the admin and
the APIs (the URL resolver is walked, as in ``tests/access/test_personal_data.py``) and on
every page and export the package serves, as a coordinator and as a superuser.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse
from django.utils import timezone

from tests.access.test_personal_data import requests_for, walk
from tests.factories import (
    AllyRegistrationFactory,
    AnnualReportPageFactory,
    CommitmentFactory,
    FeedbackRequestFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    PledgeWallPageFactory,
    UserFactory,
    answered,
)
from wagtail_allyship.feedback.models import FeedbackBlock, FeedbackRequest, FeedbackState
from wagtail_allyship.models import Visibility
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import compute_figures

pytestmark = pytest.mark.django_db

SECRET = "marker-feedback-secret"
YEAR = current_programme_year()


@pytest.fixture
def feedback(locales):
    """In Essex: an answer kept private, one on the wall, a decline, a report, a block."""
    essex = OrganisationUnitFactory(name="Essex Police")
    ally = AllyRegistrationFactory(
        unit=essex, user=UserFactory(username="alan", first_name="Alan", last_name="Ally")
    ).user
    pledge = PledgeFactory(user=ally, visibility=Visibility.PUBLISHED)
    commitment = CommitmentFactory(pledge=pledge)
    private = answered(
        FeedbackRequestFactory(ally=ally), text=SECRET, commitment=commitment, writer_agrees=False
    )
    answered(
        FeedbackRequestFactory(ally=ally),
        text="Shown with both agreeing",
        writer_agrees=True,
        ally_agrees=True,
    )
    FeedbackRequestFactory(ally=ally, state=FeedbackState.DECLINED)
    reported = FeedbackRequestFactory(ally=ally, state=FeedbackState.REPORTED)
    FeedbackRequestFactory(ally=ally, programme_year=YEAR - 1)
    block = FeedbackBlock.objects.create(person=reported.colleague, ally=ally)
    PledgePageFactory(slug="pledge")
    PledgeWallPageFactory(slug="wall")
    mine = MyAllyshipPageFactory(slug="mine")
    report = AnnualReportPageFactory(slug="report", year=YEAR)
    return {
        "private": private,
        "block": block,
        "pledge": pledge,
        "mine": mine,
        "report": report,
        "ally": ally,
    }


def test_counts_per_unit_and_year(feedback, coordinator_client):
    response = coordinator_client.get(reverse("wagtail_allyship_report_feedback"))
    assert response.status_code == 200
    rows = {
        (row.unit, row.programme_year): (
            row.asked,
            row.answered,
            row.declined,
            row.reported,
            row.on_wall,
        )
        for row in response.context["object_list"]
    }
    assert rows == {
        ("Essex Police", YEAR): (4, 2, 1, 1, 1),
        ("Essex Police", YEAR - 1): (1, 0, 0, 0, 0),
    }
    assert SECRET not in response.content.decode()


def test_the_panel_says_a_report_was_made(feedback, coordinator_client):
    body = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 feedback request reported as unwanted this year" in body


def test_editors_are_refused_the_report(feedback, client):
    client.force_login(UserFactory(username="ed", permissions=["wagtailadmin.access_admin"]))
    assert client.get(reverse("wagtail_allyship_report_feedback")).status_code == 403


def test_annual_report_figures_count_feedback(feedback):
    figures = compute_figures(YEAR)
    assert (figures["totals"]["feedback_asked"], figures["totals"]["feedback_answered"]) == (4, 2)
    essex = next(unit for unit in figures["units"] if unit["name"] == "Essex Police")
    assert (essex["feedback_asked"], essex["feedback_answered"]) == (4, 2)


def package_urls(feedback) -> list[str]:
    mine, pledge, private = feedback["mine"], feedback["pledge"], feedback["private"]
    report = feedback["report"]
    reports = [
        "allies",
        "overdue_commitments",
        "missing_updates",
        "survey_responses",
        "accountability",
        "nudge",
        "feedback",
    ]
    return [
        "/wall/",
        f"/wall/{pledge.pk}/",
        mine.url,
        mine.url + "my-data/",
        mine.url + f"feedback/{private.pk}/",
        mine.url + "feedback/ask/",
        report.url,
        report.url + "figures.csv",
        reverse("wagtailsnippets_wagtail_allyship_allyregistration:list") + "?export=csv",
        reverse("wagtailadmin_home"),
        *(reverse(f"wagtail_allyship_report_{name}") for name in reports),
        *(reverse(f"wagtail_allyship_report_{name}") + "?export=xlsx" for name in reports),
        *(reverse(f"wagtail_allyship_report_{name}") + "?export=csv" for name in reports),
    ]


def content(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8", errors="replace")


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_nobody_else_reads_an_answer_not_agreed_for_the_wall(feedback, who, request):
    client = Client(raise_request_exception=False)
    client.force_login(request.getfixturevalue(who))
    personal = {
        "wagtail_allyship.feedbackrequest": feedback["private"],
        "wagtail_allyship.feedbackblock": feedback["block"],
    }
    leaks, unguarded, failures, seen = [], [], [], 0
    for name, route, arguments in walk(get_resolver().url_patterns):
        if not (route.startswith(("admin/", "api/")) or "allyship" in name):
            continue
        for url, label in requests_for(name, arguments, personal):
            response = client.get(url)
            seen += 1
            if response.status_code >= 500:
                failures.append(url)
            if SECRET in content(response):
                leaks.append(url)
            if label is not None and response.status_code != 403:
                unguarded.append((url, response.status_code))
    for url in package_urls(feedback):
        response = client.get(url)
        seen += 1
        if response.status_code >= 500:
            failures.append(url)
        if SECRET in content(response):
            leaks.append(url)
    assert seen > 200, "the walk should reach Wagtail's, wagtail-localize's and our routes"
    assert (leaks, unguarded, failures) == ([], [], [])
    # The snippet views of feedback exist and are refused even to a superuser.
    listing = "/admin/snippets/wagtail_allyship/feedbackrequest/"
    assert client.get(listing).status_code in (403, 404)
    assert FeedbackRequest.objects.filter(text=SECRET).exists()


def add_answers(ally, colleague_for_wall, count):
    users = UserFactory.create_batch(count)
    FeedbackRequest.objects.bulk_create(
        [
            FeedbackRequest(
                ally=ally,
                colleague=user,
                programme_year=YEAR,
                expires_at=feedback_expiry(),
                state=FeedbackState.ANSWERED,
                text=f"Example {user.pk}",
                writer_agrees=True,
                ally_agrees=True,
            )
            for user in users
        ]
    )
    FeedbackRequest.objects.bulk_create(
        [
            FeedbackRequest(
                ally=user,
                colleague=colleague_for_wall,
                programme_year=YEAR,
                expires_at=feedback_expiry(),
            )
            for user in users
        ]
    )


def feedback_expiry():
    return timezone.now() + datetime.timedelta(days=10)


def measure(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_my_allyship_and_the_wall_at_10_and_500_answers(feedback, client):
    ally, mine, pledge = feedback["ally"], feedback["mine"], feedback["pledge"]
    client.force_login(ally)
    urls = [mine.url, "/wall/", f"/wall/{pledge.pk}/"]
    add_answers(ally, ally, 10)
    few = {url: measure(client, url) for url in urls}
    add_answers(ally, ally, 490)
    many = {url: measure(client, url) for url in urls}
    assert few == many, (few, many)
    body = client.get(mine.url).content.decode()
    assert body.count('allyship-feedback-answer"') == 502
    wall = client.get("/wall/").content.decode()
    assert "And 499 more" in wall  # a card shows two of the 501 answers on the wall
