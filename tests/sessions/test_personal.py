"""Sign-ups are personal data: they go with the person, and with a left ally's data."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import AllyRegistrationFactory, UserFactory
from tests.sessions.conftest import make_session
from wagtail_allyship.access.personal import is_personal
from wagtail_allyship.privacy.retention import apply_retention, plan_retention
from wagtail_allyship.registry.models import RegistrationStatus
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration

pytestmark = pytest.mark.django_db


def test_registrations_are_behind_the_guard():
    assert is_personal(SessionRegistration)


def test_deleting_a_user_deletes_their_sign_ups_and_moves_the_next_up():
    signup = make_session(places=1)
    leaver = UserFactory(username="leaver")
    places.sign_up(signup.pk, leaver)
    places.sign_up(signup.pk, UserFactory(username="next"))
    leaver.delete()
    assert list(SessionRegistration.objects.values_list("user__username", "status")) == [
        ("next", "place")
    ]


def test_retention_removes_the_sign_ups_of_allies_who_left_long_ago():
    signup = make_session(places=None)
    gone = AllyRegistrationFactory(
        status=RegistrationStatus.LEFT, left_on=datetime.date(2020, 1, 31)
    )
    staying = AllyRegistrationFactory()
    for registration in (gone, staying):
        places.sign_up(signup.pk, registration.user)
    plan = plan_retention(datetime.date(2026, 6, 1))
    assert plan.session_registrations == 1
    done = apply_retention(datetime.date(2026, 6, 1))
    assert done.session_registrations == 1
    assert list(SessionRegistration.objects.values_list("user", flat=True)) == [staying.user_id]
