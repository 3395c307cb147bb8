"""The coordinator dashboard: the four reports, their exports, who sees them, the home panel."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import (
    AllyRegistrationFactory,
    AnnualUpdateFactory,
    CommitmentFactory,
    FeedbackSurveyPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    UserFactory,
    in_days,
)
from wagtail_allyship.dashboard.figures import headline_figures
from wagtail_allyship.dashboard.views import (
    AlliesPerUnitView,
    MissingAnnualUpdatesView,
    OverdueCommitmentsView,
    ReminderEmailsView,
    SurveyResponsesView,
)
from wagtail_allyship.models import (
    AnnualUpdateStatus,
    CommitmentStatus,
    DeliveryKind,
    DeliveryStatus,
    RegistrationStatus,
    ReminderDelivery,
    SurveyResponse,
    UnitKind,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import year_range
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

REPORTS = {
    "allies": AlliesPerUnitView,
    "overdue_commitments": OverdueCommitmentsView,
    "missing_updates": MissingAnnualUpdatesView,
    "survey_responses": SurveyResponsesView,
    "reminder_emails": ReminderEmailsView,
}


def report_url(name: str, results: bool = False) -> str:
    suffix = "_results" if results else ""
    return reverse(f"wagtail_allyship_report_{name}{suffix}")


def rows(response) -> list:
    return list(response.context["object_list"])


def by_unit(response) -> dict:
    return {row.unit: row for row in rows(response)}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def coordinator(db):
    group = Group.objects.create(name="Programme coordinators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="view_allyregistration"),
    )
    user = UserFactory(username="coordinator")
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(username="editor", permissions=["wagtailadmin.access_admin"]))
    return client


def this_year(day: int = 0) -> datetime.date:
    """A day of the current programme year that has already come."""
    start, _end = year_range(current_programme_year())
    return max(start, timezone.localdate() - datetime.timedelta(days=day))


def last_year() -> datetime.date:
    start, _end = year_range(current_programme_year() - 1)
    return start + datetime.timedelta(days=40)


def ally(unit, joined_on=None, status=RegistrationStatus.ACTIVE):
    return AllyRegistrationFactory(unit=unit, joined_on=joined_on or this_year(), status=status)


def commitment(registration, deadline_in_days, status=CommitmentStatus.NOT_STARTED):
    pledge = registration.user.ally_pledges.first() or PledgeFactory(user=registration.user)
    position = pledge.commitments.count() + 1
    return CommitmentFactory(
        pledge=pledge, position=position, deadline=in_days(deadline_in_days), status=status
    )


@pytest.fixture
def programme(db, locales):
    """North Region (Essex, Kent), South and West; allies, commitments, updates, a survey."""
    north = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    essex = OrganisationUnitFactory(
        name="Essex Police", parent=north, contact_name="Ada Lovelace", contact_email="a@ex.org"
    )
    kent = OrganisationUnitFactory(
        name="Kent Police", parent=north, contact_name="Alan Turing", contact_email="k@ex.org"
    )
    south = OrganisationUnitFactory(name="South Force", contact_name="", contact_email="")
    west = OrganisationUnitFactory(name="West Force")
    translate(north, locales["fr"], {"North Region": "Région Nord"})
    french_kent = translate(kent, locales["fr"], {"Kent Police": "Police du Kent"})

    # Essex: two joined this year, one last year, one left (not counted).
    essex_allies = [ally(essex), ally(essex, this_year(1)), ally(essex, last_year())]
    ally(essex, status=RegistrationStatus.LEFT)
    # Kent: one ally who chose the French copy of the unit.
    kent_ally = ally(french_kent)
    # South: a paused ally, last year.
    paused = ally(south, last_year(), status=RegistrationStatus.PAUSED)

    commitment(essex_allies[0], -5)  # overdue
    commitment(essex_allies[0], 30)  # open, not due
    commitment(essex_allies[1], -1)  # overdue
    commitment(essex_allies[2], -9, status=CommitmentStatus.DONE)  # done: not open
    commitment(kent_ally, 10)  # open, not due
    commitment(paused, -3)  # paused ally: not followed up

    year = current_programme_year()
    AnnualUpdateFactory(unit=essex, year=year, status=AnnualUpdateStatus.APPROVED)
    AnnualUpdateFactory(unit=french_kent, year=year, status=AnnualUpdateStatus.DRAFT)
    AnnualUpdateFactory(unit=west, year=year, status=AnnualUpdateStatus.SUBMITTED)
    AnnualUpdateFactory(unit=south, year=year - 1, status=AnnualUpdateStatus.APPROVED)
    AnnualUpdateFactory(unit=north, year=year, status=AnnualUpdateStatus.DRAFT)

    survey = FeedbackSurveyPageFactory(title="Ally survey 2026")
    french_survey = survey.copy_for_translation(locales["fr"], copy_parents=True)
    french_survey.save_revision().publish()
    FeedbackSurveyPageFactory(title="Unpublished survey", publish=False)
    month = timezone.localdate().replace(day=1)
    earlier = (month - datetime.timedelta(days=1)).replace(day=1)
    for page, when in [
        (survey, month),
        (survey, month),
        (french_survey, month),
        (survey, earlier),
        (french_survey, earlier),
    ]:
        SurveyResponse.objects.create(page=page, form_data={}, month=when)
    return {"north": north, "essex": essex, "kent": kent, "south": south, "west": west}


class TestFigures:
    def test_allies_per_unit_and_trend(self, coordinator_client, programme):
        response = coordinator_client.get(report_url("allies"))
        assert response.status_code == 200
        table = {
            unit: (row.allies, row.joined_this_year, row.joined_last_year, row.change)
            for unit, row in by_unit(response).items()
        }
        assert table == {
            "Essex Police": (3, 2, 1, 1),
            "Kent Police": (1, 1, 0, 1),
            "North Region": (0, 0, 0, 0),
            "South Force": (1, 0, 1, -1),
            "West Force": (0, 0, 0, 0),
        }
        assert [row.unit for row in rows(response)] == sorted(table)
        assert by_unit(response)["Kent Police"].parent_unit == "North Region"
        content = response.content.decode()
        assert "+1" in content and "Police du Kent" not in content
        assert "who have not left the programme" in content

    def test_allies_sorted_by_a_column(self, coordinator_client, programme):
        response = coordinator_client.get(report_url("allies"), {"ordering": "-allies"})
        assert [row.unit for row in rows(response)][:2] == ["Essex Police", "Kent Police"]

    def test_overdue_commitments_per_unit(self, coordinator_client, programme):
        response = coordinator_client.get(report_url("overdue_commitments"))
        assert response.status_code == 200
        assert [(row.unit, row.open, row.overdue) for row in rows(response)] == [
            ("Essex Police", 3, 2),
            ("Kent Police", 1, 0),
        ]

    def test_units_missing_this_years_update(self, coordinator_client, programme):
        response = coordinator_client.get(report_url("missing_updates"))
        assert response.status_code == 200
        assert [
            (row.unit, row.parent_unit, row.contact_name, row.contact_email, row.status)
            for row in rows(response)
        ] == [
            ("South Force", "", "", "", "Missing"),
            ("Kent Police", "North Region", "Alan Turing", "k@ex.org", "Draft"),
            ("West Force", "", "Jo Contact", programme["west"].contact_email, "Submitted"),
        ]

    def test_a_unit_that_gains_a_sub_unit_is_no_longer_expected(
        self, coordinator_client, programme
    ):
        OrganisationUnitFactory(name="South CID", parent=programme["south"])
        response = coordinator_client.get(report_url("missing_updates"))
        assert [row.unit for row in rows(response)] == ["South CID", "Kent Police", "West Force"]

    def test_survey_responses(self, coordinator_client, programme):
        response = coordinator_client.get(report_url("survey_responses"))
        assert response.status_code == 200
        assert [(row.title, row.responses, row.responses_this_month) for row in rows(response)] == [
            ("Ally survey 2026", 5, 3)
        ]

    def test_reminder_emails_show_how_each_went(self, coordinator_client, programme):
        today = timezone.localdate()
        users = [UserFactory(username=n, first_name=n.title(), last_name="") for n in "abcd"]
        ReminderDelivery.objects.create(
            user=users[0],
            kind=DeliveryKind.ALLY,
            for_date=today - datetime.timedelta(days=40),
            status=DeliveryStatus.FAILED,
            attempts=5,
            last_error="SMTPRecipientsRefused: 550 no such mailbox",
        )
        ReminderDelivery.objects.create(
            user=users[1], kind=DeliveryKind.DIGEST, for_date=today, status=DeliveryStatus.SENT
        )
        ReminderDelivery.objects.create(user=users[2], kind=DeliveryKind.ALLY, for_date=today)
        ReminderDelivery.objects.create(  # sent long ago: off the list
            user=users[3],
            kind=DeliveryKind.ALLY,
            for_date=today - datetime.timedelta(days=40),
            status=DeliveryStatus.SENT,
        )
        response = coordinator_client.get(report_url("reminder_emails"), {"ordering": "recipient"})
        listed = [(row.recipient, row.kind, row.status, row.attempts) for row in rows(response)]
        assert listed == [
            ("A", "Reminder to an ally", "Failed", 5),
            ("B", "Coordinator digest", "Sent", 0),
            ("C", "Reminder to an ally", "Queued", 0),
        ]
        page = response.content.decode()
        assert "550 no such mailbox" in page
        assert "Queued: 1 · Sent: 1 · Failed: 1" in page

    def test_headline_figures(self, programme):
        hub = ResourceHubPageFactory()
        ResourcePageFactory(parent=hub, review_date=in_days(-1))
        ResourcePageFactory(parent=hub, review_date=in_days(30))
        assert headline_figures() == {
            "allies": 5,
            "joined_this_year": 3,
            "overdue_commitments": 2,
            "units_missing_update": 3,
            "resources_due": 1,
            "responses_this_month": 3,
        }

    def test_empty_site(self, coordinator_client):
        for name in REPORTS:
            response = coordinator_client.get(report_url(name))
            assert response.status_code == 200
            assert rows(response) == []


class TestExports:
    @pytest.fixture
    def formula_unit(self, programme):
        unit = OrganisationUnitFactory(name='=HYPERLINK("http://evil.example","click")')
        ally(unit)
        return unit

    def test_csv(self, coordinator_client, formula_unit):
        response = coordinator_client.get(report_url("allies"), {"export": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "allyship-allies-" in response["Content-Disposition"]
        table = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))
        assert table[0] == [
            "Unit",
            "Part of",
            "Allies now",
            "Joined this programme year",
            "Joined last programme year",
            "Change",
        ]
        assert ["Essex Police", "North Region", "3", "2", "1", "1"] in table
        assert ["South Force", "", "1", "0", "1", "-1"] in table
        names = [line[0] for line in table[1:]]
        assert '\'=HYPERLINK("http://evil.example","click")' in names
        assert not any(name.startswith("=") for name in names)
        assert len(table) == 1 + 6

    def test_xlsx(self, coordinator_client, formula_unit):
        response = coordinator_client.get(report_url("missing_updates"), {"export": "xlsx"})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(body(response))).active
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert values[0] == ["Unit", "Part of", "Contact name", "Contact email", "Update status"]
        assert ["South Force", None, None, None, "Missing"] in values
        assert values[1][0] == '\'=HYPERLINK("http://evil.example","click")'
        assert len(values) == 1 + 4

    @pytest.mark.parametrize("name", list(REPORTS))
    @pytest.mark.parametrize("export", ["csv", "xlsx"])
    def test_every_report_exports(self, coordinator_client, programme, name, export):
        response = coordinator_client.get(report_url(name), {"export": export})
        assert response.status_code == 200
        data = body(response)
        if export == "csv":
            table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        else:
            table = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
        expected = coordinator_client.get(report_url(name)).context["items_count"]
        assert len(table) == 1 + expected
        assert list(table[0]) == [
            str(REPORTS[name].export_headings[f]) for f in REPORTS[name].list_export
        ]


class TestPermissions:
    @pytest.mark.parametrize("name", list(REPORTS))
    def test_coordinator_sees_every_report(self, coordinator_client, name):
        assert coordinator_client.get(report_url(name)).status_code == 200
        assert coordinator_client.get(report_url(name, results=True)).status_code == 200

    @pytest.mark.parametrize("name", list(REPORTS))
    @pytest.mark.parametrize("params", [{}, {"export": "csv"}, {"export": "xlsx"}])
    def test_editor_is_refused(self, editor_client, programme, name, params):
        assert editor_client.get(report_url(name), params).status_code == 403
        assert editor_client.get(report_url(name, results=True), params).status_code == 403

    @pytest.mark.parametrize("name", list(REPORTS))
    def test_anonymous_is_sent_to_login(self, client, name):
        response = client.get(report_url(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))

    def test_superuser_sees_the_reports(self, admin_client):
        assert admin_client.get(report_url("allies")).status_code == 200

    def test_reports_menu_only_for_coordinators(self, client, coordinator):
        home = reverse("wagtailadmin_home")
        titles = ["Allies per unit and trend", "Overdue commitments per unit", "Survey responses"]
        client.force_login(coordinator)
        content = client.get(home).content.decode()
        assert all(title in content for title in titles)
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        content = client.get(home).content.decode()
        assert not any(title in content for title in titles)


class TestPanel:
    def test_coordinator_sees_the_figures(self, coordinator_client, programme):
        ResourcePageFactory(parent=ResourceHubPageFactory(), review_date=in_days(-1))
        response = coordinator_client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        content = " ".join(response.content.decode().split())
        assert 'id="allyship-dashboard' in content or "allyship-dashboard" in content
        for text in [
            "5 allies registered",
            "3 joined this year",
            "2 overdue commitments",
            "3 units without an approved update this year",
            "1 resource due for review",
            "3 survey responses this month",
            "0 reminder emails failed",
        ]:
            assert text in content, text
        for name in REPORTS:
            assert f'href="{report_url(name)}"' in content
        assert f'href="{reverse("wagtail_allyship_resources_review")}"' in content

    def test_editor_sees_no_panel(self, editor_client, programme):
        response = editor_client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "allyship-dashboard" not in content
        assert "allies registered" not in content


def populate(first: int, count: int, survey, hub) -> None:
    """``count`` more units, each with allies, commitments, an update and survey answers."""
    year = current_programme_year()
    statuses = [None, AnnualUpdateStatus.DRAFT, AnnualUpdateStatus.SUBMITTED]
    parent = OrganisationUnitFactory(name=f"Region {first}", kind=UnitKind.REGION)
    for number in range(first, first + count):
        unit = OrganisationUnitFactory(name=f"Force {number:03d}", parent=parent)
        registration = ally(unit, last_year() if number % 2 else None)
        commitment(registration, -2 if number % 3 else 20)
        status = statuses[number % 3]
        if status:
            AnnualUpdateFactory(unit=unit, year=year, status=status)
        SurveyResponse.objects.create(
            page=survey, form_data={}, month=timezone.localdate().replace(day=1)
        )
        ReminderDelivery.objects.create(
            user=registration.user,
            kind=DeliveryKind.ALLY,
            for_date=timezone.localdate(),
            status=[DeliveryStatus.SENT, DeliveryStatus.QUEUED, DeliveryStatus.FAILED][number % 3],
        )
        if number % 10 == 0:
            ResourcePageFactory(parent=hub, review_date=in_days(-number - 1))


class TestQueryCounts:
    def measure(self, client, url) -> int:
        body(client.get(url))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            body(response)  # an export runs its queries while it streams
        assert response.status_code == 200
        return len(captured)

    def test_constant_in_the_number_of_units(self, coordinator_client, locales):
        survey = FeedbackSurveyPageFactory(title="Ally survey")
        hub = ResourceHubPageFactory()
        urls = [report_url(name) for name in REPORTS]
        urls += [report_url(name) + "?export=csv" for name in REPORTS]
        urls.append(reverse("wagtailadmin_home"))
        populate(0, 6, survey, hub)
        few = {url: self.measure(coordinator_client, url) for url in urls}
        populate(6, 54, survey, hub)
        many = {url: self.measure(coordinator_client, url) for url in urls}
        assert many == few
        figures = headline_figures()
        assert figures["allies"] == 60 and figures["overdue_commitments"] == 40
