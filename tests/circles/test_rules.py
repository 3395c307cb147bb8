"""Joining and leaving a circle: every refusal says why and changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.circles.conftest import make_ally, make_circle, make_meeting
from tests.factories import AllyRegistrationFactory, UserFactory
from wagtail_allyship.circles import rules
from wagtail_allyship.circles.models import (
    Admission,
    AllyCircle,
    CircleMembership,
    CircleRequest,
    MeetingRhythm,
    RequestStatus,
)
from wagtail_allyship.registry.models import RegistrationStatus
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus

pytestmark = pytest.mark.django_db


def refusal(step) -> str:
    with pytest.raises(rules.CircleRefused) as raised:
        step()
    return raised.value.message


def test_an_ally_asks_and_a_coordinator_accepts(circle, outsider):
    request = rules.ask_to_join(circle.pk, outsider)
    assert request.status == RequestStatus.PENDING
    assert not CircleMembership.objects.filter(user=outsider).exists()
    rules.answer(request.pk, accept=True)
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED and request.answered_at
    assert CircleMembership.objects.get(user=outsider).how == CircleMembership.How.ASKED


def test_a_declined_request_makes_nobody_a_member_and_cannot_be_repeated(circle, outsider):
    request = rules.ask_to_join(circle.pk, outsider)
    rules.answer(request.pk, accept=False)
    assert not CircleMembership.objects.filter(user=outsider).exists()
    assert "was declined" in refusal(lambda: rules.ask_to_join(circle.pk, outsider))


def test_asking_twice_is_refused(circle, outsider):
    rules.ask_to_join(circle.pk, outsider)
    assert "already asked" in refusal(lambda: rules.ask_to_join(circle.pk, outsider))
    assert CircleRequest.objects.filter(user=outsider).count() == 1


def test_a_member_cannot_ask(circle, members):
    assert "already a member" in refusal(lambda: rules.ask_to_join(circle.pk, members[0]))
    assert not CircleRequest.objects.exists()


def test_a_placement_only_circle_takes_no_request(outsider):
    closed = make_circle("Closed", admission=Admission.PLACEMENT)
    assert "does not take requests" in refusal(lambda: rules.ask_to_join(closed.pk, outsider))
    assert not CircleRequest.objects.exists()


def test_a_full_circle_takes_no_request(outsider):
    full = make_circle("Full", members=[make_ally(f"f{n}") for n in range(4)], max_size=4)
    assert "is full" in refusal(lambda: rules.ask_to_join(full.pk, outsider))
    assert not CircleRequest.objects.exists()


@pytest.mark.parametrize("status", [None, RegistrationStatus.LEFT])
def test_only_registered_allies_can_ask_or_be_placed(circle, status):
    user = UserFactory(username="not-an-ally")
    if status:
        AllyRegistrationFactory(user=user, status=status)
    assert "registered allies" in refusal(lambda: rules.ask_to_join(circle.pk, user))
    assert "registered allies" in refusal(lambda: rules.place(circle.pk, user))
    assert not CircleRequest.objects.exists()
    assert not CircleMembership.objects.filter(user=user).exists()


def test_accepting_when_the_circle_filled_up_meanwhile_is_refused(outsider):
    small = make_circle("Small", members=[make_ally(f"s{n}") for n in range(3)], max_size=4)
    request = rules.ask_to_join(small.pk, outsider)
    rules.place(small.pk, make_ally("last-place"))
    assert "is full" in refusal(lambda: rules.answer(request.pk, accept=True))
    request.refresh_from_db()
    assert request.is_pending
    assert small.memberships.count() == 4


def test_answering_twice_or_an_unknown_request_is_refused(circle, outsider):
    request = rules.ask_to_join(circle.pk, outsider)
    rules.answer(request.pk, accept=False)
    assert "already been answered" in refusal(lambda: rules.answer(request.pk, accept=True))
    assert "no such request" in refusal(lambda: rules.answer(request.pk + 100, accept=True))
    assert not CircleMembership.objects.filter(user=outsider).exists()


def test_placing_answers_a_waiting_request(circle, outsider):
    rules.ask_to_join(circle.pk, outsider)
    rules.place(circle.pk, outsider)
    assert CircleRequest.objects.get(user=outsider).status == RequestStatus.ACCEPTED
    assert "already a member" in refusal(lambda: rules.place(circle.pk, outsider))
    assert CircleMembership.objects.filter(user=outsider).count() == 1


def test_a_withdrawn_request_can_be_made_again(circle, outsider):
    rules.ask_to_join(circle.pk, outsider)
    rules.withdraw(circle.pk, outsider)
    assert "no request waiting" in refusal(lambda: rules.withdraw(circle.pk, outsider))
    assert rules.ask_to_join(circle.pk, outsider).is_pending


def test_leaving_gives_up_the_places_at_coming_meetings(circle, members):
    meeting = make_meeting(circle, places=1)
    places.sign_up(meeting.pk, members[0])
    places.sign_up(meeting.pk, members[1])  # waits
    assert rules.leave(circle.pk, members[0]) == 1
    assert not CircleMembership.objects.filter(circle=circle, user=members[0]).exists()
    statuses = dict(
        SessionRegistration.objects.filter(signup=meeting).values_list("user", "status")
    )
    assert statuses == {members[0].pk: SignupStatus.CANCELLED, members[1].pk: SignupStatus.PLACE}
    assert "nothing to leave" in refusal(lambda: rules.leave(circle.pk, members[0]))


def test_refusals_are_translated(circle, members):
    with translation.override("fr"):
        message = refusal(lambda: rules.ask_to_join(circle.pk, members[0]))
    assert "North circle" in message
    assert "already a member" not in message


# The circle's settings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"max_size": 13}, "max_size"),
        ({"max_size": 3}, "max_size"),
        ({"min_size": 3}, "min_size"),
        ({"min_size": 10, "max_size": 6}, "min_size"),
        ({"rhythm": MeetingRhythm.OTHER, "rhythm_other": "  "}, "rhythm_other"),
    ],
)
def test_bad_settings_are_refused(fields, field):
    circle = AllyCircle(name="Bad", **fields)
    with pytest.raises(ValidationError) as raised:
        circle.full_clean()
    assert field in raised.value.message_dict


def test_the_largest_size_cannot_go_below_the_members(circle, members):
    circle.max_size = 4
    circle.full_clean()
    rules.place(circle.pk, make_ally("fourth"))
    circle.max_size = 4
    circle.full_clean()  # exactly full is fine
    circle.refresh_from_db()
    circle.max_size = 4
    CircleMembership.objects.create(circle=circle, user=make_ally("fifth"), how="placed")
    with pytest.raises(ValidationError) as raised:
        circle.full_clean()
    assert "5 members" in raised.value.message_dict["max_size"][0]


def test_other_rhythm_is_shown_in_its_own_words():
    circle = AllyCircle(name="Termly", rhythm=MeetingRhythm.OTHER, rhythm_other="Every term")
    assert circle.rhythm_label() == "Every term"
    assert AllyCircle(name="M").rhythm_label() == "Every month"
