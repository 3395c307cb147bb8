"""Local editors keep their own units' details, and translate only their own units' snippets."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.factories import (
    AnnualUpdateFactory,
    OrganisationUnitFactory,
    UserFactory,
    admin_group,
)
from wagtail_allyship.models import AnnualUpdateStatus, OrganisationUnit, UnitKind
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

UNIT_PERMISSIONS = ["add_organisationunit", "change_organisationunit", "delete_organisationunit"]


def url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_organisationunit:{name}", args=args)


@pytest.fixture
def units(locales):
    region = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    alderley = OrganisationUnitFactory(name="Alderley Police", parent=region)
    return {
        "region": region,
        "alderley": alderley,
        "station": OrganisationUnitFactory(name="Alderley Central", parent=alderley),
        "bramwell": OrganisationUnitFactory(name="Bramwell Police", parent=region),
    }


@pytest.fixture
def local_editor(units):
    user = UserFactory(username="alderley-editor")
    codenames = [*UNIT_PERMISSIONS, "submit_translation", "change_annualupdate"]
    user.groups.add(admin_group("Alderley editors", codenames, units=[units["alderley"]]))
    return user


@pytest.fixture
def central_editor(units):
    user = UserFactory(username="central-editor")
    user.groups.add(admin_group("Central editors", [*UNIT_PERMISSIONS, "submit_translation"]))
    return user


def form_data(unit, **changes):
    data = {
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "parent": unit.parent_id or "",
        "contact_name": unit.contact_name,
        "contact_email": unit.contact_email,
        "sign_up_url": unit.sign_up_url,
    }
    data.update(changes)
    return data


def row(html: str, unit) -> str:
    """The listing row of ``unit``: from its title to the next row."""
    start = html.index(f'id="snippet_{unit.pk}_title"')
    return html[start : html.find("</tr>", start)]


class TestListing:
    def test_every_unit_is_listed_but_only_theirs_offer_changes(self, client, units, local_editor):
        client.force_login(local_editor)
        response = client.get(url("list"))
        assert response.status_code == 200
        html = response.content.decode()
        for name in ("alderley", "station"):
            mine = row(html, units[name])
            assert url("edit", units[name].pk) in mine
            assert url("delete", units[name].pk) in mine
        for name in ("bramwell", "region"):
            theirs = row(html, units[name])
            assert units[name].name in theirs
            assert url("edit", units[name].pk) not in theirs
            assert url("delete", units[name].pk) not in theirs
            assert url("inspect", units[name].pk) in theirs
            assert "/localize/" not in theirs

    def test_central_editors_may_change_every_unit(self, client, units, central_editor):
        client.force_login(central_editor)
        html = client.get(url("list")).content.decode()
        for unit in units.values():
            assert url("edit", unit.pk) in row(html, unit)


class TestChanging:
    @pytest.mark.parametrize("view", ["edit", "delete", "history"])
    def test_another_units_views_answer_403(self, client, units, local_editor, view):
        client.force_login(local_editor)
        response = client.get(url(view, units["bramwell"].pk))
        assert response.status_code == 403
        assert "another unit" in response.content.decode()

    def test_a_refused_change_or_deletion_saves_nothing(self, client, units, local_editor):
        client.force_login(local_editor)
        bramwell = units["bramwell"]
        response = client.post(url("edit", bramwell.pk), form_data(bramwell, name="Taken"))
        assert response.status_code == 403
        assert client.post(url("delete", bramwell.pk)).status_code == 403
        bramwell.refresh_from_db()
        assert bramwell.name == "Bramwell Police"

    def test_their_sub_unit_is_changed(self, client, units, local_editor):
        client.force_login(local_editor)
        station = units["station"]
        data = form_data(station, contact_name="Sam Reyes")
        response = client.post(url("edit", station.pk), data)
        assert response.status_code == 302
        station.refresh_from_db()
        assert station.contact_name == "Sam Reyes"

    def test_their_bound_unit_stays_where_it_is(self, client, units, local_editor):
        client.force_login(local_editor)
        alderley = units["alderley"]
        form = client.get(url("edit", alderley.pk)).context["form"]
        assert form.fields["parent"].disabled
        data = form_data(alderley, contact_name="Jo", parent="")
        assert client.post(url("edit", alderley.pk), data).status_code == 302
        alderley.refresh_from_db()
        assert alderley.contact_name == "Jo"
        assert alderley.parent == units["region"]

    def test_a_sub_unit_cannot_be_moved_out_of_their_units(self, client, units, local_editor):
        client.force_login(local_editor)
        station = units["station"]
        data = form_data(station, parent=units["bramwell"].pk)
        response = client.post(url("edit", station.pk), data)
        assert response.status_code == 200
        assert "Choose one of your own units" in str(response.context["form"].errors["parent"])
        station.refresh_from_db()
        assert station.parent == units["alderley"]


class TestAdding:
    def test_only_below_their_units(self, client, units, local_editor):
        client.force_login(local_editor)
        form = client.get(url("add")).context["form"]
        assert set(form.fields["parent"].queryset) == {units["alderley"], units["station"]}
        assert form.fields["parent"].required

    @pytest.mark.parametrize(
        "parent, message",
        [("", "you add units only below your own"), ("bramwell", "Choose one of your own units")],
    )
    def test_elsewhere_is_refused(self, client, units, local_editor, parent, message):
        client.force_login(local_editor)
        new = OrganisationUnit(name="Rogue unit", short_name="R", kind=UnitKind.DEPARTMENT)
        parent_id = units[parent].pk if parent else ""
        response = client.post(url("add"), form_data(new, parent=parent_id))
        assert response.status_code == 200
        assert message in str(response.context["form"].errors["parent"])
        assert not OrganisationUnit.objects.filter(name="Rogue unit").exists()

    def test_copying_is_for_their_own_units(self, client, units, local_editor):
        client.force_login(local_editor)
        bramwell, station = units["bramwell"], units["station"]
        refused = client.post(url("copy", bramwell.pk), form_data(bramwell, name="Copy B"))
        assert refused.status_code == 302
        assert refused["Location"] == reverse("wagtailadmin_home")
        assert client.get(url("copy", station.pk)).status_code == 200
        data = form_data(station, name="Copy S")
        assert client.post(url("copy", station.pk), data).status_code == 302
        assert OrganisationUnit.objects.get(name="Copy S").parent == units["alderley"]
        assert not OrganisationUnit.objects.filter(name="Copy B").exists()

    def test_below_their_unit_is_accepted(self, client, units, local_editor):
        client.force_login(local_editor)
        new = OrganisationUnit(name="Alderley East", short_name="AE", kind=UnitKind.DEPARTMENT)
        response = client.post(url("add"), form_data(new, parent=units["alderley"].pk))
        assert response.status_code == 302
        assert OrganisationUnit.objects.get(name="Alderley East").parent == units["alderley"]


class TestTranslation:
    """wagtail-localize's snippet views: another unit's objects are not theirs to translate."""

    @pytest.fixture
    def arabic(self, locales):
        home = Page.objects.get(depth=2, locale__language_code="en")
        translate(home, locales["ar"], {})
        return locales["ar"]

    def submit(self, obj):
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[obj._meta.app_label, obj._meta.model_name, obj.pk],
        )

    def test_another_units_unit_or_update_is_refused(self, client, units, local_editor, arabic):
        update = AnnualUpdateFactory(unit=units["bramwell"], status=AnnualUpdateStatus.DRAFT)
        client.force_login(local_editor)
        for obj in (units["bramwell"], update):
            assert client.get(self.submit(obj)).status_code == 403
            response = client.post(self.submit(obj), {"locales": [arabic.pk]})
            assert response.status_code == 403
        assert not OrganisationUnit.objects.filter(locale=arabic).exists()

    def test_their_own_is_translated(self, client, units, local_editor, arabic):
        client.force_login(local_editor)
        # The parent is translated first, as wagtail-localize needs for the unit's parent field.
        translate(units["region"], arabic, {})
        assert client.get(self.submit(units["alderley"])).status_code == 200
        client.post(self.submit(units["alderley"]), {"locales": [arabic.pk]})
        assert OrganisationUnit.objects.filter(
            translation_key=units["alderley"].translation_key, locale=arabic
        ).exists()

    def test_an_unknown_model_is_not_found(self, client, units, local_editor, arabic):
        client.force_login(local_editor)
        address = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["wagtail_allyship", "nothing", 1],
        )
        assert client.get(address).status_code == 404
