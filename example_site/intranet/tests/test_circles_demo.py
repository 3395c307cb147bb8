"""The example intranet's ally circles: two circles, one meeting through sessions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from intranet import demo_circles
from wagtail_allyship.models import (
    AllyCircle,
    CalendarPage,
    CircleMembership,
    CircleRequest,
    MyAllyshipPage,
    SessionSignup,
)

pytestmark = pytest.mark.django_db


def test_demo_circles(demo_content):
    call_command("allyship_demo", stdout=StringIO())  # a second run adds nothing
    assert AllyCircle.objects.count() == 2
    assert CircleMembership.objects.count() == 7
    assert CircleRequest.objects.filter(status="pending").count() == 1
    listening = AllyCircle.objects.get(name="Northshire listening circle")
    assert SessionSignup.objects.filter(circle=listening).count() == len(demo_circles.MEETINGS)

    User = get_user_model()
    ally, colleague = User.objects.get(username="ally"), User.objects.get(username="colleague")
    mine = MyAllyshipPage.objects.live().filter(locale__language_code="en").first()
    calendar = CalendarPage.objects.live().filter(locale__language_code="en").first()
    client = Client()
    client.force_login(ally)
    html = client.get(mine.url).content.decode()
    assert "Northshire listening circle" in html and "Next meeting:" in html
    circle_url = mine.url + mine.reverse_subpage("circle", args=[listening.pk])
    html = client.get(circle_url).content.decode()
    assert "Sam Patel" in html and "Lee Morgan" in html
    assert "Northshire listening circle: meeting" in client.get(calendar.url).content.decode()

    client.force_login(colleague)  # not in the circle
    assert client.get(circle_url).status_code == 404
    assert "Northshire listening circle: meeting" not in client.get(calendar.url).content.decode()
    html = client.get(mine.url + mine.reverse_subpage("circles")).content.decode()
    assert "Carers and fathers circle" in html and "Sam Patel" not in html
