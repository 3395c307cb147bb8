"""allyship_reminders: who is reminded of what, once only, in their language, safely in parallel."""

from __future__ import annotations

import datetime
import smtplib
import threading
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    UserFactory,
)
from wagtail_allyship.models import (
    CommitmentStatus,
    DeliveryStatus,
    RegistrationStatus,
    ReminderDelivery,
    ReminderKind,
    SentReminder,
)
from wagtail_allyship.pledges import delivery
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.pledges.reminder_emails import user_language
from wagtail_allyship.pledges.reminders import send_reminders
from wagtail_allyship.translations.translate import translate

TODAY = datetime.date(2026, 3, 10)


def day(offset: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


@pytest.fixture
def unit(db):
    return OrganisationUnitFactory(name="Essex Police")


def make_ally(unit, username="alex", **registration):
    user = UserFactory(username=username, first_name="Alex", last_name="Ally")
    AllyRegistrationFactory(user=user, unit=unit, **registration)
    return user


def commit(user, position, text, deadline, **kwargs):
    pledge = user.ally_pledges.first() or PledgeFactory(user=user, programme_year=2026)
    return CommitmentFactory(
        pledge=pledge, position=position, text=text, deadline=deadline, **kwargs
    )


@pytest.fixture
def ally(unit):
    user = make_ally(unit)
    commit(user, 1, "Due in three days & <soon>", day(3))
    commit(user, 2, "Two days late", day(-2))
    commit(user, 3, "Far away", day(60))
    return user


@pytest.fixture
def coordinator(db):
    group = Group.objects.create(name="Coordinators")
    group.permissions.add(Permission.objects.get(codename="view_allyregistration"))
    user = UserFactory(username="coordinator", first_name="Chris", last_name="Coordinator")
    user.groups.add(group)
    return user


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


@pytest.mark.django_db
class TestAllyReminders:
    def test_due_soon_and_overdue_in_one_email(self, ally):
        MyAllyshipPageFactory(slug="my-allyship")
        run = send_reminders(today=TODAY, digests=False)
        assert run.ally_emails == 1
        [message] = mail.outbox
        assert message.to == ["alex@example.org"]
        assert "deadlines passed and coming up" in message.subject
        assert "Due in three days" in message.body and "Two days late" in message.body
        assert "Far away" not in message.body
        assert "http://localhost/my-allyship/" in message.body
        assert "Due in three days & <soon>" in message.body  # plain text, not HTML-escaped
        kinds = set(SentReminder.objects.values_list("kind", "for_date"))
        # The overdue commitment makes the pledge amber: the same email says so (one claim
        # for the month).
        assert kinds == {
            (ReminderKind.DUE_SOON, day(3)),
            (ReminderKind.OVERDUE, day(-2)),
            (ReminderKind.STATUS, TODAY.replace(day=1)),
        }
        assert "Your pledge's accountability status is amber." in message.body

    def test_running_twice_sends_nothing_twice(self, ally):
        send_reminders(today=TODAY)
        send_reminders(today=TODAY)
        send_reminders(today=day(1))
        assert len(mail.outbox) == 1
        assert SentReminder.objects.count() == 3

    def test_a_due_commitment_is_reminded_again_when_it_becomes_overdue(self, ally):
        send_reminders(today=TODAY)
        run = send_reminders(today=day(4))
        assert run.ally_emails == 1
        assert "past its deadline" in mail.outbox[1].subject
        assert "Due in three days" in mail.outbox[1].body

    def test_moving_a_deadline_starts_again(self, ally):
        send_reminders(today=TODAY)
        ally.ally_pledges.get().commitments.filter(text="Two days late").update(deadline=day(5))
        send_reminders(today=TODAY)
        assert len(mail.outbox) == 2
        assert "Two days late" in mail.outbox[1].body

    @override_settings(WAGTAIL_ALLYSHIP={"REMINDER_DAYS_BEFORE": 2})
    def test_days_before_is_a_setting(self, ally):
        send_reminders(today=TODAY)
        assert "Due in three days" not in mail.outbox[0].body

    def test_who_is_left_out(self, unit):
        paused = make_ally(unit, "paused", status=RegistrationStatus.PAUSED)
        commit(paused, 1, "Paused ally", day(1))
        left = make_ally(unit, "left", status=RegistrationStatus.LEFT)
        commit(left, 1, "Left ally", day(1))
        silent = make_ally(unit, "noemail")
        silent.email = ""
        silent.save()
        commit(silent, 1, "No address", day(1))
        inactive = make_ally(unit, "inactive")
        inactive.is_active = False
        inactive.save()
        commit(inactive, 1, "Inactive", day(1))
        active = make_ally(unit, "active")
        commit(active, 1, "Finished", day(-3), status=CommitmentStatus.DONE)
        commit(active, 2, "Dropped", day(-3), status=CommitmentStatus.DROPPED)
        old = commit(active, 3, "Carried over", day(-30))
        new_pledge = PledgeFactory(user=active, programme_year=2027)
        CommitmentFactory(pledge=new_pledge, carried_over_from=old, deadline=day(100))
        assert send_reminders(today=TODAY).ally_emails == 0
        assert mail.outbox == []

    def test_email_is_in_the_allys_language(self, ally, locales):
        UserProfile.objects.create(user=ally, preferred_language="fr")
        english = MyAllyshipPageFactory(slug="my-allyship")
        translate(english, locales["fr"], {"My allyship": "Mon engagement"})
        send_reminders(today=TODAY)
        [message] = mail.outbox
        # The wording of the French catalogue (locale/fr/LC_MESSAGES/django.po), with its
        # no-break spaces before colons kept, in the subject too.
        nbsp = "\N{NO-BREAK SPACE}"
        assert message.subject == f"Vos engagements d'allié{nbsp}: échéances dépassées et à venir"
        body = message.body
        for french in (
            "Bonjour Alex Ally,",
            f"Ces engagements de votre promesse ont dépassé leur échéance{nbsp}:",
            f"Échéance{nbsp}: 8 mars 2026. Statut{nbsp}: Non commencé.",  # the deadline in French
            f"Ces échéances arrivent dans les 7 prochains jours{nbsp}:",
            f"Échéance{nbsp}: 13 mars 2026. Statut{nbsp}: Non commencé.",
            f"Dites-nous où vous en êtes{nbsp}: consignez votre avancement",
            "Vous recevez ce courriel parce que vous avez fait une promesse",
        ):
            assert french in body
        for english in ("Hello", "Deadline", "Status", "Tell us how", "You receive"):
            assert english not in body
        assert "Due in three days & <soon>" in body  # the ally's own words are not translated
        assert "/fr/my-allyship/" in body

    def test_language_falls_back_to_the_site_language(self, ally):
        assert user_language(ally) == "en"
        UserProfile.objects.create(user=ally, preferred_language="xx")
        ally.refresh_from_db()
        assert user_language(ally) == "en"

    @override_settings(WAGTAIL_ALLYSHIP={"MAIL_RETRY_SECONDS": 0})
    def test_a_failed_send_is_tried_again_next_time(self, ally, monkeypatch):
        def broken(self, fail_silently=False):
            raise smtplib.SMTPServerDisconnected("mail server went away")

        monkeypatch.setattr(mail.EmailMessage, "send", broken)
        run = send_reminders(today=TODAY)
        assert run.failed and run.ally_emails == 0
        assert not SentReminder.objects.exists()
        queued = ReminderDelivery.objects.get()
        assert queued.status == DeliveryStatus.QUEUED and queued.attempts == 1
        assert "mail server went away" in queued.last_error
        monkeypatch.undo()
        assert send_reminders(today=TODAY).ally_emails == 1
        assert len(mail.outbox) == 1
        sent = ReminderDelivery.objects.get()
        assert sent.status == DeliveryStatus.SENT and sent.attempts == 2
        assert sent.last_error == ""

    def test_a_retry_waits_for_its_back_off(self, ally, monkeypatch):
        def broken(self, fail_silently=False):
            raise smtplib.SMTPServerDisconnected("mail server went away")

        monkeypatch.setattr(mail.EmailMessage, "send", broken)
        before = timezone.now()
        send_reminders(today=TODAY)
        queued = ReminderDelivery.objects.get()
        wait = (queued.next_attempt_at - before).total_seconds()
        assert 300 <= wait < 310  # MAIL_RETRY_SECONDS, by default
        monkeypatch.undo()
        run = send_reminders(today=TODAY)  # too early: still waiting
        assert run.ally_emails == 0 and mail.outbox == []
        ReminderDelivery.objects.update(next_attempt_at=before)
        assert send_reminders(today=TODAY).ally_emails == 1

    @override_settings(WAGTAIL_ALLYSHIP={"MAIL_RETRY_SECONDS": 0, "MAIL_MAX_ATTEMPTS": 3})
    def test_a_delivery_that_keeps_failing_is_marked_failed(self, ally, monkeypatch):
        calls = []

        def broken(self, fail_silently=False):
            calls.append(self.to)
            raise smtplib.SMTPRecipientsRefused({self.to[0]: (550, b"no such mailbox")})

        monkeypatch.setattr(mail.EmailMessage, "send", broken)
        for _attempt in range(5):
            send_reminders(today=TODAY)
        assert len(calls) == 3
        failed = ReminderDelivery.objects.get()
        assert failed.status == DeliveryStatus.FAILED and failed.attempts == 3
        assert "no such mailbox" in failed.last_error
        assert not SentReminder.objects.exists()
        monkeypatch.undo()
        send_reminders(today=TODAY)  # a failed delivery of the day is not sent again
        assert mail.outbox == []
        assert send_reminders(today=day(1)).ally_emails == 1  # the next day's run tries again

    def test_the_back_off_doubles(self, settings):
        settings.WAGTAIL_ALLYSHIP = {"MAIL_RETRY_SECONDS": 60}
        assert [delivery.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]

    def test_a_run_that_loses_the_race_sends_nothing(self, ally, monkeypatch):
        """Another server claimed the same reminders between our check and our send."""
        real_claim = delivery.claim_and_send

        def racing_claim(rows, message):
            with transaction.atomic():
                SentReminder.objects.bulk_create(
                    [
                        SentReminder(
                            user=row.user,
                            commitment=row.commitment,
                            kind=row.kind,
                            for_date=row.for_date,
                        )
                        for row in rows
                    ]
                )
            return real_claim(rows, message)

        monkeypatch.setattr(delivery, "claim_and_send", racing_claim)
        run = send_reminders(today=TODAY, digests=False)
        assert run.ally_emails == 0 and run.already_sent == 1
        assert mail.outbox == []
        assert SentReminder.objects.count() == 3
        assert ReminderDelivery.objects.get().status == DeliveryStatus.ALREADY_SENT


@pytest.mark.django_db
class TestCoordinatorDigest:
    def test_digest_lists_overdue_by_unit(self, ally, coordinator, unit):
        other_unit = OrganisationUnitFactory(name="Kent Police")
        kent = make_ally(other_unit, "kent")
        commit(kent, 1, "Kent is late", day(-10))
        private = kent.ally_pledges.get()
        private.visibility = "private"
        private.save()
        run = send_reminders(today=TODAY, allies=False)
        assert run.digests == 1
        [digest] = sent_to("coordinator@example.org")
        assert "2 commitments have gone past their deadline" in digest.subject
        body = digest.body
        assert body.index("Essex Police") < body.index("Two days late")
        assert body.index("Kent Police") < body.index("Kent is late")
        assert "10 days ago" in body and "Due in three days" not in body

    def test_a_digest_goes_only_when_something_new_is_overdue(self, ally, coordinator):
        send_reminders(today=TODAY, allies=False)
        send_reminders(today=TODAY, allies=False)
        send_reminders(today=day(1), allies=False)
        assert len(sent_to("coordinator@example.org")) == 1
        send_reminders(today=day(4), allies=False)  # "Due in three days" is now late too
        digests = sent_to("coordinator@example.org")
        assert len(digests) == 2
        assert "1 commitment has gone past" in digests[1].subject
        lines = [line for line in digests[1].body.splitlines() if line.startswith("*")]
        assert len(lines) == 1 and "Due in three days" in lines[0]

    def test_superusers_get_no_digest_unless_made_coordinators(self, ally, superuser):
        send_reminders(today=TODAY, allies=False)
        assert sent_to(superuser.email) == []

    def test_digest_names_units_in_the_coordinators_language(
        self, ally, coordinator, unit, locales
    ):
        translate(unit, locales["fr"], {"Essex Police": "Police d'Essex"})
        UserProfile.objects.create(user=coordinator, preferred_language="fr")
        send_reminders(today=TODAY, allies=False)
        assert "Police d'Essex" in sent_to("coordinator@example.org")[0].body


@pytest.mark.django_db
class TestCommand:
    def test_reports_what_it_did(self, ally, coordinator):
        out = StringIO()
        call_command("allyship_reminders", "--date", TODAY.isoformat(), stdout=out)
        assert "Sent 1 reminder(s) to allies and 1 digest(s)" in out.getvalue()
        out = StringIO()
        call_command("allyship_reminders", "--date", TODAY.isoformat(), stdout=out)
        assert "Sent 0 reminder(s) to allies and 0 digest(s)" in out.getvalue()

    def test_dry_run_sends_and_records_nothing(self, ally, coordinator):
        out = StringIO()
        call_command("allyship_reminders", "--date", TODAY.isoformat(), "--dry-run", stdout=out)
        assert "would send: alex@example.org" in out.getvalue()
        assert "2 email(s) would be sent" in out.getvalue()
        assert mail.outbox == [] and not SentReminder.objects.exists()

    def test_skip_options(self, ally, coordinator):
        call_command("allyship_reminders", "--date", TODAY.isoformat(), "--skip-digest")
        assert [m.to for m in mail.outbox] == [["alex@example.org"]]
        call_command("allyship_reminders", "--date", TODAY.isoformat(), "--skip-allies")
        assert [m.to for m in mail.outbox][-1] == ["coordinator@example.org"]

    def test_bad_date_is_one_clear_line(self, db):
        with pytest.raises(CommandError, match="write it as YYYY-MM-DD"):
            call_command("allyship_reminders", "--date", "31/03/2026")

    def test_failed_sends_make_the_command_fail(self, ally, monkeypatch):
        def broken(self, fail_silently=False):
            raise OSError("connection refused")

        monkeypatch.setattr(mail.EmailMessage, "send", broken)
        with pytest.raises(CommandError, match="could not be sent"):
            call_command("allyship_reminders", "--date", TODAY.isoformat(), stderr=StringIO())

    def test_default_day_is_today(self, unit):
        user = make_ally(unit)
        pledge = PledgeFactory(user=user, programme_year=current_programme_year())
        CommitmentFactory(pledge=pledge, deadline=timezone.localdate())
        call_command("allyship_reminders", stdout=StringIO())
        assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="real concurrent transactions need a database server (CI runs this test on "
    "PostgreSQL and MariaDB)",
)
def test_concurrent_runs_send_each_email_once():
    unit = OrganisationUnitFactory()
    for n in range(5):
        user = make_ally(unit, f"ally{n}")
        commit(user, 1, "Soon", day(2))
        commit(user, 2, "Late", day(-2))
    group = Group.objects.create(name="Coordinators")
    group.permissions.add(Permission.objects.get(codename="view_allyregistration"))
    UserFactory(username="coordinator").groups.add(group)

    barrier = threading.Barrier(4)
    errors = []

    def run():
        try:
            barrier.wait(timeout=10)
            send_reminders(today=TODAY)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(
        [f"ally{n}@example.org" for n in range(5)] + ["coordinator@example.org"]
    )
    # Each ally: one claim per deadline and, being red with an overdue commitment, one
    # status nudge folded into the same email; the coordinator: one digest row per overdue.
    claims = Counter(SentReminder.objects.values_list("kind", flat=True))
    assert claims == {
        ReminderKind.DUE_SOON: 5,
        ReminderKind.OVERDUE: 5,
        ReminderKind.STATUS: 5,
        ReminderKind.DIGEST: 5,
    }
