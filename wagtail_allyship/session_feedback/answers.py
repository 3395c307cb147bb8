"""Who may answer a session's feedback, keeping an answer once, and the results in aggregate.

Only a person marked as having attended may answer, once, and only while the session is not
cancelled. Keeping an answer writes the marker and the response in one transaction: if the
marker exists already (a second click, two tabs), nothing is written.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from wagtail_allyship.conf import get_setting
from wagtail_allyship.session_feedback import questions
from wagtail_allyship.session_feedback.models import (
    SessionFeedback,
    SessionFeedbackParticipation,
    respondent_key,
)
from wagtail_allyship.sessions.models import SessionRegistration, SessionSignup, SignupStatus
from wagtail_allyship.survey.tally import Response, SurveyResults, tally

#: What a person's feedback looks like to them.
OPEN = "open"
ANSWERED = "answered"
NOT_ATTENDED = "not_attended"
CANCELLED = "cancelled"


def min_group_size() -> int:
    """The survey's smallest group shown: the same promise for a session's feedback."""
    return get_setting("SURVEY_MIN_GROUP_SIZE")


def attended(signup: SessionSignup, user) -> bool:
    return SessionRegistration.objects.filter(
        signup=signup, user=user, status=SignupStatus.PLACE, attended=True
    ).exists()


def has_answered(signup: SessionSignup, user) -> bool:
    return SessionFeedbackParticipation.objects.filter(
        signup=signup, respondent=respondent_key(signup, user)
    ).exists()


def feedback_state(signup: SessionSignup, user) -> str:
    """Whether ``user`` may answer about ``signup`` now, and if not, why."""
    if signup.is_cancelled:
        return CANCELLED
    if not attended(signup, user):
        return NOT_ATTENDED
    if has_answered(signup, user):
        return ANSWERED
    return OPEN


def answered_keys(signups, user) -> set[int]:
    """The primary keys of those of ``signups`` that ``user`` answered about (one query)."""
    keys = {respondent_key(signup, user): signup.pk for signup in signups}
    if not keys:
        return set()
    found = SessionFeedbackParticipation.objects.filter(respondent__in=list(keys)).values_list(
        "respondent", flat=True
    )
    return {keys[respondent] for respondent in found}


def record(signup: SessionSignup, user, answers: dict) -> SessionFeedback | None:
    """Keep ``user``'s answers about ``signup``; ``None`` if they had answered already."""
    try:
        with transaction.atomic():
            SessionFeedbackParticipation.objects.create(
                signup=signup, respondent=respondent_key(signup, user)
            )
            return SessionFeedback.objects.create(
                signup=signup, answers={name: answers.get(name) for name in questions.NAMES}
            )
    except IntegrityError:
        return None


def results(signup: SessionSignup) -> SurveyResults:
    """The session's answers in aggregate, held back below the smallest group (one query)."""
    responses = [
        Response(None, questions.by_position(answers))
        for answers in SessionFeedback.objects.filter(signup=signup)
        .values_list("answers", flat=True)
        .iterator()
    ]
    return tally(questions.questions(), responses, [], min_group_size())
