"""The example intranet's programme updates: two sent issues in three languages, with logs."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail_allyship.models import NewsletterDelivery, NewsletterSend, ProgrammeUpdatePage

pytestmark = pytest.mark.django_db


def test_demo_newsletters(demo_content, client):
    call_command("allyship_demo", stdout=StringIO())  # a second run adds nothing
    assert NewsletterSend.objects.count() == 2
    for page in ProgrammeUpdatePage.objects.filter(locale__language_code="en"):
        languages = set(
            ProgrammeUpdatePage.objects.live()
            .filter(translation_key=page.translation_key)
            .values_list("locale__language_code", flat=True)
        )
        assert languages == {"en", "fr", "ar"}
    deliveries = NewsletterDelivery.objects.all()
    assert deliveries.filter(status="sent").exists() and deliveries.filter(status="failed").exists()
    assert len({(d.send_id, d.user_id) for d in deliveries}) == deliveries.count()

    french = ProgrammeUpdatePage.objects.live().get(
        locale__language_code="fr", slug="programme-update-summer"
    )
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    assert "Les nouvelles du programme" in client.get(french.url).content.decode()
    progress = client.get(reverse("wagtail_allyship_newsletter_send", args=[french.pk]))
    assert progress.status_code == 200
    assert 'data-status="failed">1<' in progress.content.decode()
