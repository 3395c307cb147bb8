"""Circles in the admin: set up by coordinators, members placed and requests answered."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.circles.conftest import make_ally, make_circle, make_meeting
from tests.factories import UserFactory
from wagtail_allyship.circles import rules
from wagtail_allyship.circles.models import AllyCircle, CircleMembership, CircleRequest

pytestmark = pytest.mark.django_db

CIRCLE_PERMISSIONS = [f"wagtail_allyship.{a}_allycircle" for a in ("add", "change", "delete")]


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_wagtail_allyship_allycircle:{name}", args=args)


@pytest.fixture
def coordinator_with_circles(client):
    user = UserFactory(
        username="circle-coordinator",
        permissions=[
            "wagtailadmin.access_admin",
            "wagtail_allyship.view_allyregistration",
            *CIRCLE_PERMISSIONS,
        ],
    )
    client.force_login(user)
    return client


@pytest.fixture
def editor_with_circles(client):
    """Every permission on circles but no coordinator: the guard still refuses."""
    client.force_login(
        UserFactory(
            username="circle-editor",
            permissions=["wagtailadmin.access_admin", *CIRCLE_PERMISSIONS],
        )
    )
    return client


def form(**fields) -> dict:
    data = {
        "name": "South circle",
        "description": "Monthly talk.",
        "unit": "",
        "facilitator": "",
        "rhythm": "monthly",
        "rhythm_other": "",
        "min_size": "4",
        "max_size": "8",
        "admission": "open",
    }
    data.update(fields)
    return data


def test_a_coordinator_sets_up_a_circle(coordinator_with_circles):
    response = coordinator_with_circles.post(url("add"), form())
    assert response.status_code == 302
    circle = AllyCircle.objects.get()
    assert (circle.name, circle.max_size, circle.admission) == ("South circle", 8, "open")
    listing = coordinator_with_circles.get(url("list"))
    assert "South circle" in listing.content.decode()


@pytest.mark.parametrize("bad", [{"max_size": "13"}, {"max_size": "2"}, {"max_size": "many"}])
def test_sizes_outside_4_to_12_are_refused(coordinator_with_circles, bad):
    response = coordinator_with_circles.post(url("add"), form(**bad))
    assert response.status_code == 200
    assert "max_size" in response.context["form"].errors
    assert not AllyCircle.objects.exists()


def test_the_largest_size_cannot_be_lowered_below_the_members(coordinator_with_circles):
    circle = make_circle("Busy", members=[make_ally(f"m{n}") for n in range(6)], max_size=8)
    response = coordinator_with_circles.post(
        url("edit", circle.pk), form(name="Busy", max_size="5")
    )
    assert response.status_code == 200
    assert "6 members" in response.content.decode()
    circle.refresh_from_db()
    assert circle.max_size == 8


def test_editors_who_are_not_coordinators_are_refused(editor_with_circles, circle):
    for address in (url("list"), url("edit", circle.pk), url("members", circle.pk)):
        response = editor_with_circles.get(address)
        assert response.status_code in (302, 403), address
        assert "Marker-Member-0" not in response.content.decode()
    response = editor_with_circles.post(url("members", circle.pk), {"action": "remove"})
    assert response.status_code == 403
    assert circle.memberships.count() == 3


def test_the_members_page_places_answers_and_takes_out(coordinator_with_circles, circle, members):
    asker, placed = make_ally("asker", "Ask", "Marker-Asker"), make_ally("placed")
    request = rules.ask_to_join(circle.pk, asker)
    page = coordinator_with_circles.get(url("members", circle.pk)).content.decode()
    assert "Marker-Member-0" in page and "Marker-Asker" in page
    assert '<option value="" selected>Choose an ally</option>' in page
    assert "---------" not in page
    # The members list scrolls sideways on a phone, from the keyboard too.
    assert 'role="region" tabindex="0" aria-labelledby="allyship-circle-members"' in page
    members_url = url("members", circle.pk)
    coordinator_with_circles.post(members_url, {"action": "accept", "request": request.pk})
    coordinator_with_circles.post(members_url, {"action": "place", "ally": placed.pk})
    assert set(circle.memberships.values_list("user__username", flat=True)) == {
        "member0",
        "member1",
        "member2",
        "asker",
        "placed",
    }
    membership = CircleMembership.objects.get(user=members[0])
    coordinator_with_circles.post(members_url, {"action": "remove", "member": membership.pk})
    assert not CircleMembership.objects.filter(user=members[0]).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "accept", "request": "99999"},
        {"action": "accept", "request": "x' OR 1=1"},
        {"action": "decline", "request": ""},
        {"action": "remove", "member": "not-a-number"},
        {"action": "remove", "member": "9" * 40},
        {"action": "place", "ally": "99999"},
        {"action": "explode"},
    ],
)
def test_tampered_forms_change_nothing(coordinator_with_circles, circle, data):
    response = coordinator_with_circles.post(url("members", circle.pk), data, follow=True)
    assert response.status_code == 200
    assert circle.memberships.count() == 3


def test_placing_someone_who_is_not_an_ally_or_into_a_full_circle(coordinator_with_circles, circle):
    stranger = UserFactory(username="stranger")
    response = coordinator_with_circles.post(
        url("members", circle.pk), {"action": "place", "ally": stranger.pk}
    )
    assert response.status_code == 200
    assert "not a registered ally" in response.content.decode()
    assert circle.memberships.count() == 3
    full = make_circle("Full", members=[make_ally(f"f{n}") for n in range(4)], max_size=4)
    response = coordinator_with_circles.post(
        url("members", full.pk), {"action": "place", "ally": make_ally("one-more").pk}, follow=True
    )
    assert "is full" in response.content.decode()
    assert full.memberships.count() == 4
    assert (
        "The circle is full"
        in coordinator_with_circles.get(url("members", full.pk)).content.decode()
    )


def test_a_circle_with_members_or_meetings_is_not_deleted(coordinator_with_circles, circle):
    response = coordinator_with_circles.post(url("delete", circle.pk), follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert AllyCircle.objects.filter(pk=circle.pk).exists()
    empty = make_circle("Empty")
    make_meeting(empty)
    coordinator_with_circles.post(url("delete", empty.pk))
    assert AllyCircle.objects.filter(pk=empty.pk).exists()
    unused = make_circle("Unused")
    CircleRequest.objects.create(circle=unused, user=make_ally("asked"))
    coordinator_with_circles.post(url("delete", unused.pk))
    assert not AllyCircle.objects.filter(pk=unused.pk).exists()
