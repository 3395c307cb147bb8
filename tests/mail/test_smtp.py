"""Reminders through a real SMTP server on loopback: what arrives, in which language, retries."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    UserFactory,
)
from wagtail_allyship.models import DeliveryStatus, ReminderDelivery, SentReminder
from wagtail_allyship.pledges.reminders import send_reminders
from wagtail_allyship.translations.translate import translate

TODAY = datetime.date(2026, 3, 10)
NBSP = "\N{NO-BREAK SPACE}"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    yield
    translation.deactivate()


def ally(unit, username: str, language: str = "", late: str = "Mentor two new starters"):
    user = UserFactory(username=username, first_name=username.title(), last_name="Ally")
    AllyRegistrationFactory(user=user, unit=unit)
    if language:
        UserProfile.objects.create(user=user, preferred_language=language)
    pledge = PledgeFactory(user=user, programme_year=2026)
    CommitmentFactory(pledge=pledge, position=1, text=late, deadline=TODAY - datetime.timedelta(2))
    return user


@pytest.fixture
def unit():
    return OrganisationUnitFactory(name="Essex Police")


def test_each_ally_gets_one_message_in_his_language(smtp, unit, locales):
    english = MyAllyshipPageFactory(slug="my-allyship")
    translate(english, locales["fr"], {"My allyship": "Mon engagement"})
    ally(unit, "alex")
    ally(unit, "jules", "fr", late="Parrainer deux nouvelles recrues")
    run = send_reminders(today=TODAY, digests=False)
    assert run.ally_emails == 2 and run.failed == []
    assert smtp.counts() == {"alex@example.org": 1, "jules@example.org": 1}

    [alex] = smtp.to("alex@example.org")
    assert alex.sender == "allyship@intranet.example"
    assert alex.message["To"] == "alex@example.org"
    assert alex.message["From"] == "allyship@intranet.example"
    assert alex.message["Subject"] == "Your allyship commitment is past its deadline"
    assert alex.message.get_content_type() == "text/plain"
    assert alex.message.get_content_charset() == "utf-8"
    assert alex.message["Message-ID"] and alex.message["Date"]
    assert "Hello Alex Ally," in alex.text
    assert "Mentor two new starters" in alex.text
    assert "http://localhost/my-allyship/" in alex.text

    [jules] = smtp.to("jules@example.org")
    # The French subject comes through its RFC 2047 encoding intact (Django 5.2 folds it onto
    # a line of its own, which unfolds to a leading space that mail clients do not show).
    assert jules.message["Subject"].strip() == "Votre engagement d'allié a dépassé son échéance"
    assert "Bonjour Jules Ally," in jules.text
    assert f"Échéance{NBSP}: 8 mars 2026" in jules.text
    assert "Parrainer deux nouvelles recrues" in jules.text
    assert "/fr/my-allyship/" in jules.text
    assert "Hello" not in jules.text


def test_running_again_sends_nothing_more(smtp, unit):
    ally(unit, "alex")
    send_reminders(today=TODAY)
    send_reminders(today=TODAY)
    assert smtp.counts() == {"alex@example.org": 1}


@override_settings(
    WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "base.html", "MAIL_RETRY_SECONDS": 0, "MAIL_MAX_ATTEMPTS": 3}
)
def test_a_busy_mailbox_is_retried_and_then_gets_one_copy(smtp, unit):
    ally(unit, "alex")
    ally(unit, "sam")
    smtp.refuse["sam@example.org"] = 2
    first = send_reminders(today=TODAY)
    assert first.ally_emails == 1
    assert len(first.failed) == 1 and "451" in first.failed[0]
    assert smtp.counts() == {"alex@example.org": 1}
    delivery = ReminderDelivery.objects.get(user__username="sam")
    assert delivery.status == DeliveryStatus.QUEUED and "Mailbox busy" in delivery.last_error
    send_reminders(today=TODAY)  # refused again
    assert ReminderDelivery.objects.get(user__username="sam").attempts == 2
    third = send_reminders(today=TODAY)
    assert third.ally_emails == 1 and third.failed == []
    assert smtp.counts() == {"alex@example.org": 1, "sam@example.org": 1}
    assert ReminderDelivery.objects.get(user__username="sam").status == DeliveryStatus.SENT


@override_settings(
    WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "base.html", "MAIL_RETRY_SECONDS": 0, "MAIL_MAX_ATTEMPTS": 2}
)
def test_a_mailbox_that_keeps_refusing_is_marked_failed(smtp, unit):
    ally(unit, "sam")
    smtp.refuse["sam@example.org"] = 10
    for _run in range(4):
        send_reminders(today=TODAY)
    delivery = ReminderDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 2
    assert smtp.received == [] and not SentReminder.objects.exists()


def test_a_mail_server_that_is_down_leaves_the_delivery_queued(settings, unit):
    ally(unit, "alex")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens (discard port)
    settings.EMAIL_TIMEOUT = 2
    run = send_reminders(today=TODAY)
    assert run.ally_emails == 0 and len(run.failed) == 1
    delivery = ReminderDelivery.objects.get()
    assert delivery.status == DeliveryStatus.QUEUED and delivery.attempts == 1
    assert "Connection refused" in delivery.last_error or "Error" in delivery.last_error
