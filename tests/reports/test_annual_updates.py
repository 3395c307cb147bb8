"""Annual updates: one per unit and year, by the unit's local editors, approved centrally."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import (
    AnnualUpdateFactory,
    GroupFactory,
    OrganisationUnitFactory,
    UserFactory,
)
from wagtail_allyship.models import AnnualUpdate, AnnualUpdateStatus, UnitEditorGroup
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.translations.translate import translate
from wagtail_allyship.units.rights import editable_unit_keys

pytestmark = pytest.mark.django_db

YEAR = current_programme_year()
UPDATE_PERMISSIONS = [
    "add_annualupdate",
    "change_annualupdate",
    "delete_annualupdate",
    "view_annualupdate",
]


def url(name, *args):
    return reverse(AnnualUpdate.snippet_viewset.get_url_name(name), args=args)


def group_with(*codenames, name=None):
    group = GroupFactory(**({"name": name} if name else {}))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="wagtail_allyship", codename__in=codenames
        ),
    )
    return group


@pytest.fixture
def units(locales):
    region = OrganisationUnitFactory(name="Northern Region")
    return {
        "region": region,
        "a": OrganisationUnitFactory(name="Alderley Police", parent=region),
        "b": OrganisationUnitFactory(name="Bramwell Police"),
    }


@pytest.fixture
def local_editor(units):
    """A local editor of unit A: may add and change annual updates, for unit A only."""
    group = group_with(*UPDATE_PERMISSIONS, name="Alderley editors")
    UnitEditorGroup.objects.create(group=group).units.add(units["a"])
    user = UserFactory(username="alderley-editor")
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator(units):
    group = group_with(*UPDATE_PERMISSIONS, "approve_annualupdate", name="Coordinators")
    user = UserFactory(username="coordinator")
    user.groups.add(group)
    return user


def form(unit, title="Reverse mentoring", year=YEAR, status=AnnualUpdateStatus.DRAFT, links=()):
    return nested_form_data(
        {
            "unit": unit.pk,
            "year": year,
            "title": title,
            "body": rich_text("<p>Senior officers are mentored by junior colleagues.</p>"),
            "evidence_links": streamfield(
                [("link", {"label": label, "url": href}) for label, href in links]
            ),
            "image": "",
            "status": status,
        }
    )


def translate_unit(units, locale):
    """The French copy of unit A (and of its region, which it needs first)."""
    translate(units["region"], locale, {"Northern Region": "Région Nord"})
    return translate(units["a"], locale, {"Alderley Police": "Police d'Alderley"})


class TestOnePerUnitAndYear:
    def test_the_database_refuses_a_second_update(self, units):
        AnnualUpdateFactory(unit=units["a"], year=YEAR)
        with pytest.raises(IntegrityError), transaction.atomic():
            AnnualUpdate.objects.create(unit=units["a"], year=YEAR, title="Again", body="<p>x</p>")

    def test_the_form_refuses_it_with_a_clear_message(self, client, coordinator, units):
        AnnualUpdateFactory(unit=units["a"], year=YEAR, title="First")
        client.force_login(coordinator)
        response = client.post(url("add"), form(units["a"], title="Second"))
        assert response.status_code == 200
        assert "already has an update for" in response.content.decode()
        assert list(AnnualUpdate.objects.values_list("title", flat=True)) == ["First"]

    def test_a_translated_copy_of_the_unit_is_the_same_unit(self, units, locales):
        french = translate_unit(units, locales["fr"])
        AnnualUpdateFactory(unit=units["a"], year=YEAR)
        second = AnnualUpdate(unit=french, year=YEAR, title="Encore", body="<p>x</p>")
        with pytest.raises(Exception) as caught:
            second.full_clean()
        assert "already has an update" in str(caught.value)

    def test_another_year_is_fine(self, units):
        AnnualUpdateFactory(unit=units["a"], year=YEAR - 1)
        AnnualUpdate(unit=units["a"], year=YEAR, title="This year", body="<p>x</p>").full_clean()

    def test_a_future_year_is_refused(self, client, coordinator, units):
        client.force_login(coordinator)
        response = client.post(url("add"), form(units["a"], year=YEAR + 1))
        assert response.status_code == 200
        assert "has not started yet" in response.content.decode()
        assert not AnnualUpdate.objects.exists()

    def test_evidence_must_be_a_web_address(self, client, coordinator, units):
        client.force_login(coordinator)
        response = client.post(
            url("add"), form(units["a"], links=[("Minutes", "javascript:alert(1)")])
        )
        assert response.status_code == 200
        assert "Enter a web address" in response.content.decode()
        assert not AnnualUpdate.objects.exists()


class TestLocalEditors:
    def test_units_cover_sub_units_and_translations(self, units, locales):
        group = group_with(*UPDATE_PERMISSIONS)
        UnitEditorGroup.objects.create(group=group).units.add(units["region"])
        user = UserFactory()
        user.groups.add(group)
        french = translate_unit(units, locales["fr"])
        keys = editable_unit_keys(user)
        assert units["a"].translation_key in keys
        assert french.translation_key in keys
        assert units["b"].translation_key not in keys

    def test_they_list_only_their_units_updates(self, client, local_editor, units):
        AnnualUpdateFactory(unit=units["a"], title="Alderley mentoring")
        AnnualUpdateFactory(unit=units["b"], title="Bramwell listening")
        client.force_login(local_editor)
        content = client.get(url("list")).content.decode()
        assert "Alderley mentoring" in content
        assert "Bramwell listening" not in content

    def test_they_create_their_units_update_and_submit_it(self, client, local_editor, units):
        client.force_login(local_editor)
        response = client.post(
            url("add"),
            form(
                units["a"],
                status=AnnualUpdateStatus.SUBMITTED,
                links=[("Board minutes", "https://intranet.example.org/minutes")],
            ),
        )
        assert response.status_code == 302
        update = AnnualUpdate.objects.get()
        assert update.status == AnnualUpdateStatus.SUBMITTED
        assert update.submitted_by == local_editor
        assert update.submitted_at is not None
        assert update.approved_by is None
        assert update.evidence_links[0].value["url"] == "https://intranet.example.org/minutes"

    def test_they_cannot_choose_another_unit(self, client, local_editor, units):
        client.force_login(local_editor)
        response = client.post(url("add"), form(units["b"]))
        assert response.status_code == 200
        assert "Choose one of your own units" in response.content.decode()
        assert not AnnualUpdate.objects.exists()

    def test_they_cannot_approve(self, client, local_editor, units):
        client.force_login(local_editor)
        response = client.post(url("add"), form(units["a"], status=AnnualUpdateStatus.APPROVED))
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not AnnualUpdate.objects.exists()

    def test_another_units_update_is_refused_by_url(self, client, local_editor, units):
        other = AnnualUpdateFactory(
            unit=units["b"], title="Bramwell listening", status=AnnualUpdateStatus.DRAFT
        )
        client.force_login(local_editor)
        assert client.get(url("edit", other.pk)).status_code == 403
        response = client.post(url("edit", other.pk), form(units["a"], title="Taken over"))
        assert response.status_code == 403
        assert client.get(url("delete", other.pk)).status_code == 403
        assert client.post(url("delete", other.pk)).status_code == 403
        other.refresh_from_db()
        assert other.title == "Bramwell listening"
        assert other.unit == units["b"]

    def test_an_approved_update_is_no_longer_theirs_to_change(self, client, local_editor, units):
        mine = AnnualUpdateFactory(unit=units["a"], status=AnnualUpdateStatus.APPROVED)
        client.force_login(local_editor)
        assert client.get(url("edit", mine.pk)).status_code == 403

    def test_they_edit_their_own_draft(self, client, local_editor, units):
        mine = AnnualUpdateFactory(unit=units["a"], status=AnnualUpdateStatus.DRAFT)
        client.force_login(local_editor)
        assert client.get(url("edit", mine.pk)).status_code == 200
        response = client.post(url("edit", mine.pk), form(units["a"], title="Better title"))
        assert response.status_code == 302
        mine.refresh_from_db()
        assert mine.title == "Better title"

    def test_users_without_permission_are_refused(self, client, units):
        update = AnnualUpdateFactory(unit=units["a"])
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        assert client.get(url("list")).status_code in (302, 403)
        assert client.get(url("edit", update.pk)).status_code in (302, 403)


class TestCoordinators:
    def test_they_see_every_unit_and_approve(self, client, coordinator, units):
        update = AnnualUpdateFactory(unit=units["b"], status=AnnualUpdateStatus.SUBMITTED)
        client.force_login(coordinator)
        assert "Bramwell" in client.get(url("list")).content.decode()
        response = client.post(
            url("edit", update.pk),
            form(units["b"], title=update.title, status=AnnualUpdateStatus.APPROVED),
        )
        assert response.status_code == 302
        update.refresh_from_db()
        assert update.status == AnnualUpdateStatus.APPROVED
        assert update.approved_by == coordinator
        assert update.approved_at is not None

    def test_sending_back_to_draft_clears_the_approval(self, client, coordinator, units):
        update = AnnualUpdateFactory(unit=units["b"], status=AnnualUpdateStatus.APPROVED)
        client.force_login(coordinator)
        client.post(url("edit", update.pk), form(units["b"], title=update.title))
        update.refresh_from_db()
        assert update.status == AnnualUpdateStatus.DRAFT
        assert update.approved_at is None


class TestUnitEditorGroups:
    def test_the_admin_binds_a_group_to_units(self, admin_client, units):
        group = GroupFactory(name="Bramwell editors")
        response = admin_client.post(
            reverse(UnitEditorGroup.snippet_viewset.get_url_name("add")),
            {"group": group.pk, "units": [units["b"].pk]},
        )
        assert response.status_code == 302
        binding = UnitEditorGroup.objects.get(group=group)
        assert list(binding.units.all()) == [units["b"]]

    def test_a_group_needs_a_unit(self, admin_client, units):
        group = GroupFactory(name="Nobody's editors")
        response = admin_client.post(
            reverse(UnitEditorGroup.snippet_viewset.get_url_name("add")), {"group": group.pk}
        )
        assert response.status_code == 200
        assert not UnitEditorGroup.objects.exists()


class TestDamagedSubmissions:
    """A hand-made POST that leaves out a part of a form gets a form error, never a 500."""

    @pytest.mark.parametrize(
        "damage",
        [
            pytest.param(lambda data: data.pop("evidence_links-count"), id="no-stream-count"),
            pytest.param(lambda data: data.update({"evidence_links-count": "x"}), id="bad-count"),
            pytest.param(lambda data: data.update({"body": "<p>not JSON</p>"}), id="bad-rich-text"),
        ],
    )
    def test_a_damaged_form_is_refused_with_a_message(self, client, coordinator, units, damage):
        client.force_login(coordinator)
        data = form(units["a"], links=[("Board minutes", "https://example.org/minutes")])
        damage(data)
        client.raise_request_exception = False
        response = client.post(url("add"), data)
        assert response.status_code == 200
        assert "sent incomplete or damaged" in response.content.decode()
        assert not AnnualUpdate.objects.exists()
