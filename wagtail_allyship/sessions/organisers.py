"""Who organises a session, and so may read the names on its attendance list.

The organiser of a session is anyone who may change its sign-up under the package's unit
rights (:mod:`wagtail_allyship.units.rights`) and may change calendar entries: a central
editor organises every session; a local editor organises the sessions of their own units
(the sign-up's "organised by"), and none of the central team's. Organisers read the names on
their sessions' lists (the reader level ``ORGANISERS`` of
:mod:`wagtail_allyship.access.personal`); emails and everything else about the people stay
with the programme's coordinators.
"""

from __future__ import annotations

from wagtail_allyship.access.personal import may_read_as_organiser
from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.sessions.models import SessionRegistration, SessionSignup
from wagtail_allyship.units.rights import UnitScopedPermissionPolicy

#: Unit-scoped model permissions on session sign-ups (registered in ``sessions/admin.py``).
signup_policy = UnitScopedPermissionPolicy(SessionSignup)

#: The calendar permission an organiser also holds: they can edit the entry itself.
CALENDAR_PERMISSION = "wagtail_allyship.change_awarenessdate"


def organises(user, signup: SessionSignup) -> bool:
    """Whether ``user`` organises ``signup`` (no query once the user's rights are loaded)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(CALENDAR_PERMISSION) and signup_policy.user_has_permission_for_instance(
        user, "change", signup
    )


def may_read_names(user, signup: SessionSignup) -> bool:
    """Whether ``user`` reads the names of the people signed up for ``signup``."""
    return may_read_as_organiser(user, SessionRegistration, organises(user, signup))


def may_read_details(user) -> bool:
    """Whether ``user`` reads more than names (emails): the programme's coordinators only."""
    return is_coordinator(user)
