"""The pledge wall: what it shows and hides, the unit filter, paging, one pledge, queries."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgeWallPageFactory,
    UserFactory,
)
from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentStatus,
    Pledge,
    RegistrationStatus,
    UnitKind,
    Visibility,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


@pytest.fixture
def wall(db):
    return PledgeWallPageFactory(slug="pledge-wall")


@pytest.fixture
def units(db):
    region = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    return {
        "region": region,
        "essex": OrganisationUnitFactory(name="Essex Police", parent=region),
        "kent": OrganisationUnitFactory(name="Kent Police"),
    }


def pledge_of(first, last, unit, *, commitments=1, **kwargs) -> Pledge:
    user = UserFactory(first_name=first, last_name=last)
    AllyRegistrationFactory(user=user, unit=unit)
    return PledgeFactory(user=user, commitments=commitments, **kwargs)


@pytest.fixture
def viewer(client):
    client.force_login(UserFactory(username="viewer"))
    return client


def names_on(response) -> list[str]:
    return [pledge.shown_name for pledge in response.context["pledges"]]


class TestWhatTheWallShows:
    def test_published_pledges_of_this_year_newest_first(self, viewer, wall, units):
        now = timezone.now()
        pledge_of("Ada", "Old", units["essex"], created_at=now - datetime.timedelta(days=3))
        pledge_of("Bea", "New", units["kent"], created_at=now)
        pledge_of("Cy", "Private", units["kent"], visibility=Visibility.PRIVATE)
        pledge_of("Di", "Lastyear", units["kent"], programme_year=current_programme_year() - 1)
        left = pledge_of("Ed", "Gone", units["kent"])
        AllyRegistration.objects.filter(user=left.user).update(status=RegistrationStatus.LEFT)
        response = viewer.get(wall.url)
        assert response.status_code == 200
        assert names_on(response) == ["Bea New", "Ada Old"]
        html = response.content.decode()
        assert "Cy Private" not in html and "Di Lastyear" not in html and "Ed Gone" not in html
        assert "2 published pledges for" in html
        assert response["Cache-Control"].count("private")

    def test_commitments_with_status_but_no_private_kpi(self, viewer, wall, units):
        pledge = pledge_of("Ada", "Lovelace", units["essex"], commitments=0)
        CommitmentFactory(pledge=pledge, position=1, text="Open KPI", kpi="Shown KPI")
        CommitmentFactory(
            pledge=pledge,
            position=2,
            text="Private KPI",
            kpi="Hidden KPI",
            kpi_private=True,
            status=CommitmentStatus.DONE,
            plan_how="Hidden plan",
        )
        html = viewer.get(wall.url).content.decode()
        assert "Open KPI" in html and "Shown KPI" in html
        assert "Private KPI" in html and "Hidden KPI" not in html
        assert "Hidden plan" not in html
        assert "Done" in html and "Essex Police" in html

    def test_anonymous_visitors_are_sent_to_log_in(self, client, wall):
        response = client.get(wall.url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        pledge = PledgeFactory()
        assert client.get(f"{wall.url}{pledge.pk}/").status_code == 302

    def test_names_are_escaped(self, viewer, wall, units):
        pledge_of("<script>alert(1)</script>", "X", units["kent"])
        html = viewer.get(wall.url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html


class TestFilterAndPaging:
    def test_unit_filter_includes_sub_units(self, viewer, wall, units):
        pledge_of("Ada", "Essex", units["essex"])
        pledge_of("Bea", "Kent", units["kent"])
        pledge_of("Cy", "Region", units["region"])
        response = viewer.get(wall.url, {"unit": units["region"].pk})
        assert sorted(names_on(response)) == ["Ada Essex", "Cy Region"]
        assert "in North Region and the units below it" in response.content.decode()
        assert names_on(viewer.get(wall.url, {"unit": units["kent"].pk})) == ["Bea Kent"]
        for bad in ("abc", "999999", "-1", ""):
            assert len(names_on(viewer.get(wall.url, {"unit": bad}))) == 3

    def test_french_wall_names_units_in_french(self, viewer, wall, units, locales):
        pledge_of("Ada", "Essex", units["essex"])
        translate(units["region"], locales["fr"], {"North Region": "Région Nord"})
        translate(units["essex"], locales["fr"], {"Essex Police": "Police d'Essex"})
        french_wall = translate(wall, locales["fr"], {"Pledge wall": "Mur des engagements"})
        response = viewer.get(french_wall.url)
        assert response.status_code == 200
        assert "Police d&#x27;Essex" in response.content.decode()
        french_region = units["region"].get_translation(locales["fr"])
        assert names_on(viewer.get(french_wall.url, {"unit": french_region.pk})) == ["Ada Essex"]

    def test_pages(self, viewer, wall, units):
        wall.per_page = 5
        wall.save_revision().publish()
        now = timezone.now()
        for n in range(12):
            pledge_of("Ally", f"{n:02d}", units["kent"], created_at=now - datetime.timedelta(n))
        first = viewer.get(wall.url)
        assert names_on(first) == [f"Ally {n:02d}" for n in range(5)]
        html = first.content.decode()
        assert "Page 1 of 3" in html and 'rel="next"' in html
        assert names_on(viewer.get(wall.url, {"page": 3})) == ["Ally 10", "Ally 11"]
        assert names_on(viewer.get(wall.url, {"page": "zzz"}))[0] == "Ally 00"
        assert names_on(viewer.get(wall.url, {"page": 99})) == ["Ally 10", "Ally 11"]
        html = viewer.get(wall.url, {"unit": units["kent"].pk}).content.decode()
        assert f"?page=2&amp;unit={units['kent'].pk}" in html


class TestOnePledge:
    def test_published_pledge_is_shown_to_colleagues(self, viewer, wall, units):
        pledge = pledge_of("Ada", "Lovelace", units["essex"])
        response = viewer.get(f"{wall.url}{pledge.pk}/")
        assert response.status_code == 200
        assert "The pledge of Ada Lovelace" in response.content.decode()

    def test_private_pledge_is_a_404_for_other_allies(self, viewer, wall, units):
        pledge = pledge_of("Ada", "Lovelace", units["essex"], visibility=Visibility.PRIVATE)
        assert viewer.get(f"{wall.url}{pledge.pk}/").status_code == 404
        assert viewer.get(f"{wall.url}999999/").status_code == 404

    def test_pledge_of_an_ally_who_left_is_a_404(self, viewer, wall, units):
        pledge = pledge_of("Ada", "Lovelace", units["essex"])
        AllyRegistration.objects.filter(user=pledge.user).update(status=RegistrationStatus.LEFT)
        assert viewer.get(f"{wall.url}{pledge.pk}/").status_code == 404

    def test_owner_sees_own_private_pledge_with_plan(self, client, wall, units):
        pledge = pledge_of("Ada", "Lovelace", units["essex"], visibility=Visibility.PRIVATE)
        Commitment.objects.filter(pledge=pledge).update(kpi_private=True, plan_how="Secret plan")
        client.force_login(pledge.user)
        html = client.get(f"{wall.url}{pledge.pk}/").content.decode()
        assert "Secret plan" in html and "(private)" in html

    def test_coordinator_sees_private_pledges(self, client, wall, units):
        pledge = pledge_of("Ada", "Lovelace", units["essex"], visibility=Visibility.PRIVATE)
        coordinator = UserFactory(permissions=["wagtail_allyship.view_allyregistration"])
        client.force_login(coordinator)
        assert client.get(f"{wall.url}{pledge.pk}/").status_code == 200

    def test_visible_to(self, units):
        mine = pledge_of("Me", "Mine", units["kent"], visibility=Visibility.PRIVATE)
        published = pledge_of("Pub", "Lished", units["kent"])
        hidden = pledge_of("Hid", "Den", units["kent"], visibility=Visibility.PRIVATE)
        assert set(Pledge.objects.visible_to(mine.user)) == {mine, published}
        coordinator = UserFactory(permissions=["wagtail_allyship.view_allyregistration"])
        assert set(Pledge.objects.visible_to(coordinator)) == {mine, published, hidden}


def bulk_pledges(count: int, unit) -> None:
    """``count`` published pledges of three commitments each, fast enough for a test."""
    User = UserFactory._meta.model
    start = User.objects.count()
    users = User.objects.bulk_create(
        [
            User(username=f"bulk{start + n}", first_name="Bulk", last_name=f"Ally {start + n}")
            for n in range(count)
        ]
    )
    if not users[0].pk:
        users = list(User.objects.filter(username__startswith="bulk").order_by("pk"))[-count:]
    AllyRegistration.objects.bulk_create(
        [AllyRegistration(user=user, unit=unit, role="Constable") for user in users]
    )
    year = current_programme_year()
    now = timezone.now()
    Pledge.objects.bulk_create(
        [
            Pledge(
                user=user,
                programme_year=year,
                visibility=Visibility.PUBLISHED,
                published_consent_at=now,
                created_at=now - datetime.timedelta(minutes=n),
            )
            for n, user in enumerate(users)
        ]
    )
    pledges = Pledge.objects.filter(user__in=users)
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    Commitment.objects.bulk_create(
        [
            Commitment(pledge=pledge, position=position, text="Bulk", kpi="K", deadline=deadline)
            for pledge in pledges
            for position in (1, 2, 3)
        ]
    )


class TestQueries:
    @pytest.mark.parametrize(
        "params, few_pledges",
        [({}, 20), ({"unit": "region"}, 20), ({"page": "2"}, 40)],
        ids=["first page", "filtered by region", "second page"],
    )
    def test_wall_queries_are_the_same_at_20_and_2000_pledges(
        self, viewer, wall, units, django_assert_max_num_queries, params, few_pledges
    ):
        params = {k: units[v].pk if k == "unit" else v for k, v in params.items()}

        def measure() -> int:
            viewer.get(wall.url, params)
            # 21: the programme's breadcrumbs and sections are one query of their own.
            with django_assert_max_num_queries(21) as captured:
                response = viewer.get(wall.url, params)
            assert response.status_code == 200
            assert len(response.context["pledges"]) == 20
            return len(captured)

        bulk_pledges(few_pledges, units["essex"])
        few = measure()
        bulk_pledges(2000 - few_pledges, units["essex"])
        assert Pledge.objects.count() == 2000
        many = measure()
        assert many == few, f"{few} queries with {few_pledges} pledges, {many} with 2,000"

    def test_one_pledge_queries(self, viewer, wall, units, django_assert_max_num_queries):
        pledge = pledge_of("Ada", "Lovelace", units["essex"], commitments=3)
        viewer.get(f"{wall.url}{pledge.pk}/")
        with django_assert_max_num_queries(20) as few:
            assert viewer.get(f"{wall.url}{pledge.pk}/").status_code == 200
        bulk_pledges(50, units["kent"])
        for _n in range(20):
            OrganisationUnitFactory()
        with django_assert_max_num_queries(20) as many:
            assert viewer.get(f"{wall.url}{pledge.pk}/").status_code == 200
        assert len(few) == len(many)


def test_wall_is_linked_from_every_pledge_page(viewer, wall):
    from tests.factories import MyAllyshipPageFactory, PledgePageFactory

    pledge_page = PledgePageFactory(slug="pledge")
    mine = MyAllyshipPageFactory(slug="my-allyship")
    AllyRegistrationFactory(user=UserFactory._meta.model.objects.get(username="viewer"))
    for url in (wall.url, pledge_page.url, mine.url):
        html = viewer.get(url).content.decode()
        nav = re.search(r'<nav class="allyship-pledge-nav".*?</nav>', html, re.S).group(0)
        assert wall.url in nav and pledge_page.url in nav and mine.url in nav
