"""The example intranet's feedback: requests of the demo ally in every state."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail_allyship.models import FeedbackRequest, FeedbackState, MyAllyshipPage, PledgeWallPage

pytestmark = pytest.mark.django_db


def test_feedback_in_several_states(demo_content, client):
    ally = get_user_model().objects.get(username="ally")
    states = sorted(FeedbackRequest.objects.filter(ally=ally).values_list("state", flat=True))
    assert states == ["answered", "answered", "declined", "pending", "pending", "pending"]
    assert FeedbackRequest.objects.filter(state=FeedbackState.REPORTED).count() == 1
    call_command("allyship_demo", stdout=StringIO())
    assert FeedbackRequest.objects.filter(ally=ally).count() == 6

    client.force_login(ally)
    mine = MyAllyshipPage.objects.get(locale__language_code="en")
    body = client.get(mine.url).content.decode()
    assert "presented it myself" in body and "find me a mentor" in body
    assert "Morgan Reid asks for your feedback" in body
    wall = client.get(PledgeWallPage.objects.get(locale__language_code="en").url).content.decode()
    assert "presented it myself" in wall and "find me a mentor" not in wall
