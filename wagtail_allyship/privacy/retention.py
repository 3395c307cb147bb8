"""How long personal data is kept: the retention rules and the clean-up when a user goes.

:func:`plan_retention` works out what ``manage.py allyship_retention`` removes and
:func:`apply_retention` removes it, in one transaction:

- the registration of every ally whose status has been "left" for more than
  ``RETENTION_LEFT_ALLIES_MONTHS`` months (counted from ``AllyRegistration.left_on``), with
  their pledges, commitments, progress updates, records of reminders sent about those
  commitments, the log of reminder emails sent to them, and the registry history that names
  them, and their ally circle memberships and requests to join. A registration marked as left
  whose leaving date is unknown is kept and counted, never removed on a guess;
- survey responses given more than ``RETENTION_SURVEY_RESPONSES_MONTHS`` months ago. A
  response stores only the first day of its month, so a month goes as a whole, on the first
  day on which every answer in it is older than the limit;
- the "has answered" markers of surveys that no longer exist. A marker holds no date (a date
  could help match it to a response), and it is needed for as long as its survey can take
  answers, so it goes with the survey rather than with the responses.

:func:`forget_user` runs when a user is deleted and removes what no foreign key cascades
from: their survey markers (keyed hashes, found by computing them again) and the registry
history that names them.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from wagtail_allyship.circles.models import CircleMembership, CircleRequest
from wagtail_allyship.conf import SETTINGS, SETTINGS_NAME, get_setting
from wagtail_allyship.feedback.models import FeedbackBlock, FeedbackRequest
from wagtail_allyship.newsletters.models import NewsletterDelivery
from wagtail_allyship.pledges.models import Commitment, CommitmentUpdate, Pledge, ReminderDelivery
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
from wagtail_allyship.session_feedback.models import SessionFeedbackParticipation
from wagtail_allyship.session_feedback.models import respondent_key as session_respondent_key
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration, SessionSignup, SignupStatus
from wagtail_allyship.survey.models import (
    FeedbackSurveyPage,
    SurveyParticipation,
    SurveyResponse,
    respondent_key,
)

LEFT_ALLIES_SETTING = "RETENTION_LEFT_ALLIES_MONTHS"
SURVEY_RESPONSES_SETTING = "RETENTION_SURVEY_RESPONSES_MONTHS"


# Dates --------------------------------------------------------------------------------


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier, or the last day of that month if shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def left_allies_cutoff(today: datetime.date, months: int) -> datetime.date:
    """Allies who left *before* this day have been gone for more than ``months`` months."""
    return months_before(today, months)


def survey_responses_cutoff(today: datetime.date, months: int) -> datetime.date:
    """Responses of a month *before* this one are all more than ``months`` months old."""
    return months_before(today.replace(day=1), months)


def retention_months(name: str) -> int:
    """The host's value of one retention setting, refused if it breaks the setting's rule."""
    value = get_setting(name)
    if not SETTINGS[name].check(value):
        raise ImproperlyConfigured(
            _("%(name)s[%(key)r] is %(value)r; it must be %(expected)s.")
            % {
                "name": SETTINGS_NAME,
                "key": name,
                "value": value,
                "expected": SETTINGS[name].expected,
            }
        )
    return value


# What goes ----------------------------------------------------------------------------


@dataclass
class RetentionPlan:
    """What a retention run removes (or, after :func:`apply_retention`, removed)."""

    today: datetime.date
    left_before: datetime.date
    responses_before: datetime.date
    #: ``(pk, unit name, leaving date)`` of each registration that goes; no names or emails.
    registrations: list[tuple[int, str, datetime.date]] = field(default_factory=list)
    pledges: int = 0
    commitments: int = 0
    progress_updates: int = 0
    #: Feedback requests the ally made, with their answers, and blocks against him.
    feedback: int = 0
    session_registrations: int = 0
    #: Circle memberships and requests to join of the allies who go.
    circle_memberships: int = 0
    circle_requests: int = 0
    survey_responses: int = 0
    survey_markers: int = 0
    #: Registrations marked as left without a leaving date: kept, and reported.
    undated: int = 0


def _expired_registrations(left_before: datetime.date):
    return AllyRegistration.objects.filter(
        status=RegistrationStatus.LEFT, left_on__lt=left_before
    ).select_related("unit")


def _orphaned_markers():
    return SurveyParticipation.objects.exclude(
        survey_key__in=FeedbackSurveyPage.objects.values("translation_key")
    )


def plan_retention(today: datetime.date | None = None) -> RetentionPlan:
    """Work out what a retention run on ``today`` (the local date by default) removes."""
    today = today or timezone.localdate()
    plan = RetentionPlan(
        today=today,
        left_before=left_allies_cutoff(today, retention_months(LEFT_ALLIES_SETTING)),
        responses_before=survey_responses_cutoff(today, retention_months(SURVEY_RESPONSES_SETTING)),
    )
    registrations = list(_expired_registrations(plan.left_before).order_by("left_on", "pk"))
    plan.registrations = [(reg.pk, reg.unit.name, reg.left_on) for reg in registrations]
    user_ids = [reg.user_id for reg in registrations]
    plan.pledges = Pledge.objects.filter(user_id__in=user_ids).count()
    plan.commitments = Commitment.objects.filter(pledge__user_id__in=user_ids).count()
    plan.progress_updates = CommitmentUpdate.objects.filter(
        commitment__pledge__user_id__in=user_ids
    ).count()
    plan.feedback = FeedbackRequest.objects.filter(ally_id__in=user_ids).count()
    plan.session_registrations = SessionRegistration.objects.filter(user_id__in=user_ids).count()
    plan.circle_memberships = CircleMembership.objects.filter(user_id__in=user_ids).count()
    plan.circle_requests = CircleRequest.objects.filter(user_id__in=user_ids).count()
    plan.survey_responses = SurveyResponse.objects.filter(month__lt=plan.responses_before).count()
    plan.survey_markers = _orphaned_markers().count()
    plan.undated = AllyRegistration.objects.filter(
        status=RegistrationStatus.LEFT, left_on__isnull=True
    ).count()
    return plan


def _registry_history(registration_ids) -> QuerySet:
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(AllyRegistration),
        object_id__in=[str(pk) for pk in registration_ids],
    )


def apply_retention(today: datetime.date | None = None) -> RetentionPlan:
    """Remove everything past its retention period, in one transaction; return the counts."""
    with transaction.atomic():
        plan = plan_retention(today)
        registrations = _expired_registrations(plan.left_before).filter(
            pk__in=[pk for pk, _unit, _left_on in plan.registrations]
        )
        user_ids = list(registrations.values_list("user_id", flat=True))
        # Pledges hang on the user, not on the registration: remove them explicitly.
        # Commitments, progress updates and sent-reminder records cascade from them.
        _total, removed = Pledge.objects.filter(user_id__in=user_ids).delete()
        plan.pledges = removed.get(Pledge._meta.label, 0)
        plan.commitments = removed.get(Commitment._meta.label, 0)
        plan.progress_updates = removed.get(CommitmentUpdate._meta.label, 0)
        plan.feedback = FeedbackRequest.objects.filter(ally_id__in=user_ids).delete()[0]
        FeedbackBlock.objects.filter(ally_id__in=user_ids).delete()
        plan.session_registrations = SessionRegistration.objects.filter(
            user_id__in=user_ids
        ).delete()[0]
        plan.circle_memberships = CircleMembership.objects.filter(user_id__in=user_ids).delete()[0]
        plan.circle_requests = CircleRequest.objects.filter(user_id__in=user_ids).delete()[0]
        # The log of reminder emails names the ally too (the user stays, the log goes).
        ReminderDelivery.objects.filter(user_id__in=user_ids).delete()
        NewsletterDelivery.objects.filter(user_id__in=user_ids).delete()
        _registry_history(registrations.values_list("pk", flat=True)).delete()
        registrations.delete()
        plan.survey_responses = SurveyResponse.objects.filter(
            month__lt=plan.responses_before
        ).delete()[0]
        plan.survey_markers = _orphaned_markers().delete()[0]
    return plan


# When a user is deleted ---------------------------------------------------------------


def forget_user(user) -> None:
    """Remove a user's survey and session feedback markers and registry history; the rest
    cascades with the user.

    Their places at coming sessions are cancelled first, so that the next in line moves up.
    """
    _free_places_of(user)
    survey_keys = set(
        SurveyParticipation.objects.order_by().values_list("survey_key", flat=True).distinct()
    )
    markers = Q()
    for key in survey_keys:
        hashed = respondent_key(SimpleNamespace(translation_key=key), user)
        markers |= Q(survey_key=key, respondent=hashed)
    if survey_keys:
        SurveyParticipation.objects.filter(markers).delete()
    _forget_session_feedback_markers(user)
    registration = AllyRegistration.objects.filter(user=user).values_list("pk", flat=True)
    _registry_history(registration).delete()


def _forget_session_feedback_markers(user) -> None:
    """Remove the markers that ``user`` answered a session's feedback, worked out again."""
    signups = SessionSignup.objects.filter(registrations__user=user, registrations__attended=True)
    keys = [session_respondent_key(signup, user) for signup in signups.only("pk")]
    if keys:
        SessionFeedbackParticipation.objects.filter(respondent__in=keys).delete()


def _free_places_of(user) -> None:
    taken = SessionRegistration.objects.filter(user=user, status=SignupStatus.PLACE)
    for signup_id in taken.values_list("signup_id", flat=True):
        # A session that is over refuses: nobody moves up there.
        with contextlib.suppress(places.SignupRefused):
            places.cancel(signup_id, user)


def forget_deleted_user(sender, instance, **kwargs) -> None:
    """``pre_delete`` receiver of the user model (connected in ``AppConfig.ready``).

    Registration, pledges, commitments, progress updates, and the feedback the user asked
    for, received or wrote (and blocks by or against him) go with the user through their
    ``CASCADE`` foreign keys; this removes the rest (see :func:`forget_user`).
    """
    forget_user(instance)
