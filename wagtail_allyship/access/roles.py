"""Who may see what of the programme's personal data.

*Coordinators* are the users who may see the ally registry in the Wagtail admin: anyone with
one of the standard permissions on ``AllyRegistration`` (``view_allyregistration`` is enough;
``change_allyregistration`` also lets them edit entries). They see every registration and
every pledge, private or not, and receive the digest of overdue commitments. Everyone else
sees only their own data, plus the pledges that other allies published.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

#: The permissions that make a user a coordinator (any one of them is enough).
COORDINATOR_ACTIONS = ["view", "add", "change", "delete"]

#: The same, as Django permission names. Named here rather than taken from the registry's
#: model, so that every part of the package can ask the question without depending on it.
COORDINATOR_PERMISSIONS = [
    f"wagtail_allyship.{action}_allyregistration" for action in COORDINATOR_ACTIONS
]


def is_coordinator(user) -> bool:
    """Whether ``user`` may see the registry and every pledge."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return any(user.has_perm(permission) for permission in COORDINATOR_PERMISSIONS)


def coordinators() -> QuerySet:
    """Active users who were given a registry permission, directly or through a group.

    Superusers are not included unless they hold such a permission explicitly: on most
    intranets they are technical administrators, not the programme's coordinators.
    """
    permissions = Permission.objects.filter(
        content_type__app_label="wagtail_allyship",
        codename__in=[f"{action}_allyregistration" for action in COORDINATOR_ACTIONS],
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(user_permissions__in=permissions) | Q(groups__permissions__in=permissions))
        .distinct()
    )
