"""A session's feedback: the answers of the people who attended, kept apart from who they are.

The pattern is the survey's (:mod:`wagtail_allyship.survey.models`): a response holds the
answers and the session, and nothing else (no person, no time, a random identifier so that
the order of rows says nothing); a separate marker holds a keyed hash of the person and the
session, enough to refuse a second answer and impossible to match to a response.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.sessions.models import SessionSignup


def respondent_key(signup: SessionSignup, user) -> str:
    """A keyed hash of the person and the session; without the site's secret key, unguessable."""
    return salted_hmac(
        "wagtail_allyship.session_feedback", f"{signup.pk}:{user.pk}", algorithm="sha256"
    ).hexdigest()


class SessionFeedback(models.Model):
    """One attendee's answers about one session. Deliberately holds no person and no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    signup = models.ForeignKey(
        SessionSignup,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="feedback",
        help_text=_("The session the answers are about."),
    )
    answers = models.JSONField(
        _("answers"), help_text=_("The answers by question, as the question set stores them.")
    )

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")

    def __str__(self) -> str:
        return str(self.signup)


class SessionFeedbackParticipation(models.Model):
    """That someone answered about a session, as a keyed hash: enough to refuse a second answer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    signup = models.ForeignKey(
        SessionSignup,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="feedback_markers",
        help_text=_("The session that was answered about."),
    )
    respondent = models.CharField(
        _("respondent"),
        max_length=64,
        help_text=_("A keyed hash of the person and the session; it names nobody."),
    )

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("session feedback marker")
        verbose_name_plural = _("session feedback markers")
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "respondent"], name="allyship_session_feedback_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.signup)
