"""The reminders follow the accountability status: amber and red allies are told what would
turn their pledge green, once a month, through a real SMTP server on loopback."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    UserFactory,
)
from wagtail_allyship.models import Pledge, ReminderKind, SentReminder
from wagtail_allyship.pledges.reminders import send_reminders

TODAY = datetime.date(2026, 6, 10)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    yield
    translation.deactivate()


@pytest.fixture
def unit():
    return OrganisationUnitFactory(name="Essex Police")


def ally_made_on(unit, username: str, made_on: datetime.date, logged=None, **registration):
    """An ally whose 2026 pledge was made on ``made_on``, one commitment due far ahead."""
    user = UserFactory(username=username, first_name=username.title(), last_name="Ally")
    AllyRegistrationFactory(user=user, unit=unit, **registration)
    pledge = PledgeFactory(user=user, programme_year=2026)
    made_at = timezone.make_aware(datetime.datetime.combine(made_on, datetime.time(12)))
    Pledge.objects.filter(pk=pledge.pk).update(created_at=made_at)
    commitment = CommitmentFactory(
        pledge=pledge,
        position=1,
        text=f"{username} mentors a starter",
        deadline=TODAY + datetime.timedelta(120),
    )
    if logged:
        CommitmentUpdateFactory(commitment=commitment, date=logged)
    return user


def test_amber_and_red_allies_are_told_what_turns_it_green(smtp, unit):
    # Green: made a month ago. Amber: nothing logged for 4 months (N = 3). Red: 7 months.
    ally_made_on(unit, "green", TODAY - datetime.timedelta(30))
    ally_made_on(unit, "amber", datetime.date(2026, 1, 5), logged=datetime.date(2026, 2, 1))
    ally_made_on(unit, "red", datetime.date(2025, 11, 1))
    run = send_reminders(today=TODAY, digests=False)
    assert run.ally_emails == 2 and run.failed == []
    assert smtp.counts() == {"amber@example.org": 1, "red@example.org": 1}

    [amber] = smtp.to("amber@example.org")
    assert amber.message["Subject"] == (
        "Your allyship pledge is amber: here is what would turn it green"
    )
    assert "Your pledge's accountability status is amber." in amber.text
    assert "What would turn it green:" in amber.text
    assert "Log progress on “amber mentors a starter”: nothing has been logged on it" in (
        " ".join(amber.text.split())
    )
    [red] = smtp.to("red@example.org")
    assert red.message["Subject"].startswith("Your allyship pledge is red")
    assert "Nothing has been logged on your open commitments for a long time" in red.text
    claims = SentReminder.objects.filter(kind=ReminderKind.STATUS)
    assert set(claims.values_list("user__username", "for_date")) == {
        ("amber", datetime.date(2026, 6, 1)),
        ("red", datetime.date(2026, 6, 1)),
    }


def test_once_a_month_while_the_status_lasts(smtp, unit):
    ally_made_on(unit, "amber", datetime.date(2026, 1, 5), logged=datetime.date(2026, 2, 1))
    send_reminders(today=TODAY)
    send_reminders(today=TODAY + datetime.timedelta(5))
    assert smtp.counts() == {"amber@example.org": 1}
    send_reminders(today=datetime.date(2026, 7, 2))
    assert smtp.counts() == {"amber@example.org": 2}


def test_logging_progress_turns_it_green_and_stops_the_nudges(smtp, unit):
    user = ally_made_on(unit, "amber", datetime.date(2026, 1, 5))
    CommitmentUpdateFactory(commitment=user.ally_pledges.get().commitments.get(), date=TODAY)
    run = send_reminders(today=TODAY)
    assert run.ally_emails == 0 and smtp.received == []


def test_allies_who_turned_reminders_off_or_paused_are_not_nudged(smtp, unit):
    from wagtail_allyship.models import RegistrationStatus

    ally_made_on(unit, "off", datetime.date(2025, 11, 1), reminders_on=False)
    ally_made_on(unit, "paused", datetime.date(2025, 11, 1), status=RegistrationStatus.PAUSED)
    assert send_reminders(today=TODAY).ally_emails == 0
    assert smtp.received == []


def test_the_nudge_is_written_in_the_allys_language(smtp, unit):
    user = ally_made_on(unit, "jules", datetime.date(2025, 11, 1))
    UserProfile.objects.create(user=user, preferred_language="fr")
    send_reminders(today=TODAY, digests=False)
    [message] = smtp.to("jules@example.org")
    assert "Your pledge" not in message.text
    assert "Le statut de suivi de votre engagement est rouge." in message.text


def test_the_coordinators_digest_counts_who_needs_a_nudge(smtp, unit):
    group = Group.objects.create(name="Coordinators")
    group.permissions.add(Permission.objects.get(codename="view_allyregistration"))
    coordinator = UserFactory(username="chris", first_name="Chris", last_name="Coordinator")
    coordinator.groups.add(group)
    late = ally_made_on(unit, "late", TODAY - datetime.timedelta(30))
    late.ally_pledges.get().commitments.update(deadline=TODAY - datetime.timedelta(3))
    ally_made_on(unit, "red", datetime.date(2025, 11, 1))
    send_reminders(today=TODAY, allies=False)
    [digest] = smtp.to("chris@example.org")
    text = " ".join(digest.text.split())
    assert "2 allies need a nudge: their pledges are amber or red." in text
    assert "Amber: 1. Red: 1." in text
