"""Deleting a Django user removes their allyship data and keeps the anonymous survey answers."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from tests.factories import (
    AllyRegistrationFactory,
    AnnualUpdateFactory,
    CommitmentUpdateFactory,
    FeedbackSurveyPageFactory,
    PledgeFactory,
    SurveyResponseFactory,
    UserFactory,
)
from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentUpdate,
    DeliveryKind,
    Pledge,
    ReminderDelivery,
    ReminderKind,
    SentReminder,
    SurveyParticipation,
    SurveyResponse,
)
from wagtail_allyship.survey.models import respondent_key

User = get_user_model()


def answered(page, user) -> SurveyParticipation:
    return SurveyParticipation.objects.create(
        survey_key=page.translation_key, respondent=respondent_key(page, user)
    )


@pytest.fixture
def ally(db):
    """An ally with two pledges, progress, a reminder, registry history and two surveys."""
    registration = AllyRegistrationFactory()
    user = registration.user
    old = PledgeFactory(user=user, programme_year=2025, commitments=2)
    PledgeFactory(user=user, programme_year=2026, commitments=1, renewed_from=old)
    for commitment in Commitment.objects.filter(pledge__user=user):
        CommitmentUpdateFactory(commitment=commitment)
    SentReminder.objects.create(
        user=user,
        commitment=Commitment.objects.filter(pledge__user=user).first(),
        kind=ReminderKind.DUE_SOON,
        for_date=datetime.date(2026, 6, 1),
    )
    ReminderDelivery.objects.create(
        user=user, kind=DeliveryKind.ALLY, for_date=datetime.date(2026, 6, 1)
    )
    log(registration, "wagtail.edit", user=UserFactory())
    for page in (FeedbackSurveyPageFactory(), FeedbackSurveyPageFactory()):
        answered(page, user)
        SurveyResponseFactory(page=page)
    return user


@pytest.fixture
def colleague(db):
    registration = AllyRegistrationFactory()
    pledge = PledgeFactory(user=registration.user, commitments=1)
    CommitmentUpdateFactory(commitment=pledge.commitments.get())
    return registration.user


def test_deleting_the_user_removes_their_allyship_data(ally):
    registration_pk = ally.ally_registration.pk

    ally.delete()

    assert not AllyRegistration.objects.exists()
    assert not Pledge.objects.exists()
    assert not Commitment.objects.exists()
    assert not CommitmentUpdate.objects.exists()
    assert not SentReminder.objects.exists()
    assert not ReminderDelivery.objects.exists()
    assert not ModelLogEntry.objects.filter(object_id=str(registration_pk)).exists()


def test_deleting_the_user_removes_their_survey_markers_and_keeps_the_answers(ally):
    ally.delete()

    assert not SurveyParticipation.objects.exists()
    assert SurveyResponse.objects.count() == 2


def test_markers_of_surveys_deleted_since_are_found_too(ally):
    pages = {response.page for response in SurveyResponse.objects.all()}
    pages.pop().delete()
    assert SurveyParticipation.objects.count() == 2

    ally.delete()

    assert not SurveyParticipation.objects.exists()


def test_other_people_keep_their_data(ally, colleague):
    page = SurveyResponse.objects.first().page
    marker = answered(page, colleague)

    ally.delete()

    assert list(AllyRegistration.objects.values_list("user", flat=True)) == [colleague.pk]
    assert Pledge.objects.get().user == colleague
    assert CommitmentUpdate.objects.count() == 1
    assert list(SurveyParticipation.objects.all()) == [marker]


def test_deleting_users_in_bulk_does_the_same(ally, colleague):
    User.objects.filter(pk__in=[ally.pk, colleague.pk]).delete()

    assert not AllyRegistration.objects.exists()
    assert not Pledge.objects.exists()
    assert not SurveyParticipation.objects.exists()
    assert SurveyResponse.objects.count() == 2


def test_a_unit_s_annual_update_stays_without_its_author(ally):
    update = AnnualUpdateFactory(submitted_by=ally, approved_by=ally)

    ally.delete()

    update.refresh_from_db()
    assert update.submitted_by is None
    assert update.approved_by is None


def test_admin_can_delete_an_ally_with_a_pledge(admin_client, ally):
    url = reverse("wagtailusers_users:delete", args=[ally.pk])

    confirm = admin_client.get(url)
    response = admin_client.post(url)

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert not User.objects.filter(pk=ally.pk).exists()
    assert not Pledge.objects.exists()
    assert not SurveyParticipation.objects.exists()
    assert SurveyResponse.objects.count() == 2
