"""The monthly digest: opt-in from "My allyship", only when there is news, once a month."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.factories import (
    CommitmentFactory,
    EventFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    MyAllyshipPageFactory,
    PledgeFactory,
)
from tests.newsletters.conftest import make_ally
from wagtail_allyship.models import AllyRegistration, NewsletterDelivery
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


def opt_in(user):
    registration = AllyRegistration.objects.get(user=user)
    registration.set_subscription("digest_on", True)


def run(capsys=None) -> str:
    call_command("allyship_digest")
    return capsys.readouterr().out if capsys else ""


def test_an_ally_opts_in_from_my_allyship(client, programme):
    alex = make_ally(programme["force"], "alex")
    page = MyAllyshipPageFactory(slug="mine")
    client.force_login(alex)
    shown = client.get(page.url).content.decode()
    assert "Turn the monthly digest on" in shown
    response = client.post(page.url + "reminders/", {"digest": "on"}, follow=True)
    assert "The monthly digest is on." in response.content.decode()
    registration = AllyRegistration.objects.get(user=alex)
    assert registration.digest_on is True and registration.reminders_on is True
    client.post(page.url + "reminders/", {"newsletters": "off"})
    registration.refresh_from_db()
    assert registration.newsletters_on is False and registration.digest_on is True


def test_the_digest_lists_news_in_his_language_and_comes_once(smtp, programme, locales, capsys):
    index = GoodPracticeIndexPageFactory(slug="stories")
    story = GoodPracticeStoryPageFactory(parent=index, title="Mentoring in Essex")
    french_index = translate(index, locales["fr"], {})
    assert french_index is not None
    translate(story, locales["fr"], {"Mentoring in Essex": "Le mentorat dans l'Essex"})
    alex = make_ally(programme["force"], "alex")
    jules = make_ally(programme["force"], "jules", "fr")
    pledge = PledgeFactory(user=alex, programme_year=timezone.localdate().year)
    CommitmentFactory(
        pledge=pledge,
        text="Mentor two new starters",
        deadline=timezone.localdate() + datetime.timedelta(days=20),
    )
    EventFactory(title="Allyship round table")
    make_ally(programme["force"], "quiet")  # did not ask for it
    opt_in(alex)
    opt_in(jules)

    assert "Queued 2 digest(s)" in run(capsys)
    assert smtp.counts() == {"alex@example.org": 1, "jules@example.org": 1}
    [english] = smtp.to("alex@example.org")
    assert "Mentoring in Essex" in english.text
    assert "Mentor two new starters" in english.text
    assert "Allyship round table" in english.text
    assert english.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [french] = smtp.to("jules@example.org")
    assert "Le mentorat dans l'Essex" in french.text and "Mentoring in Essex" not in french.text
    assert "Nouvelles ressources" not in french.text  # no section without news

    assert "Queued 0 digest(s)" in run(capsys)  # the same month: nothing more
    assert len(smtp.received) == 2

    url = english.message["List-Unsubscribe"].strip()[1:-1]
    assert Client().post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    registration = AllyRegistration.objects.get(user=alex)
    assert registration.digest_on is False and registration.newsletters_on is True


def test_nothing_to_say_sends_nothing(smtp, programme):
    alex = make_ally(programme["force"], "alex")
    opt_in(alex)
    run()
    assert smtp.received == []
    assert NewsletterDelivery.objects.get(user=alex).status == "skipped"


def test_a_bad_date_is_one_clear_line(programme):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="is not a date"):
        call_command("allyship_digest", "--date", "March")
