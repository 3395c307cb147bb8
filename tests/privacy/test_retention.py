"""Retention: leaving dates, what ``allyship_retention`` removes and when, and its settings."""

import datetime
import importlib
import io
import uuid
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentUpdateFactory,
    FeedbackSurveyPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    SurveyResponseFactory,
    UserFactory,
)
from wagtail_allyship.conf import setting_errors
from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentUpdate,
    DeliveryKind,
    Pledge,
    RegistrationStatus,
    ReminderDelivery,
    ReminderKind,
    SentReminder,
    SurveyParticipation,
    SurveyResponse,
)
from wagtail_allyship.privacy import retention
from wagtail_allyship.privacy.retention import (
    apply_retention,
    months_before,
    plan_retention,
    survey_responses_cutoff,
)

TODAY = datetime.date(2026, 5, 10)
#: With the default of 24 months, allies who left before this day are removed.
CUTOFF = datetime.date(2024, 5, 10)


def left_ally(left_on, unit=None, pledges=1):
    """An ally who left on ``left_on``, with pledges of two commitments that have progress."""
    registration = AllyRegistrationFactory(
        status=RegistrationStatus.LEFT,
        left_on=left_on,
        **({"unit": unit} if unit else {}),
    )
    for year in range(2024, 2024 + pledges):
        pledge = PledgeFactory(user=registration.user, programme_year=year, commitments=2)
        for commitment in pledge.commitments.all():
            CommitmentUpdateFactory(commitment=commitment)
    return registration


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            AllyRegistration,
            Pledge,
            Commitment,
            CommitmentUpdate,
            SentReminder,
            ReminderDelivery,
            SurveyResponse,
            SurveyParticipation,
        )
    }


def run(*args) -> str:
    out = io.StringIO()
    call_command("allyship_retention", *args, stdout=out)
    return out.getvalue()


# Dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2026, 5, 10), 24, datetime.date(2024, 5, 10)),
        (datetime.date(2026, 1, 15), 1, datetime.date(2025, 12, 15)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
        (datetime.date(2026, 12, 1), 36, datetime.date(2023, 12, 1)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    "today, expected",
    [
        (datetime.date(2026, 5, 10), datetime.date(2023, 5, 1)),
        (datetime.date(2026, 5, 1), datetime.date(2023, 5, 1)),
        (datetime.date(2026, 4, 30), datetime.date(2023, 4, 1)),
    ],
)
def test_a_survey_month_goes_once_all_of_it_is_older_than_the_limit(today, expected):
    assert survey_responses_cutoff(today, 36) == expected


# The leaving date ---------------------------------------------------------------------


@pytest.mark.django_db
class TestLeavingDate:
    def test_dated_when_the_status_becomes_left_and_cleared_on_return(self):
        registration = AllyRegistrationFactory()
        assert registration.left_on is None

        registration.status = RegistrationStatus.LEFT
        registration.save()
        registration.refresh_from_db()
        assert registration.left_on == timezone.localdate()

        registration.status = RegistrationStatus.ACTIVE
        registration.save()
        registration.refresh_from_db()
        assert registration.left_on is None

    def test_saving_again_keeps_the_first_date(self):
        registration = AllyRegistrationFactory(
            status=RegistrationStatus.LEFT, left_on=datetime.date(2025, 1, 31)
        )
        registration.role = "Inspector"
        registration.save()
        registration.refresh_from_db()
        assert registration.left_on == datetime.date(2025, 1, 31)

    def test_paused_is_not_leaving(self):
        registration = AllyRegistrationFactory(status=RegistrationStatus.PAUSED)
        assert registration.left_on is None

    def test_saving_only_the_status_saves_the_date_too(self):
        registration = AllyRegistrationFactory()
        registration.status = RegistrationStatus.LEFT
        registration.save(update_fields=["status"])
        registration.refresh_from_db()
        assert registration.left_on == timezone.localdate()

    def test_update_or_create_as_the_sign_up_form_does(self):
        registration = AllyRegistrationFactory(
            status=RegistrationStatus.LEFT, left_on=datetime.date(2025, 1, 31)
        )
        AllyRegistration.objects.update_or_create(
            user=registration.user, defaults={"status": RegistrationStatus.ACTIVE}
        )
        registration.refresh_from_db()
        assert registration.left_on is None

    def test_migration_dates_past_leavers_from_their_last_change(self):
        registration = AllyRegistrationFactory(status=RegistrationStatus.LEFT)
        changed = timezone.now() - datetime.timedelta(days=400)
        AllyRegistration.objects.filter(pk=registration.pk).update(left_on=None, updated_at=changed)
        active = AllyRegistrationFactory()
        migration = importlib.import_module(
            "wagtail_allyship.migrations.0008_allyregistration_left_on"
        )

        migration.date_past_leavers(apps, None)

        registration.refresh_from_db()
        assert registration.left_on == timezone.localdate(changed)
        active.refresh_from_db()
        assert active.left_on is None


# What goes ----------------------------------------------------------------------------


@pytest.mark.django_db
class TestLeftAllies:
    def test_ally_gone_for_longer_than_the_period_is_removed_with_everything(self):
        gone = left_ally(CUTOFF - datetime.timedelta(days=1), pledges=2)
        renewed = Pledge.objects.get(user=gone.user, programme_year=2025)
        renewed.renewed_from = Pledge.objects.get(user=gone.user, programme_year=2024)
        renewed.save()
        commitment = renewed.commitments.first()
        coordinator = UserFactory()
        SentReminder.objects.create(
            user=gone.user, commitment=commitment, kind=ReminderKind.OVERDUE, for_date=TODAY
        )
        SentReminder.objects.create(
            user=coordinator, commitment=commitment, kind=ReminderKind.DIGEST, for_date=TODAY
        )
        log(gone, "wagtail.edit", user=coordinator)
        ReminderDelivery.objects.create(user=gone.user, kind=DeliveryKind.ALLY, for_date=TODAY)

        plan = apply_retention(TODAY)

        assert [pk for pk, _unit, _left_on in plan.registrations] == [gone.pk]
        assert (plan.pledges, plan.commitments, plan.progress_updates) == (2, 4, 4)
        assert not AllyRegistration.objects.filter(pk=gone.pk).exists()
        assert not Pledge.objects.filter(user=gone.user).exists()
        assert set(counts().values()) == {0}
        assert not ModelLogEntry.objects.filter(object_id=str(gone.pk)).exists()
        # The staff account is the intranet's, not the programme's: it stays.
        assert get_user_model().objects.filter(pk=gone.user.pk).exists()

    def test_ally_gone_for_exactly_the_period_is_kept(self):
        kept = left_ally(CUTOFF)

        plan = apply_retention(TODAY)

        assert plan.registrations == []
        assert AllyRegistration.objects.filter(pk=kept.pk).exists()
        assert Pledge.objects.filter(user=kept.user).count() == 1
        assert CommitmentUpdate.objects.count() == 2

    def test_active_and_paused_allies_are_kept_however_old(self):
        for status in (RegistrationStatus.ACTIVE, RegistrationStatus.PAUSED):
            registration = AllyRegistrationFactory(
                status=status, joined_on=datetime.date(2010, 1, 1)
            )
            PledgeFactory(user=registration.user, programme_year=2010, commitments=1)

        apply_retention(TODAY)

        assert AllyRegistration.objects.count() == 2
        assert Pledge.objects.count() == 2

    def test_other_allies_pledges_stay(self):
        left_ally(CUTOFF - datetime.timedelta(days=1))
        other = AllyRegistrationFactory()
        PledgeFactory(user=other.user, commitments=3)

        apply_retention(TODAY)

        assert list(AllyRegistration.objects.all()) == [other]
        assert Commitment.objects.filter(pledge__user=other.user).count() == 3

    def test_leaver_without_a_date_is_kept_and_reported(self):
        undated = left_ally(datetime.date(2015, 1, 1))
        AllyRegistration.objects.filter(pk=undated.pk).update(left_on=None)

        plan = apply_retention(TODAY)

        assert plan.undated == 1
        assert plan.registrations == []
        assert AllyRegistration.objects.filter(pk=undated.pk).exists()
        assert Pledge.objects.filter(user=undated.user).exists()

    @override_settings(WAGTAIL_ALLYSHIP={"RETENTION_LEFT_ALLIES_MONTHS": 6})
    def test_the_period_follows_the_setting(self):
        gone = left_ally(datetime.date(2025, 11, 9))
        kept = left_ally(datetime.date(2025, 11, 10))

        apply_retention(TODAY)

        assert list(AllyRegistration.objects.all()) == [kept]
        assert not Pledge.objects.filter(user=gone.user).exists()

    def test_by_default_the_same_ally_is_kept(self):
        kept = left_ally(datetime.date(2025, 11, 9))

        apply_retention(TODAY)

        assert list(AllyRegistration.objects.all()) == [kept]


@pytest.mark.django_db
class TestSurvey:
    def test_responses_of_a_month_older_than_the_period_go_and_the_next_month_stays(self):
        page = FeedbackSurveyPageFactory()
        old = SurveyResponseFactory(page=page, month=datetime.date(2023, 4, 1))
        boundary = SurveyResponseFactory(page=page, month=datetime.date(2023, 5, 1))
        recent = SurveyResponseFactory(page=page, month=datetime.date(2026, 5, 1))

        plan = apply_retention(TODAY)

        assert plan.survey_responses == 1
        assert set(SurveyResponse.objects.all()) == {boundary, recent}
        assert not SurveyResponse.objects.filter(pk=old.pk).exists()

    def test_the_last_day_of_the_period_keeps_the_month(self):
        response = SurveyResponseFactory(month=datetime.date(2023, 4, 1))

        apply_retention(datetime.date(2026, 4, 30))

        assert SurveyResponse.objects.filter(pk=response.pk).exists()

    @override_settings(WAGTAIL_ALLYSHIP={"RETENTION_SURVEY_RESPONSES_MONTHS": 12})
    def test_the_period_follows_the_setting(self):
        old = SurveyResponseFactory(month=datetime.date(2025, 4, 1))
        kept = SurveyResponseFactory(page=old.page, month=datetime.date(2025, 5, 1))

        apply_retention(TODAY)

        assert list(SurveyResponse.objects.all()) == [kept]

    def test_markers_go_with_their_survey_not_with_the_responses(self):
        page = FeedbackSurveyPageFactory()
        SurveyResponseFactory(page=page, month=datetime.date(2020, 1, 1))
        live = SurveyParticipation.objects.create(
            survey_key=page.translation_key, respondent="a" * 64
        )
        orphan = SurveyParticipation.objects.create(survey_key=uuid.uuid4(), respondent="b" * 64)

        plan = apply_retention(TODAY)

        assert plan.survey_markers == 1
        assert list(SurveyParticipation.objects.all()) == [live]
        assert not SurveyParticipation.objects.filter(pk=orphan.pk).exists()
        assert not SurveyResponse.objects.exists()

    def test_deleting_a_survey_leaves_markers_for_the_next_run(self):
        page = FeedbackSurveyPageFactory()
        SurveyParticipation.objects.create(survey_key=page.translation_key, respondent="c" * 64)
        page.delete()

        assert plan_retention(TODAY).survey_markers == 1
        apply_retention(TODAY)
        assert not SurveyParticipation.objects.exists()


# The command --------------------------------------------------------------------------


@pytest.fixture
def data(db):
    """An ally who left three years ago, one who left last month, and an old response."""
    today = timezone.localdate()
    unit = OrganisationUnitFactory(name="Northshire Police")
    gone = left_ally(months_before(today, 36), unit=unit)
    kept = left_ally(months_before(today, 1))
    SurveyResponseFactory(month=months_before(today.replace(day=1), 48))
    SurveyResponseFactory(month=today.replace(day=1))
    return {"gone": gone, "kept": kept}


@pytest.mark.django_db
class TestCommand:
    def test_dry_run_changes_nothing_and_names_nobody(self, data):
        before = counts()

        output = run("--dry-run")

        assert counts() == before
        gone = data["gone"]
        assert "Dry run" in output
        assert f"registration {gone.pk} (unit: Northshire Police" in output
        assert gone.left_on.isoformat() in output
        assert "pledges: 1" in output
        assert "commitments: 2" in output
        assert "progress updates: 2" in output
        assert "survey responses (given before" in output
        for person in (gone.user, data["kept"].user):
            assert person.username not in output
            assert person.email not in output
            assert person.last_name not in output

    def test_removes_and_reports_then_a_second_run_removes_nothing(self, data):
        first = run()

        assert "Removed:" in first
        assert "pledges: 1" in first
        assert "commitments: 2" in first
        assert "survey responses" in first
        assert list(AllyRegistration.objects.all()) == [data["kept"]]
        assert SurveyResponse.objects.count() == 1
        after_first = counts()

        second = run()

        assert counts() == after_first
        assert "pledges: 0" in second
        assert "commitments: 0" in second
        assert "progress updates: 0" in second
        lines = second.splitlines()
        assert all(line.endswith(": 0") for line in lines[lines.index("Removed:") + 1 :])

    def test_says_what_it_is_doing_and_is_silent_at_verbosity_0(self, data):
        lines = run("--dry-run").splitlines()
        assert lines[0] == "[1/1] Retention: finding what is past its retention period"
        assert lines[1].startswith("Retention: done in ")
        assert run().splitlines()[0] == (
            "[1/1] Retention: removing what is past its retention period"
        )
        out = io.StringIO()
        call_command("allyship_retention", stdout=out, verbosity=0)
        assert out.getvalue() == ""

    def test_undated_leavers_are_mentioned(self, data):
        AllyRegistration.objects.filter(pk=data["kept"].pk).update(left_on=None)

        output = run("--dry-run")

        assert "1 registration is marked as left but has no leaving date" in output

    def test_everything_or_nothing(self, data):
        before = counts()
        with (
            mock.patch.object(retention, "_orphaned_markers", side_effect=RuntimeError("boom")),
            pytest.raises(RuntimeError),
        ):
            run()

        assert counts() == before

    @pytest.mark.parametrize("value", [0, -3, True, "24", 1.5, None])
    @pytest.mark.parametrize(
        "name", ["RETENTION_LEFT_ALLIES_MONTHS", "RETENTION_SURVEY_RESPONSES_MONTHS"]
    )
    def test_bad_settings_are_refused(self, data, name, value):
        before = counts()
        with override_settings(WAGTAIL_ALLYSHIP={name: value}):
            errors = setting_errors()
            with pytest.raises(CommandError, match=name):
                run()

        assert len(errors) == 1
        assert name in errors[0]
        assert "a whole number greater than 0" in errors[0]
        assert counts() == before
