"""The circles' pages below "My allyship": who sees what, asking, leaving, and query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.circles.conftest import address, make_ally, make_circle, make_meeting
from tests.factories import UserFactory
from wagtail_allyship.circles.models import Admission, CircleMembership, CircleRequest

pytestmark = pytest.mark.django_db

MEMBER_NAMES = ("Marker-Member-0", "Marker-Member-1", "Marker-Member-2")


def body(response) -> str:
    return response.content.decode()


def test_a_member_sees_the_members_and_the_next_meeting(
    client, mine_page, calendar_page, circle, members
):
    meeting = make_meeting(circle, days=3)
    make_meeting(circle, days=30, title="Later meeting")
    client.force_login(members[0])
    response = client.get(address(mine_page, "circle", circle.pk))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    text = body(response)
    for name in MEMBER_NAMES:
        assert name in text
    assert meeting.entry.title in text
    assert "Later meeting" not in text
    assert f"/calendar/session/{meeting.entry.translation_key}/" in text


@pytest.mark.parametrize("who", ["outsider", "editor", "coordinator", "superuser"])
def test_nobody_outside_the_circle_sees_its_page(client, mine_page, circle, who, outsider):
    user = {
        "outsider": outsider,
        "editor": UserFactory(username="editor", permissions=["wagtailadmin.access_admin"]),
        "coordinator": UserFactory(
            username="coord", permissions=["wagtail_allyship.view_allyregistration"]
        ),
        "superuser": UserFactory(username="root", is_superuser=True),
    }[who]
    make_meeting(circle)
    client.force_login(user)
    response = client.get(address(mine_page, "circle", circle.pk))
    assert response.status_code == 404
    assert not any(name in body(response) for name in MEMBER_NAMES)


def test_visitors_are_sent_to_log_in(client, mine_page, circle):
    for name, args in (("circles", ()), ("circle", (circle.pk,))):
        response = client.get(address(mine_page, name, *args))
        assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(address(mine_page, "circle_ask", circle.pk))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not CircleRequest.objects.exists()


def test_the_facilitator_sees_the_circle_without_being_a_member(client, mine_page, members):
    facilitator = UserFactory(username="facilitator")
    circle = make_circle("Led", members=members, facilitator=facilitator)
    client.force_login(facilitator)
    response = client.get(address(mine_page, "circle", circle.pk))
    assert response.status_code == 200
    assert "Marker-Member-0" in body(response)
    assert "Leave the circle" not in body(response)


def test_the_list_shows_open_circles_without_their_members(client, mine_page, circle, outsider):
    make_circle("Placement only", admission=Admission.PLACEMENT)
    make_meeting(circle, title="Secret marker meeting")
    client.force_login(outsider)
    text = body(client.get(address(mine_page, "circles")))
    assert "North circle" in text and "Ask to join" in text
    assert "Placement only" not in text
    assert "Secret marker meeting" not in text
    assert not any(name in text for name in MEMBER_NAMES)


def test_asking_to_join_from_the_page(client, mine_page, circle, outsider):
    client.force_login(outsider)
    url = address(mine_page, "circle_ask", circle.pk)
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "Your request has been sent" in body(response)
    assert "You have asked to join" in body(response)
    response = client.post(url, follow=True)
    assert "already asked" in body(response)
    assert CircleRequest.objects.filter(user=outsider).count() == 1


def test_asking_without_being_an_ally_or_for_no_circle(client, mine_page, circle):
    client.force_login(UserFactory(username="not-an-ally"))
    response = client.post(address(mine_page, "circle_ask", circle.pk), follow=True)
    assert "Only registered allies" in body(response)
    client.force_login(make_ally("ally-asking"))
    response = client.post(address(mine_page, "circle_ask", circle.pk + 99), follow=True)
    assert response.status_code == 200
    assert "no such circle" in body(response)
    assert not CircleRequest.objects.exists()


def test_a_member_leaves(client, mine_page, circle, members):
    client.force_login(members[0])
    response = client.post(address(mine_page, "circle_leave", circle.pk), follow=True)
    assert "You have left the circle" in body(response)
    assert not CircleMembership.objects.filter(user=members[0]).exists()
    assert client.get(address(mine_page, "circle", circle.pk)).status_code == 404


def test_my_allyship_shows_my_circles_and_their_next_meeting(
    client, mine_page, calendar_page, circle, members, outsider
):
    meeting = make_meeting(circle, days=2)
    client.force_login(members[1])
    text = body(client.get(mine_page.url))
    assert "North circle" in text
    assert meeting.entry.schedule() in text
    assert "Marker-Member-0" not in text  # names only on the circle's own page
    client.force_login(outsider)
    text = body(client.get(mine_page.url))
    assert "You are not in an ally circle." in text
    assert "North circle" not in text


# Queries ---------------------------------------------------------------------------------


def count(client, url: str) -> int:
    assert client.get(url).status_code == 200  # warm Wagtail's caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_circle_page_costs_the_same_with_2_and_12_members(client, mine_page, calendar_page):
    viewer = make_ally("viewer")
    small = make_circle("Small", members=[viewer, make_ally("s1")], max_size=12)
    big = make_circle(
        "Big", members=[viewer, *(make_ally(f"b{n}") for n in range(11))], max_size=12
    )
    for circle in (small, big):
        make_meeting(circle)
    client.force_login(viewer)
    few = count(client, address(mine_page, "circle", small.pk))
    many = count(client, address(mine_page, "circle", big.pk))
    print("circle page queries", few, many)
    assert few == many <= 17, (few, many)  # 16, and the programme's breadcrumbs and sections


def circles_of(user, number: int) -> None:
    for n in range(number):
        circle = make_circle(
            f"Circle {user.username} {n}", members=[user, make_ally(f"o{user.pk}-{n}")]
        )
        make_meeting(circle, days=n + 1)


def test_my_allyship_and_the_list_cost_the_same_with_1_and_20_circles(
    client, mine_page, calendar_page
):
    one, twenty = make_ally("one"), make_ally("twenty")
    circles_of(one, 1)
    circles_of(twenty, 20)
    results = {}
    for name in ("mine", "list"):
        urls = {
            "mine": mine_page.url,
            "list": address(mine_page, "circles"),
        }
        client.force_login(one)
        few = count(client, urls[name])
        client.force_login(twenty)
        many = count(client, urls[name])
        results[name] = (few, many)
        assert few == many, results
    print("queries", results)
    assert results["mine"][1] <= 24 and results["list"][1] <= 17, results
