"""The ally registry in the admin: who sees it, search, filters, counts per unit and export."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import (
    AllyRegistrationFactory,
    OrganisationUnitFactory,
    UserFactory,
)
from wagtail_allyship.access.roles import coordinators, is_coordinator
from wagtail_allyship.exports.spreadsheets import neutralise
from wagtail_allyship.models import AllyRegistration, RegistrationStatus, UnitKind
from wagtail_allyship.registry.admin import count_per_unit
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_allyregistration:{name}", args=args)


def listed(response):
    return {registration.full_name() for registration in response.context["object_list"]}


@pytest.fixture
def tree(db):
    """A region with two forces, one of which has a department; and another region."""
    north = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    essex = OrganisationUnitFactory(name="Essex Police", parent=north)
    kent = OrganisationUnitFactory(name="Kent Police", parent=north)
    cid = OrganisationUnitFactory(name="Essex CID", kind=UnitKind.DEPARTMENT, parent=essex)
    south = OrganisationUnitFactory(name="South Region", kind=UnitKind.REGION)
    return {"north": north, "essex": essex, "kent": kent, "cid": cid, "south": south}


def ally(first, last, unit, **kwargs):
    user = UserFactory(first_name=first, last_name=last)
    return AllyRegistrationFactory(user=user, unit=unit, **kwargs)


class TestNeutralise:
    """Plain function: no database."""

    @pytest.mark.parametrize("value", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"])
    def test_formula_triggers_are_made_text(self, value):
        assert neutralise(value) == "'" + value

    @pytest.mark.parametrize("value", ["Sergeant", "", "a=b", 42, None, datetime.date(2026, 1, 5)])
    def test_other_values_are_kept(self, value):
        assert neutralise(value) == value


class TestWhoSeesTheRegistry:
    def test_coordinator_sees_the_listing_and_the_menu(self, coordinator_client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        response = coordinator_client.get(url("list"))
        assert response.status_code == 200
        assert listed(response) == {"Ada Lovelace"}
        menu = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Ally registry" in menu

    @pytest.mark.parametrize(
        "view", ["list", "inspect", "edit", "unit_counts", "add", "delete", "history"]
    )
    def test_local_editor_is_refused(self, client, tree, view):
        registration = ally("Ada", "Lovelace", tree["essex"])
        local_editor = UserFactory(permissions=["wagtailadmin.access_admin"])
        client.force_login(local_editor)
        args = [] if view in ("list", "unit_counts", "add") else [registration.pk]
        response = client.get(url(view, *args), follow=True)
        assert "Lovelace" not in response.content.decode()
        assert response.redirect_chain or response.status_code == 403
        assert not is_coordinator(local_editor)

    def test_local_editor_cannot_export_or_use_the_chooser(self, client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        for address in (
            url("list") + "?export=csv",
            reverse("wagtailsnippetchoosers_wagtail_allyship_allyregistration:choose"),
            reverse("wagtailsnippetchoosers_wagtail_allyship_allyregistration:choose_results"),
        ):
            response = client.get(address, follow=True)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert b"Lovelace" not in body, address

    def test_coordinator_can_use_the_chooser(self, coordinator_client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        response = coordinator_client.get(
            reverse("wagtailsnippetchoosers_wagtail_allyship_allyregistration:choose")
        )
        assert response.status_code == 200
        assert "Lovelace" in response.content.decode()

    def test_menu_is_hidden_from_local_editors(self, client):
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        assert "Ally registry" not in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_coordinators_are_those_given_a_registry_permission(self, coordinator, superuser):
        from django.contrib.auth.models import Group, Permission

        group = Group.objects.create(name="Coordinators")
        group.permissions.add(Permission.objects.get(codename="change_allyregistration"))
        member = UserFactory()
        member.groups.add(group)
        UserFactory(is_active=False, permissions=["wagtail_allyship.view_allyregistration"])
        assert set(coordinators()) == {coordinator, member}
        assert is_coordinator(member) and is_coordinator(superuser)


class TestSearchAndFilters:
    def test_search_by_full_name_and_email(self, coordinator_client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        ally("Alan", "Turing", tree["kent"])
        assert listed(coordinator_client.get(url("list"), {"q": "ada lovelace"})) == {
            "Ada Lovelace"
        }
        assert listed(coordinator_client.get(url("list"), {"q": "turing"})) == {"Alan Turing"}
        assert listed(coordinator_client.get(url("list"), {"q": "ada turing"})) == set()

    def test_unit_filter_includes_sub_units(self, coordinator_client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        ally("Alan", "Turing", tree["cid"])
        ally("Grace", "Hopper", tree["kent"])
        ally("Katherine", "Johnson", tree["south"])
        response = coordinator_client.get(url("list"), {"unit": tree["north"].pk})
        assert listed(response) == {"Ada Lovelace", "Alan Turing", "Grace Hopper"}
        response = coordinator_client.get(url("list"), {"unit": tree["essex"].pk})
        assert listed(response) == {"Ada Lovelace", "Alan Turing"}

    def test_unit_filter_counts_allies_of_translated_units(self, coordinator_client, tree, locales):
        translate(tree["north"], locales["fr"], {"North Region": "Région Nord"})
        french_essex = translate(tree["essex"], locales["fr"], {"Essex Police": "Police d'Essex"})
        ally("Marie", "Curie", french_essex)
        response = coordinator_client.get(url("list"), {"unit": tree["north"].pk})
        assert listed(response) == {"Marie Curie"}

    def test_status_and_joined_filters(self, coordinator_client, tree):
        today = timezone.localdate()
        ally("Ada", "Lovelace", tree["essex"], joined_on=today - datetime.timedelta(days=400))
        ally("Alan", "Turing", tree["essex"], status=RegistrationStatus.PAUSED)
        response = coordinator_client.get(url("list"), {"status": "paused"})
        assert listed(response) == {"Alan Turing"}
        since = (today - datetime.timedelta(days=30)).isoformat()
        response = coordinator_client.get(url("list"), {"joined_on_from": since})
        assert listed(response) == {"Alan Turing"}

    def test_bad_filter_values_do_not_break_the_listing(self, coordinator_client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        for params in ({"unit": "nope"}, {"unit": "999999"}, {"joined_on_from": "yesterday"}):
            assert coordinator_client.get(url("list"), params).status_code == 200

    def test_listing_queries_do_not_grow(
        self, coordinator_client, tree, django_assert_max_num_queries
    ):
        def measure():
            coordinator_client.get(url("list"))
            with django_assert_max_num_queries(30) as captured:
                response = coordinator_client.get(url("list"))
            assert response.status_code == 200
            return len(captured)

        for _n in range(3):
            ally("Pat", "Few", tree["essex"])
        few = measure()
        for _n in range(40):
            ally("Pat", "Many", tree["kent"])
        assert measure() == few


class TestUnitCounts:
    def test_counts_roll_up_sub_units(self, coordinator_client, tree):
        ally("Ada", "Lovelace", tree["essex"])
        ally("Alan", "Turing", tree["cid"], status=RegistrationStatus.PAUSED)
        ally("Grace", "Hopper", tree["kent"], status=RegistrationStatus.LEFT)
        response = coordinator_client.get(url("unit_counts"))
        assert response.status_code == 200
        rows = {row.unit.name: row for row in response.context["rows"]}
        assert [row.unit.name for row in response.context["rows"]] == [
            "North Region",
            "Essex Police",
            "Essex CID",
            "Kent Police",
            "South Region",
        ]
        assert rows["Essex Police"].total == 1
        assert rows["Essex Police"].total_with_sub_units == 2
        assert rows["North Region"].total == 0
        assert rows["North Region"].with_sub_units == {"active": 1, "paused": 1, "left": 1}
        assert rows["Essex CID"].status_counts() == [0, 1, 0]
        assert "Allies per unit" in coordinator_client.get(url("list")).content.decode()

    def test_pure_roll_up_survives_a_loop(self):
        """Bad data (a unit that is its own grandparent) must not hang the page."""

        class Unit:
            def __init__(self, pk, parent_id, key):
                self.pk, self.parent_id, self.translation_key = pk, parent_id, key

        units = [Unit(1, None, "k1"), Unit(2, 3, "k2"), Unit(3, 2, "k3")]
        rows, unknown = count_per_unit(units, {("k1", "active"): 2, ("zz", "left"): 1})
        assert [row.unit.pk for row in rows] == [1]
        assert rows[0].total == 2
        assert unknown == {"left": 1}

    def test_queries_do_not_grow(self, coordinator_client, tree, django_assert_max_num_queries):
        def measure():
            with django_assert_max_num_queries(20) as captured:
                assert coordinator_client.get(url("unit_counts")).status_code == 200
            return len(captured)

        ally("Pat", "One", tree["essex"])
        few = measure()
        for n in range(30):
            unit = OrganisationUnitFactory(parent=tree["south"])
            ally("Pat", f"Many{n}", unit)
        assert measure() == few


class TestExport:
    @pytest.fixture
    def rows(self, tree):
        ally('=HYPERLINK("http://evil")', "Smith", tree["cid"], role="+44 1234")
        ally("Ada", "Lovelace", tree["essex"], role="@SUM(A1:A9)", consent_to_contact=False)
        ally("Alan", "Turing", tree["kent"], role="-1", status=RegistrationStatus.PAUSED)
        ally("Grace", "Hopper", tree["kent"], role="\tTab\rReturn")

    def test_csv_is_neutralised(self, coordinator_client, rows):
        response = coordinator_client.get(url("list"), {"export": "csv", "ordering": "role"})
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        table = list(csv.DictReader(io.StringIO(text)))
        assert list(table[0]) == [
            "Name",
            "Email",
            "Unit",
            "Place in the organisation",
            "Role or rank",
            "Status",
            "Joined on",
            "May be contacted",
        ]
        by_last_name = {row["Name"].split()[-1]: row for row in table}
        assert by_last_name["Smith"]["Name"] == '\'=HYPERLINK("http://evil") Smith'
        assert by_last_name["Smith"]["Role or rank"] == "'+44 1234"
        assert by_last_name["Smith"]["Place in the organisation"] == (
            "North Region › Essex Police › Essex CID"
        )
        assert by_last_name["Lovelace"]["Role or rank"] == "'@SUM(A1:A9)"
        assert by_last_name["Lovelace"]["May be contacted"] == "No"
        assert by_last_name["Turing"]["Role or rank"] == "'-1"
        assert by_last_name["Turing"]["Status"] == "Paused"
        assert by_last_name["Hopper"]["Role or rank"].startswith("'\t")
        for row in table:
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value

    def test_xlsx_is_neutralised(self, coordinator_client, rows):
        response = coordinator_client.get(url("list"), {"export": "xlsx"})
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        sheet = workbook.active
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]
        assert "'+44 1234" in texts and "'@SUM(A1:A9)" in texts and "'-1" in texts
        assert all(cell.data_type != "f" for cell in cells)
        assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]
        joined = [cell.value for cell in cells if isinstance(cell.value, datetime.date)]
        assert len(joined) == 4

    def test_export_follows_the_filters(self, coordinator_client, rows, tree):
        response = coordinator_client.get(url("list"), {"export": "csv", "unit": tree["kent"].pk})
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        names = {row["Name"] for row in csv.DictReader(io.StringIO(text))}
        assert names == {"Alan Turing", "Grace Hopper"}


class TestRegistrationRules:
    def test_one_registration_per_user_in_the_database(self, tree):
        registration = ally("Ada", "Lovelace", tree["essex"])
        with pytest.raises(IntegrityError), transaction.atomic():
            AllyRegistration.objects.create(user=registration.user, unit=tree["kent"], role="x")

    def test_admin_form_refuses_a_second_registration(self, admin_client, tree):
        registration = ally("Ada", "Lovelace", tree["essex"])
        response = admin_client.post(
            url("add"),
            {
                "user": registration.user.pk,
                "unit": tree["kent"].pk,
                "role": "Inspector",
                "status": "active",
                "joined_on": "2026-01-05",
            },
        )
        assert response.status_code == 200
        assert AllyRegistration.objects.count() == 1
        assert "already exists" in str(response.context["form"].errors["user"])

    def test_unit_with_allies_cannot_be_deleted(self, admin_client, tree):
        ally("Ada", "Lovelace", tree["kent"])
        assert tree["kent"].blocking_references()
        response = admin_client.post(
            reverse(
                "wagtailsnippets_wagtail_allyship_organisationunit:delete", args=[tree["kent"].pk]
            ),
            follow=True,
        )
        assert response.status_code == 200
        tree["kent"].refresh_from_db()

    def test_coordinator_edits_status(self, client, tree):
        editor = UserFactory(
            permissions=[
                "wagtailadmin.access_admin",
                "wagtail_allyship.view_allyregistration",
                "wagtail_allyship.change_allyregistration",
            ]
        )
        client.force_login(editor)
        registration = ally("Ada", "Lovelace", tree["kent"])
        response = client.post(
            url("edit", registration.pk),
            {
                "user": registration.user.pk,
                "unit": tree["kent"].pk,
                "role": "Inspector",
                "status": "paused",
                "joined_on": registration.joined_on.isoformat(),
                "consent_to_contact": "on",
            },
        )
        assert response.status_code == 302
        registration.refresh_from_db()
        assert (registration.status, registration.role) == ("paused", "Inspector")

    def test_inspect_shows_name_and_email(self, coordinator_client, tree):
        registration = ally("Ada", "Lovelace", tree["kent"])
        html = coordinator_client.get(url("inspect", registration.pk)).content.decode()
        assert "Ada Lovelace" in html and registration.user.email in html


class TestNoNamesOutsideTheRegistry:
    """Editors who manage units must not learn who the allies are."""

    @pytest.fixture
    def unit_editor(self, client):
        editor = UserFactory(
            permissions=[
                "wagtailadmin.access_admin",
                "wagtail_allyship.view_organisationunit",
                "wagtail_allyship.change_organisationunit",
                "wagtail_allyship.delete_organisationunit",
            ]
        )
        client.force_login(editor)
        return client

    def unit_url(self, name, *args):
        return reverse(f"wagtailsnippets_wagtail_allyship_organisationunit:{name}", args=args)

    def test_usage_and_delete_views_do_not_name_allies(self, unit_editor, tree):
        ally("Ada", "Lovelace", tree["kent"])
        for view in ("usage", "delete", "edit"):
            response = unit_editor.get(self.unit_url(view, tree["kent"].pk), follow=True)
            assert response.status_code == 200, view
            assert "Lovelace" not in response.content.decode(), view

    def test_refused_delete_counts_allies_without_naming_them(self, unit_editor, tree):
        ally("Ada", "Lovelace", tree["kent"])
        ally("Alan", "Turing", tree["kent"])
        response = unit_editor.post(self.unit_url("delete", tree["kent"].pk), follow=True)
        html = response.content.decode()
        assert "Lovelace" not in html and "Turing" not in html
        assert "2 ally registrations" in html
        tree["kent"].refresh_from_db()
