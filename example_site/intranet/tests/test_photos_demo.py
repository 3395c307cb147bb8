"""The example intranet's photos with the pledge sign: one approved on the wall, one waiting."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail_allyship.models import PhotoStatus, PledgeWallPage, SignPhoto
from wagtail_allyship.pledges.photos.models import photo_storage

pytestmark = pytest.mark.django_db


def test_an_approved_photo_and_one_waiting(demo_content, client):
    states = dict(SignPhoto.objects.values_list("pledge__user__username", "status"))
    assert states == {"ally": PhotoStatus.APPROVED, "morgan": PhotoStatus.PENDING}
    for photo in SignPhoto.objects.all():
        assert all(photo_storage().exists(name) for name in photo.file_names())
    call_command("allyship_demo", stdout=StringIO())
    assert SignPhoto.objects.count() == 2

    User = get_user_model()
    client.force_login(User.objects.get(username="ally"))
    wall = client.get(PledgeWallPage.objects.get(locale__language_code="en").url)
    html = wall.content.decode()
    assert "Alex Ally holding his pledge sign" in html
    assert "Morgan Reid holding his pledge sign" not in html

    client.force_login(User.objects.get(username="coordinator"))
    queue = client.get(reverse("wagtail_allyship_signphoto")).content.decode()
    assert "Morgan Reid" in queue and "Alex Ally" not in queue
