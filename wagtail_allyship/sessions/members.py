"""Sessions for the members of a group only: the meetings of an ally circle.

A sign-up whose ``circle`` is set is a circle's meeting. Only the circle's members (and its
facilitator) may sign up for it or see it on the calendar, in the calendar feeds and on the
session's page; for everyone else it does not exist. Sessions sit below circles, so this
module names the circle's relations by their names in the ORM (``circle__memberships__user``,
``circle__facilitator``) instead of importing the circles' models.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from wagtail_allyship.sessions.models import SessionSignup


def _member_or_facilitator(user) -> Q:
    return Q(circle__memberships__user=user) | Q(circle__facilitator=user)


def hidden_meetings(user) -> QuerySet:
    """The circle meetings ``user`` may not see (all of them for a visitor); lazy."""
    meetings = SessionSignup.objects.filter(circle__isnull=False)
    if user is None or not user.is_authenticated:
        return meetings
    return meetings.exclude(_member_or_facilitator(user))


def hidden_keys(user) -> QuerySet:
    """The translation keys of :func:`hidden_meetings`, to use as a subquery."""
    return hidden_meetings(user).values("entry__translation_key")


def member_circle_ids(user, circle_ids) -> frozenset:
    """Which of ``circle_ids`` ``user`` belongs to or facilitates (one query)."""
    if user is None or not user.is_authenticated or not circle_ids:
        return frozenset()
    found = SessionSignup.objects.filter(circle_id__in=set(circle_ids)).filter(
        _member_or_facilitator(user)
    )
    return frozenset(found.values_list("circle_id", flat=True))


def is_for(signup: SessionSignup, user) -> bool:
    """Whether ``user`` may take part in ``signup`` (always, for a session open to all)."""
    return signup.circle_id is None or signup.circle_id in member_circle_ids(
        user, [signup.circle_id]
    )


def members_only_refusal(signup: SessionSignup, user) -> str | None:
    """Why ``user`` may not sign up for a circle's meeting, or ``None``."""
    if is_for(signup, user):
        return None
    return _("This meeting is for the members of its ally circle only.")
