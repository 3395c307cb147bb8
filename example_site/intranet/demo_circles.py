"""Demo content for ally circles: two circles, one of them meeting through sessions.

"Northshire listening circle" (Northshire Police, open to requests, monthly) holds the demo
ally and three colleagues, with a facilitator and two coming meetings that are sessions for
its members only (the ally has a place at the first). "Carers and fathers circle" brings
allies together across units, every two weeks; one colleague's request to join waits for a
coordinator's answer. Coordinators get the permissions to run circles in the admin.
Idempotent, like the rest of the demo.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from intranet.demo_sessions import colleagues
from intranet.demo_stories_calendar import demo_key
from wagtail_allyship.models import (
    Admission,
    AllyCircle,
    AllyRegistration,
    AttendanceMode,
    AwarenessDate,
    AwarenessDateKind,
    CircleMembership,
    CircleRequest,
    MeetingRhythm,
    OrganisationUnit,
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)

UNIT = "Northshire Police"

CIRCLES = [
    # name, description, unit, rhythm, max size, facilitator, members, waiting to join
    (
        "Northshire listening circle",
        "Six to eight allies from Northshire Police who meet once a month for an hour to "
        "talk about what they noticed, what they tried and what they found hard.",
        UNIT,
        MeetingRhythm.MONTHLY,
        8,
        "lee.morgan",
        ("ally", "sam.patel", "jo.okafor", "ravi.shah"),
        (),
    ),
    (
        "Carers and fathers circle",
        "Allies from every unit who care for children or relatives, talking every two weeks "
        "about sharing the load at home and at work.",
        None,
        MeetingRhythm.FORTNIGHTLY,
        6,
        "dan.murphy",
        ("tom.becker", "dan.murphy", "lee.morgan"),
        ("jo.okafor",),
    ),
]

#: The listening circle's coming meetings: (key, days from today).
MEETINGS = [("circle-meeting-1", 9), ("circle-meeting-2", 39)]


def give_permissions() -> None:
    permissions = Permission.objects.filter(
        content_type__app_label="wagtail_allyship", content_type__model="allycircle"
    )
    group = Group.objects.filter(name="Coordinators").first()
    if group is not None:
        group.permissions.add(*permissions)


def people() -> dict:
    """The demo's colleagues and ally by username, each in the ally registry."""
    unit = OrganisationUnit.objects.get(name=UNIT, locale__language_code="en")
    found = {user.username: user for user in colleagues()}
    ally = get_user_model().objects.filter(username="ally").first()
    if ally is not None:
        found["ally"] = ally
    for user in found.values():
        AllyRegistration.objects.get_or_create(
            user=user, defaults={"unit": unit, "role": "Police officer"}
        )
    return found


def load_circle(row, found: dict) -> AllyCircle:
    name, description, unit_name, rhythm, size, facilitator, members, waiting = row
    unit = unit_name and OrganisationUnit.objects.get(name=unit_name, locale__language_code="en")
    circle, _created = AllyCircle.objects.get_or_create(
        name=name,
        defaults={
            "description": description,
            "unit": unit or None,
            "rhythm": rhythm,
            "max_size": size,
            "admission": Admission.OPEN,
            "facilitator": found.get(facilitator),
        },
    )
    for username in members:
        if username in found:
            CircleMembership.objects.get_or_create(
                circle=circle, user=found[username], defaults={"how": CircleMembership.How.PLACED}
            )
    for username in waiting:
        CircleRequest.objects.get_or_create(circle=circle, user=found[username])
    return circle


def load_meetings(circle: AllyCircle, found: dict) -> list[SessionSignup]:
    locale = Locale.get_default()
    meetings = []
    for key, days in MEETINGS:
        entry = AwarenessDate.objects.filter(translation_key=demo_key(key), locale=locale).first()
        if entry is None:
            entry = AwarenessDate(
                translation_key=demo_key(key),
                locale=locale,
                kind=AwarenessDateKind.SESSION,
                title=f"{circle.name}: meeting",
                description="The circle's monthly hour. Bring one thing you noticed.",
                starts_on=timezone.localdate() + datetime.timedelta(days=days),
                start_time=datetime.time(17, 0),
                end_time=datetime.time(18, 0),
                time_zone="Europe/London",
                location="Meeting room 4, Northshire headquarters",
                online_link="https://meet.example.org/northshire-circle",
            )
            entry.save()
        signup, _created = SessionSignup.objects.get_or_create(
            entry=entry, defaults={"mode": AttendanceMode.BOTH, "circle": circle}
        )
        meetings.append(signup)
    if "ally" in found and meetings:
        SessionRegistration.objects.get_or_create(
            signup=meetings[0], user=found["ally"], defaults={"status": SignupStatus.PLACE}
        )
    return meetings


def load_circles() -> list[AllyCircle]:
    """Two circles, their members, a waiting request and meetings (idempotent)."""
    give_permissions()
    found = people()
    circles = [load_circle(row, found) for row in CIRCLES]
    load_meetings(circles[0], found)
    return circles
