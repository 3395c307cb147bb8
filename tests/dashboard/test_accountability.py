"""Accountability status in the dashboard, on "My allyship" and in the annual report."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AllyRegistrationFactory,
    AnnualReportPageFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    UserFactory,
)
from wagtail_allyship.dashboard.accountability import (
    allies_to_nudge,
    statuses_per_unit,
)
from wagtail_allyship.models import RegistrationStatus, UnitKind
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import compute_figures

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def mid_year():
    """A programme year that started about six months ago: no pledge is due for renewal."""
    start_month = (TODAY.month + 5) % 12 + 1
    with override_settings(
        WAGTAIL_ALLYSHIP={
            "BASE_TEMPLATE": "base.html",
            "RESOURCES_CACHE_SECONDS": 0,
            "PROGRAMME_YEAR_START_MONTH": start_month,
            "ACCOUNTABILITY_MONTHS": 3,
        }
    ):
        yield


def ally(unit, name, status=RegistrationStatus.ACTIVE):
    user = UserFactory(username=name.lower(), first_name=name, last_name="Tester")
    return AllyRegistrationFactory(user=user, unit=unit, status=status).user


def pledge_for(user, made_days_ago=10, year=None, **commitment):
    pledge = PledgeFactory(user=user, programme_year=year or current_programme_year())
    pledge.created_at = timezone.now() - datetime.timedelta(days=made_days_ago)
    pledge.save(update_fields=["created_at"])
    return CommitmentFactory(pledge=pledge, position=1, **commitment)


@pytest.fixture
def programme(locales):
    north = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    essex = OrganisationUnitFactory(name="Essex Police", parent=north)
    kent = OrganisationUnitFactory(name="Kent Police", parent=north)
    south = OrganisationUnitFactory(name="South Force", kind=UnitKind.REGION)
    # Essex: Green logged yesterday; Amber's deadline passed five days ago, nothing since.
    green = pledge_for(ally(essex, "Green"), deadline=days(60))
    CommitmentUpdateFactory(commitment=green, date=days(-1))
    amber = pledge_for(ally(essex, "Amber"), deadline=days(-5))
    CommitmentUpdateFactory(commitment=amber, date=days(-6))
    # Kent: Silent made his pledge 200 days ago (over 2 × 3 months) and never logged.
    pledge_for(ally(kent, "Silent"), made_days_ago=200, deadline=days(60))
    # South: Lapsed has only last year's pledge; Gone left; Nopledge has none.
    pledge_for(ally(south, "Lapsed"), year=current_programme_year() - 1, deadline=days(60))
    pledge_for(ally(south, "Gone", RegistrationStatus.LEFT), made_days_ago=300, deadline=days(1))
    ally(south, "Nopledge")
    return {"north": north, "essex": essex, "kent": kent, "south": south}


def test_counts_per_unit(programme):
    rows = {row.unit: (row.green, row.amber, row.red) for row in statuses_per_unit()}
    assert rows == {"Essex Police": (1, 1, 0), "Kent Police": (0, 0, 1), "South Force": (0, 0, 1)}


def test_who_needs_a_nudge_and_why(programme):
    rows = {row.name: (row.status, row.unit, row.what) for row in allies_to_nudge()}
    assert rows == {
        "Amber Tester": ("Amber", "Essex Police", "1 deadline passed without an update"),
        "Silent Tester": ("Red", "Kent Police", "nothing logged for a long time"),
        "Lapsed Tester": ("Red", "South Force", "pledge lapsed"),
    }


def test_reports_for_coordinators_red_first(programme, coordinator_client):
    response = coordinator_client.get(reverse("wagtail_allyship_report_nudge"))
    assert response.status_code == 200
    names = [row.name for row in response.context["object_list"]]
    assert names[-1] == "Amber Tester" and set(names[:2]) == {"Silent Tester", "Lapsed Tester"}
    assert "Green Tester" not in response.content.decode()
    response = coordinator_client.get(reverse("wagtail_allyship_report_accountability"))
    assert response.status_code == 200
    export = coordinator_client.get(reverse("wagtail_allyship_report_nudge") + "?export=csv")
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Lapsed Tester" in content and "pledge lapsed" in content


def test_the_panel_counts_allies_to_nudge(programme, coordinator_client):
    response = coordinator_client.get(reverse("wagtailadmin_home"))
    assert "3 allies need a nudge" in response.content.decode()


@pytest.mark.parametrize("name", ["nudge", "accountability"])
def test_editors_are_refused(programme, client, name):
    client.force_login(UserFactory(username="editor", permissions=["wagtailadmin.access_admin"]))
    assert client.get(reverse(f"wagtail_allyship_report_{name}")).status_code == 403


def add_allies(unit, first, count):
    for number in range(first, first + count):
        commitment = pledge_for(ally(unit, f"Extra{number}"), deadline=days(-number - 1))
        CommitmentUpdateFactory(commitment=commitment, date=days(-number - 40))


def measure(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_allies(programme, coordinator_client):
    urls = [
        reverse("wagtail_allyship_report_nudge"),
        reverse("wagtail_allyship_report_accountability"),
        reverse("wagtail_allyship_report_nudge") + "?export=csv",
        reverse("wagtailadmin_home"),
    ]
    add_allies(programme["kent"], 0, 3)
    few = {url: measure(coordinator_client, url) for url in urls}
    add_allies(programme["kent"], 3, 30)
    many = {url: measure(coordinator_client, url) for url in urls}
    assert few == many
    assert len(allies_to_nudge()) == 36


class TestMyAllyship:
    @pytest.fixture
    def page(self, db):
        PledgePageFactory(slug="pledge")
        return MyAllyshipPageFactory(slug="my-allyship")

    def test_green_says_thank_you(self, programme, page, client):
        client.force_login(user_named("green"))
        body = client.get(page.url).content.decode()
        assert "allyship-status-green" in body
        assert "To turn it green" not in body

    def test_amber_says_what_would_turn_it_green(self, programme, page, client):
        user = user_named("amber")
        client.force_login(user)
        body = client.get(page.url).content.decode()
        assert "allyship-status-amber" in body
        assert "its deadline has passed without an update" in body
        commitment = user.ally_pledges.get().commitments.get()
        assert f"commitments/{commitment.pk}/progress/" in body

    def test_lapsed_asks_for_a_pledge_this_year(self, programme, page, client):
        client.force_login(user_named("lapsed"))
        body = client.get(page.url).content.decode()
        assert "allyship-status-red" in body and "has lapsed" in body

    def test_no_pledge_no_status(self, programme, page, client):
        client.force_login(user_named("nopledge"))
        assert "allyship-accountability" not in client.get(page.url).content.decode()


def user_named(username):
    return get_user_model().objects.get(username=username)


class TestAnnualReport:
    def test_figures_hold_green_per_unit_and_the_page_per_region(self, programme, client):
        figures = compute_figures(current_programme_year())
        units = {unit["name"]: unit for unit in figures["units"]}
        assert (units["Essex Police"]["pledges_green"], units["Essex Police"]["pledges_rated"]) == (
            1,
            2,
        )
        assert (units["Kent Police"]["pledges_green"], units["Kent Police"]["pledges_rated"]) == (
            0,
            1,
        )
        page = AnnualReportPageFactory(year=current_programme_year())
        client.force_login(UserFactory(username="reader"))
        response = client.get(page.url)
        rows = {
            row["name"]: (row["green"], row["rated"], row["share"])
            for row in response.context["green_by_region"]
        }
        # North: Essex 1 of 2 and Kent 0 of 1; South: the pledge of the ally who left.
        assert rows["North Region"] == (1, 3, 33)
        assert "Pledges kept up to date, by region" in response.content.decode()

    def test_the_share_is_frozen_at_publication(self, programme, client):
        page = AnnualReportPageFactory(year=current_programme_year())
        silent = user_named("silent").ally_pledges.get().commitments.get()
        CommitmentUpdateFactory(commitment=silent, date=TODAY)
        client.force_login(UserFactory(username="reader"))
        rows = {
            row["name"]: row["green"] for row in client.get(page.url).context["green_by_region"]
        }
        assert rows["North Region"] == 1
        live = {
            u["name"]: u["pledges_green"]
            for u in compute_figures(current_programme_year())["units"]
        }
        assert live["Kent Police"] == 1  # the live figures moved; the published report did not

    def test_figures_frozen_before_the_counts_show_no_shares(self, programme, client):
        page = AnnualReportPageFactory(year=current_programme_year())
        for unit in page.figures["units"]:
            del unit["pledges_green"], unit["pledges_rated"]
        page.save()
        client.force_login(UserFactory(username="reader"))
        response = client.get(page.url)
        assert response.status_code == 200
        assert response.context["green_by_region"] == []
