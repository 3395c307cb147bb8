"""The example intranet's pledge content: pages in three languages, allies, the registry."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.models import (
    AllyRegistration,
    MyAllyshipPage,
    Pledge,
    PledgePage,
    PledgeWallPage,
    SentReminder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


def test_demo_has_the_pledge_pages_allies_and_coordinators(demo_content, client):
    for model in (PledgePage, PledgeWallPage, MyAllyshipPage):
        pages = model.objects.live().select_related("locale")
        assert {page.locale.language_code for page in pages} == {"en", "fr", "ar"}
        assert all(page.show_in_menus for page in pages)
    User = get_user_model()
    ally = User.objects.get(username="ally")
    assert ally.ally_registration.unit.name == "Northshire Police"
    pledge = Pledge.objects.get(user=ally)
    assert pledge.is_published and pledge.commitments.count() == 3
    assert AllyRegistration.objects.count() >= 3
    assert Pledge.objects.filter(visibility="private").exists()
    assert is_coordinator(User.objects.get(username="coordinator"))
    assert not is_coordinator(User.objects.get(username="local-editor"))

    client.force_login(ally)
    wall = client.get("/pledge-wall/").content.decode()
    assert "Alex Ally" in wall and "Morgan Reid" in wall and "Dev Patel" not in wall
    assert client.get("/fr/pledge-wall/").status_code == 200
    arabic = client.get("/ar/my-allyship/").content.decode()
    assert 'dir="rtl"' in arabic and "شرطة نورثشاير" in arabic


def test_demo_reminders_run_cleanly(demo_content, capsys):
    call_command("allyship_reminders", "--dry-run")
    assert "would be sent" in capsys.readouterr().out
    assert not SentReminder.objects.exists()
