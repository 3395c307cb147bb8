"""OrganisationUnit: the tree, its validation, its admin and its delete protection."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import OrganisationUnitFactory, UserFactory
from wagtail_allyship.models import OrganisationUnit, UnitKind

pytestmark = pytest.mark.django_db


def listed(response):
    return {unit.name for unit in response.context["object_list"]}


def url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_organisationunit:{name}", args=args)


class TestTree:
    def test_ancestors_nearest_first(self):
        national = OrganisationUnitFactory(kind=UnitKind.NATIONAL)
        region = OrganisationUnitFactory(kind=UnitKind.REGION, parent=national)
        force = OrganisationUnitFactory(parent=region)
        assert force.get_ancestors() == [region, national]
        assert national.get_ancestors() == []

    def test_descendants_include_every_level(self, django_assert_max_num_queries):
        national = OrganisationUnitFactory()
        region = OrganisationUnitFactory(parent=national)
        force = OrganisationUnitFactory(parent=region)
        department = OrganisationUnitFactory(parent=force)
        other = OrganisationUnitFactory()
        with django_assert_max_num_queries(6):
            found = set(OrganisationUnit.objects.descendants_of([region]))
        assert found == {region, force, department}
        assert other not in set(OrganisationUnit.objects.descendants_of([national]))
        assert region not in set(
            OrganisationUnit.objects.descendants_of([region], include_self=False)
        )

    def test_parent_cannot_be_self_or_descendant(self):
        region = OrganisationUnitFactory()
        force = OrganisationUnitFactory(parent=region)
        region.parent = force
        with pytest.raises(ValidationError) as error:
            region.full_clean()
        assert "cannot be part of itself" in str(error.value.message_dict["parent"])
        region.parent = region
        with pytest.raises(ValidationError):
            region.full_clean()

    def test_parent_must_be_in_same_language(self, locales):
        english_parent = OrganisationUnitFactory()
        unit = OrganisationUnitFactory.build(locale=locales["fr"], parent=english_parent)
        with pytest.raises(ValidationError) as error:
            unit.full_clean()
        assert "another language" in str(error.value.message_dict["parent"])

    @override_settings(WAGTAIL_ALLYSHIP={"UNIT_TREE_MAX_DEPTH": 2})
    def test_depth_is_limited(self):
        top = OrganisationUnitFactory()
        middle = OrganisationUnitFactory(parent=top)
        bottom = OrganisationUnitFactory.build(parent=middle)
        with pytest.raises(ValidationError) as error:
            bottom.full_clean()
        assert "at most 2 levels" in str(error.value.message_dict["parent"])

    @override_settings(WAGTAIL_ALLYSHIP={"UNIT_TREE_MAX_DEPTH": 3})
    def test_moving_a_unit_counts_its_sub_units(self):
        top = OrganisationUnitFactory()
        middle = OrganisationUnitFactory(parent=top)
        branch = OrganisationUnitFactory()
        OrganisationUnitFactory(parent=OrganisationUnitFactory(parent=branch))
        assert branch.subtree_height() == 2
        branch.parent = middle
        with pytest.raises(ValidationError) as error:
            branch.full_clean()
        assert "at most 3 levels" in str(error.value.message_dict["parent"])
        branch.parent = None
        branch.full_clean()

    def test_bad_email_and_url_are_refused(self):
        unit = OrganisationUnitFactory.build(contact_email="not-an-email", sign_up_url="nope")
        with pytest.raises(ValidationError) as error:
            unit.full_clean()
        assert set(error.value.message_dict) == {"contact_email", "sign_up_url"}


class TestAdmin:
    def test_listing_searches_and_filters(self, admin_client):
        national = OrganisationUnitFactory(name="National team", kind=UnitKind.NATIONAL)
        OrganisationUnitFactory(name="Essex Police", parent=national)
        OrganisationUnitFactory(name="Kent Police", parent=national, kind=UnitKind.REGION)
        response = admin_client.get(url("list"), {"q": "essex"})
        assert response.status_code == 200
        assert listed(response) == {"Essex Police"}
        response = admin_client.get(url("list"), {"kind": UnitKind.REGION})
        assert listed(response) == {"Kent Police"}
        response = admin_client.get(url("list"), {"parent": national.pk})
        assert listed(response) == {"Essex Police", "Kent Police"}

    def test_parent_filter_offers_only_units_with_sub_units(self, admin_client):
        national = OrganisationUnitFactory(name="National team")
        OrganisationUnitFactory(name="Essex Police", parent=national)
        response = admin_client.get(url("list"))
        choices = list(response.context["filters"].form.fields["parent"].queryset)
        assert choices == [national]

    def test_listing_queries_do_not_grow(self, admin_client):
        """Queries are the same for one full page of units and for three pages."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        parent = OrganisationUnitFactory()
        counts = []
        for total in (25, 70):
            OrganisationUnitFactory.create_batch(total - parent.children.count(), parent=parent)
            with CaptureQueriesContext(connection) as queries:
                response = admin_client.get(url("list"))
            assert response.status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], counts
        # wagtail-localize checks translations per listed row (2 queries each, 20 rows a page).
        assert counts[1] <= 60

    def test_create_through_admin(self, admin_client):
        response = admin_client.post(
            url("add"),
            {
                "name": "Thames Valley Police",
                "short_name": "TVP",
                "kind": UnitKind.FORCE,
                "contact_name": "Ali",
                "contact_email": "ali@example.org",
                "sign_up_url": "https://intranet.example.org/tvp/",
            },
        )
        assert response.status_code == 302
        unit = OrganisationUnit.objects.get(name="Thames Valley Police")
        assert unit.locale == Locale.get_default()

    def test_create_with_bad_input_saves_nothing(self, admin_client):
        response = admin_client.post(
            url("add"), {"name": "", "kind": "planet", "contact_email": "x"}
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert {"name", "kind", "contact_email"} <= set(errors)
        assert not OrganisationUnit.objects.exists()

    def test_inspect_view(self, admin_client):
        unit = OrganisationUnitFactory(name="Essex Police", contact_email="essex@example.org")
        response = admin_client.get(url("inspect", unit.pk))
        assert response.status_code == 200
        assert b"essex@example.org" in response.content

    def test_staff_without_permission_cannot_see_units(self, client, staff_user):
        client.force_login(staff_user)
        response = client.get(url("list"))
        assert response.status_code in (302, 403)

    def test_admin_user_without_unit_permission_is_refused(self, client):
        user = UserFactory(permissions=["wagtailadmin.access_admin"])
        unit = OrganisationUnitFactory()
        client.force_login(user)
        assert client.get(url("list")).status_code in (302, 403)
        assert client.post(url("delete", unit.pk)).status_code in (302, 403)
        assert OrganisationUnit.objects.filter(pk=unit.pk).exists()


class TestDeleteProtection:
    def test_unit_without_users_can_be_deleted(self, admin_client):
        unit = OrganisationUnitFactory()
        response = admin_client.post(url("delete", unit.pk))
        assert response.status_code == 302
        assert not OrganisationUnit.objects.filter(pk=unit.pk).exists()

    def test_unit_in_use_is_refused_with_names(self, admin_client):
        region = OrganisationUnitFactory(name="Eastern Region")
        OrganisationUnitFactory(name="Essex Police", parent=region)
        response = admin_client.post(url("delete", region.pk), follow=True)
        assert OrganisationUnit.objects.filter(pk=region.pk).exists()
        messages = [str(m) for m in response.context["messages"]]
        assert any("Eastern Region" in m and "Essex Police" in m for m in messages), messages

    def test_refusal_also_on_the_confirmation_page(self, admin_client):
        region = OrganisationUnitFactory(name="Eastern Region")
        OrganisationUnitFactory(parent=region)
        response = admin_client.get(url("delete", region.pk))
        assert response.status_code == 302

    def test_bulk_delete_refuses_units_in_use(self, admin_client):
        region = OrganisationUnitFactory(name="Eastern Region")
        OrganisationUnitFactory(name="Essex Police", parent=region)
        spare = OrganisationUnitFactory(name="Spare")
        bulk_url = reverse(
            "wagtail_bulk_action",
            args=("wagtail_allyship", "organisationunit", "delete"),
        )
        response = admin_client.post(f"{bulk_url}?id={region.pk}&id={spare.pk}")
        assert response.status_code == 302
        assert OrganisationUnit.objects.filter(pk__in=[region.pk, spare.pk]).count() == 2

    def test_unit_used_by_pages_and_registrations_is_refused(self, admin_client):
        from tests.factories import AllyRegistrationFactory, RecruitmentArticlePageFactory

        unit = OrganisationUnitFactory(name="Essex Police")
        RecruitmentArticlePageFactory(unit=unit, title="Allies in Essex")
        AllyRegistrationFactory(unit=unit)
        response = admin_client.post(url("delete", unit.pk), follow=True)
        assert OrganisationUnit.objects.filter(pk=unit.pk).exists()
        message = " ".join(str(m) for m in response.context["messages"])
        assert "Recruitment article" in message and "Allies in Essex" in message, message
        assert "registration" in message.lower(), message

    def test_blocking_references_lists_children(self):
        region = OrganisationUnitFactory()
        child = OrganisationUnitFactory(parent=region)
        assert region.blocking_references() == [child]
        assert child.blocking_references() == []
