"""Every download of programme data leaves one entry in Wagtail's audit log."""

from __future__ import annotations

import datetime
import html

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    FeedbackSurveyPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    UserFactory,
    in_days,
)
from wagtail_allyship.exports.audit import (
    EXPORT_ACTION,
    ExportFormatter,
    describe_filters,
    display_value,
    log_export,
)
from wagtail_allyship.models import (
    AllyRegistration,
    AnnualUpdate,
    Commitment,
    RegistrationStatus,
    SurveyResponse,
)
from wagtail_allyship.registry.admin import AllyRegistrationFilterSet

pytestmark = pytest.mark.django_db

REGISTRY = "wagtailsnippets_wagtail_allyship_allyregistration:list"

#: Each dashboard report: its URL name, its title and the model its rows are read from.
REPORTS = {
    "allies": ("Allies per unit and trend", AllyRegistration),
    "overdue_commitments": ("Overdue commitments per unit", Commitment),
    "missing_updates": ("Units missing this year's annual update", AnnualUpdate),
    "survey_responses": ("Survey responses", SurveyResponse),
}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def exports():
    return ModelLogEntry.objects.filter(action=EXPORT_ACTION)


def the_export() -> ModelLogEntry:
    entries = list(exports())
    assert len(entries) == 1, entries
    return entries[0]


def report_url(name: str) -> str:
    return reverse(f"wagtail_allyship_report_{name}")


@pytest.fixture
def units(db):
    essex = OrganisationUnitFactory(name="Essex Police")
    kent = OrganisationUnitFactory(name="Kent Police")
    return {"essex": essex, "kent": kent}


@pytest.fixture
def allies(units):
    ada = AllyRegistrationFactory(
        user=UserFactory(first_name="Ada", last_name="Lovelace"), unit=units["essex"]
    )
    alan = AllyRegistrationFactory(
        user=UserFactory(first_name="Alan", last_name="Turing"),
        unit=units["kent"],
        status=RegistrationStatus.PAUSED,
    )
    grace = AllyRegistrationFactory(
        user=UserFactory(first_name="Grace", last_name="Hopper"), unit=units["kent"]
    )
    CommitmentFactory(pledge=PledgeFactory(user=ada.user), position=1, deadline=in_days(-3))
    return {"ada": ada, "alan": alan, "grace": grace}


@pytest.fixture
def survey(db):
    return FeedbackSurveyPageFactory(slug="survey", title="Ally survey")


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(username="editor", permissions=["wagtailadmin.access_admin"]))
    return client


class TestRegistryExport:
    @pytest.mark.parametrize("export_format", ["csv", "xlsx"])
    def test_one_entry_with_user_format_and_filters(
        self, coordinator_client, coordinator, allies, units, export_format
    ):
        response = coordinator_client.get(
            reverse(REGISTRY),
            {
                "export": export_format,
                "unit": units["kent"].pk,
                "status": RegistrationStatus.ACTIVE,
                "joined_on_from": "2020-01-01",
                "ordering": "joined_on",
            },
        )
        assert response.status_code == 200
        body(response)
        entry = the_export()
        assert entry.user == coordinator
        assert entry.label == "Ally registry"
        assert entry.content_type == ContentType.objects.get_for_model(ContentType)
        assert entry.object_id == str(ContentType.objects.get_for_model(AllyRegistration).pk)
        assert entry.data["format"] == export_format
        assert entry.data["rows"] == 1  # Grace; Alan is paused, Ada is in Essex
        assert entry.data["filters"] == [
            ["Unit", "Kent Police"],
            ["Status", "Active"],
            ["Joined", "2020-01-01 – …"],
        ]
        assert entry.message == (
            f"Exported “Ally registry” as {export_format.upper()} (1 row). "
            "Filters: Unit: Kent Police; Status: Active; Joined: 2020-01-01 – …."
        )

    def test_search_and_yes_no_filters_are_recorded(self, coordinator_client, allies):
        body(
            coordinator_client.get(
                reverse(REGISTRY), {"export": "csv", "q": "Lovelace", "consent_to_contact": "true"}
            )
        )
        assert the_export().data["filters"] == [["May be contacted", "yes"], ["Search", "Lovelace"]]

    def test_without_filters(self, coordinator_client, allies):
        body(coordinator_client.get(reverse(REGISTRY), {"export": "csv"}))
        entry = the_export()
        assert entry.data["filters"] == [] and entry.data["rows"] == 3
        assert entry.message == "Exported “Ally registry” as CSV (3 rows). No filters."

    def test_invalid_filter_values_are_not_recorded(self, coordinator_client, allies):
        """Wagtail ignores an invalid filter form and exports everything; so says the log."""
        body(coordinator_client.get(reverse(REGISTRY), {"export": "csv", "status": "nonsense"}))
        entry = the_export()
        assert entry.data["filters"] == [] and entry.data["rows"] == 3

    def test_the_rest_of_the_address_is_not_recorded(self, coordinator_client, allies):
        body(coordinator_client.get(reverse(REGISTRY), {"export": "csv", "token": "s3cret"}))
        assert "s3cret" not in str(the_export().data)

    def test_log_is_in_the_sites_language_whatever_the_coordinators(
        self, coordinator_client, coordinator, allies, units
    ):
        profile = UserProfile.get_for_user(coordinator)
        profile.preferred_language = "fr"
        profile.save()
        listing = coordinator_client.get(reverse(REGISTRY), {"status": RegistrationStatus.ACTIVE})
        assert "Inscriptions d" in listing.content.decode()  # the admin speaks French
        body(
            coordinator_client.get(
                reverse(REGISTRY), {"export": "csv", "status": RegistrationStatus.ACTIVE}
            )
        )
        entry = the_export()
        assert entry.label == "Ally registry"
        assert entry.data["filters"] == [["Status", "Active"]]

    def test_an_unknown_format_is_a_listing_not_an_export(self, coordinator_client, allies):
        response = coordinator_client.get(reverse(REGISTRY), {"export": "pdf"})
        assert response.status_code == 200
        assert not exports().exists()


class TestReportExports:
    @pytest.mark.parametrize("name", REPORTS)
    @pytest.mark.parametrize("export_format", ["csv", "xlsx"])
    def test_one_entry_per_export(
        self, coordinator_client, coordinator, allies, survey, name, export_format
    ):
        response = coordinator_client.get(report_url(name), {"export": export_format})
        assert response.status_code == 200
        body(response)
        title, model = REPORTS[name]
        entry = the_export()
        assert entry.user == coordinator
        assert entry.label == title
        assert entry.object_id == str(ContentType.objects.get_for_model(model).pk)
        assert entry.data["format"] == export_format
        assert entry.data["filters"] == []
        listing = coordinator_client.get(report_url(name)).context["object_list"]
        assert entry.data["rows"] == len(listing)
        assert entry.message.startswith(f"Exported “{title}” as {export_format.upper()} (")
        assert entry.message.endswith("No filters.")

    def test_results_address_export_is_logged_too(self, coordinator_client, allies):
        response = coordinator_client.get(
            reverse("wagtail_allyship_report_allies_results"), {"export": "csv"}
        )
        body(response)
        assert the_export().data["format"] == "csv"


class TestSurveyExport:
    def test_one_entry_per_download(self, coordinator_client, coordinator, survey):
        url = reverse("wagtail_allyship_survey_results_csv", args=[survey.pk])
        response = coordinator_client.get(url)
        assert response.status_code == 200
        entry = the_export()
        assert entry.user == coordinator
        assert entry.label == "Results of the survey “Ally survey”"
        assert entry.object_id == str(ContentType.objects.get_for_model(SurveyResponse).pk)
        assert entry.data["format"] == "csv"
        assert entry.data["page_id"] == survey.pk
        assert entry.data["filters"] == []
        assert entry.data["rows"] == len(body(response).decode("utf-8-sig").splitlines()) - 1

    def test_two_downloads_two_entries(self, coordinator_client, survey):
        url = reverse("wagtail_allyship_survey_results_csv", args=[survey.pk])
        coordinator_client.get(url)
        coordinator_client.get(url)
        assert exports().count() == 2

    def test_not_a_survey_logs_nothing(self, coordinator_client, survey):
        url = reverse("wagtail_allyship_survey_results_csv", args=[survey.pk + 1000])
        assert coordinator_client.get(url).status_code == 404
        assert not exports().exists()


class TestNoExportNoEntry:
    def test_viewing_the_listings_and_reports(self, coordinator_client, allies, survey):
        addresses = [
            reverse(REGISTRY),
            reverse(REGISTRY) + "?status=active",
            reverse("wagtailsnippets_wagtail_allyship_allyregistration:unit_counts"),
            reverse("wagtail_allyship_surveys"),
            reverse("wagtail_allyship_survey_results", args=[survey.pk]),
            *(report_url(name) for name in REPORTS),
        ]
        for address in addresses:
            assert coordinator_client.get(address).status_code == 200, address
        assert not exports().exists()

    def test_refused_exports(self, editor_client, allies, survey):
        addresses = [
            reverse(REGISTRY) + "?export=csv",
            reverse(REGISTRY) + "?export=xlsx",
            reverse("wagtail_allyship_survey_results_csv", args=[survey.pk]),
            *(report_url(name) + "?export=csv" for name in REPORTS),
            *(report_url(name) + "?export=xlsx" for name in REPORTS),
        ]
        for address in addresses:
            response = editor_client.get(address, follow=True)
            assert response.redirect_chain or response.status_code == 403, address
            assert b"Lovelace" not in body(response), address
        assert not exports().exists()

    def test_anonymous_export_logs_nothing(self, client, allies, survey):
        for address in (
            reverse(REGISTRY) + "?export=csv",
            report_url("allies") + "?export=csv",
            reverse("wagtail_allyship_survey_results_csv", args=[survey.pk]),
        ):
            assert client.get(address).status_code == 302, address
        assert not exports().exists()


class TestSiteHistory:
    def test_superuser_reads_the_entry(self, coordinator_client, client, superuser, allies, units):
        body(
            coordinator_client.get(reverse(REGISTRY), {"export": "xlsx", "unit": units["kent"].pk})
        )
        client.force_login(superuser)
        response = client.get(reverse("wagtailadmin_reports:site_history"))
        assert response.status_code == 200
        text = html.unescape(response.content.decode())
        assert "Exported “Ally registry” as XLSX (2 rows). Filters: Unit: Kent Police." in text
        assert the_export().user_display_name in text

    def test_superuser_filters_by_the_action(self, coordinator_client, client, superuser, allies):
        body(coordinator_client.get(report_url("allies"), {"export": "csv"}))
        client.force_login(superuser)
        response = client.get(
            reverse("wagtailadmin_reports:site_history"), {"action": EXPORT_ACTION}
        )
        assert response.status_code == 200
        assert "Export programme data" in response.content.decode()
        assert "Allies per unit and trend" in response.content.decode()

    def test_superuser_exports_the_site_history(
        self, coordinator_client, client, superuser, allies
    ):
        body(coordinator_client.get(reverse(REGISTRY), {"export": "csv"}))
        client.force_login(superuser)
        response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
        assert response.status_code == 200
        assert "Export programme data" in body(response).decode()

    def test_coordinators_do_not_see_their_own_trail(self, coordinator_client, allies):
        body(coordinator_client.get(reverse(REGISTRY), {"export": "csv"}))
        response = coordinator_client.get(reverse("wagtailadmin_reports:site_history"))
        assert "Exported “Ally registry”" not in html.unescape(response.content.decode())


class TestMessages:
    """The message reads from the entry's data alone; plain functions describe the filters."""

    def message(self, data) -> str:
        return ExportFormatter().format_message(ModelLogEntry(action=EXPORT_ACTION, data=data))

    def test_incomplete_data(self):
        assert self.message({}) == "Exported programme data"
        assert self.message({"title": "x", "format": "csv", "rows": "many"}) == (
            "Exported programme data"
        )

    def test_unknown_format_is_named_as_stored(self):
        assert self.message({"title": "Registry", "format": "ods", "rows": 2, "filters": []}) == (
            "Exported “Registry” as ODS (2 rows). No filters."
        )

    def test_values(self):
        assert display_value(True) == "yes" and display_value(False) == "no"
        assert display_value(datetime.date(2026, 3, 1)) == "2026-03-01"
        assert display_value(slice(None, datetime.date(2026, 3, 1))) == "… – 2026-03-01"
        assert display_value("paused", [("active", "Active"), ("paused", "Paused")]) == "Paused"
        assert display_value(["a", "b"]) == "a, b"

    def test_no_filterset(self):
        assert describe_filters(None) == []

    def test_filterset_without_filters(self, rf):
        filterset = AllyRegistrationFilterSet(
            data={}, queryset=AllyRegistration.objects.all(), request=rf.get("/")
        )
        assert describe_filters(filterset) == []

    def test_log_export_writes_one_entry(self, coordinator):
        entry = log_export(
            coordinator, model=AllyRegistration, title="Ally registry", export_format="csv", rows=0
        )
        assert entry.pk and entry.data["filters"] == []
