"""Circle membership is personal data: behind the guard, in "My data", deleted, retained."""

from __future__ import annotations

import datetime
import json

import pytest

from tests.circles.conftest import address, make_circle, make_meeting
from tests.factories import AllyRegistrationFactory, UserFactory
from wagtail_allyship.access.personal import is_personal, personal_data_refusal
from wagtail_allyship.circles import rules
from wagtail_allyship.circles.models import AllyCircle, CircleMembership, CircleRequest
from wagtail_allyship.privacy.retention import apply_retention, plan_retention
from wagtail_allyship.registry.models import RegistrationStatus
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db


def test_circles_are_behind_the_guard(outsider):
    for model in (AllyCircle, CircleMembership, CircleRequest):
        assert is_personal(model)
        assert personal_data_refusal(outsider, model)


def test_circles_are_not_translatable():
    assert not hasattr(AllyCircle, "translation_key")
    assert not hasattr(CircleMembership, "locale")


def test_my_data_holds_my_circles_and_requests_but_no_one_else(client, mine_page, circle, members):
    other = make_circle("Other")
    rules.ask_to_join(other.pk, members[0])
    client.force_login(members[0])
    response = client.get(address(mine_page, "download"))
    data = json.loads(response.content)
    assert [entry["circle"] for entry in data["circles"]] == ["North circle"]
    assert [(e["circle"], e["status"]) for e in data["circle_requests"]] == [("Other", "pending")]
    assert "Marker-Member-1" not in response.content.decode()


def test_deleting_a_member_takes_them_out_and_frees_their_meeting_place(circle, members):
    meeting = make_meeting(circle, places=1)
    places.sign_up(meeting.pk, members[0])
    places.sign_up(meeting.pk, members[1])
    rules.ask_to_join(make_circle("Other").pk, members[0])
    members[0].delete()
    assert circle.memberships.count() == 2
    assert not CircleRequest.objects.exists()
    assert SessionRegistration.objects.get(user=members[1]).status == SignupStatus.PLACE


def test_deleting_the_facilitator_keeps_the_circle(circle):
    facilitator = UserFactory(username="facilitator")
    circle.facilitator = facilitator
    circle.save()
    facilitator.delete()
    circle.refresh_from_db()
    assert circle.facilitator is None and circle.memberships.count() == 3


def test_retention_removes_the_circles_of_allies_who_left_long_ago(circle, members):
    gone = AllyRegistrationFactory(
        status=RegistrationStatus.LEFT, left_on=datetime.date(2020, 1, 31)
    )
    CircleMembership.objects.create(circle=circle, user=gone.user, how="placed")
    CircleRequest.objects.create(circle=make_circle("Other"), user=gone.user)
    plan = plan_retention(datetime.date(2026, 6, 1))
    assert (plan.circle_memberships, plan.circle_requests) == (1, 1)
    done = apply_retention(datetime.date(2026, 6, 1))
    assert (done.circle_memberships, done.circle_requests) == (1, 1)
    assert set(circle.memberships.values_list("user", flat=True)) == {m.pk for m in members}
    assert not CircleRequest.objects.exists()
