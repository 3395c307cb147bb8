"""Shared fixtures of the ally circle tests: allies, a circle, its pages and its meetings."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from tests.factories import (
    AllyRegistrationFactory,
    CalendarPageFactory,
    MyAllyshipPageFactory,
    SessionFactory,
    UserFactory,
)
from wagtail_allyship.circles.models import AllyCircle, CircleMembership
from wagtail_allyship.sessions.models import SessionSignup


def make_ally(username: str, first_name: str = "Pat", last_name: str = ""):
    """A member of staff in the ally registry."""
    user = UserFactory(username=username, first_name=first_name, last_name=last_name or username)
    AllyRegistrationFactory(user=user)
    return user


def make_circle(name: str = "North circle", members=(), **fields) -> AllyCircle:
    circle = AllyCircle.objects.create(name=name, **fields)
    for user in members:
        CircleMembership.objects.create(circle=circle, user=user, how="placed")
    return circle


def make_meeting(circle, days: int = 7, places=None, **entry) -> SessionSignup:
    """A meeting of ``circle`` in ``days`` days, with a room and an online link."""
    entry.setdefault("title", f"{circle.name} meeting")
    entry.setdefault("location", "Room Marker-Room-7")
    entry.setdefault("online_link", "https://meet.example.org/marker-circle-link")
    entry.setdefault("starts_on", timezone.localdate() + datetime.timedelta(days=days))
    return SessionSignup.objects.create(entry=SessionFactory(**entry), places=places, circle=circle)


@pytest.fixture
def members(db):
    return [make_ally(f"member{n}", "Member", f"Marker-Member-{n}") for n in range(3)]


@pytest.fixture
def outsider(db):
    return make_ally("outsider", "Out", "Sider")


@pytest.fixture
def circle(members):
    return make_circle("North circle", members=members, max_size=5)


@pytest.fixture
def mine_page(db):
    return MyAllyshipPageFactory(parent=Page.objects.get(depth=2), slug="mine")


@pytest.fixture
def calendar_page(db):
    return CalendarPageFactory(parent=Page.objects.get(depth=2), slug="calendar")


def address(page, name: str, *args) -> str:
    return page.url + page.reverse_subpage(name, args=args)
