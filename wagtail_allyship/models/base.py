"""What every allyship page type shares."""

from __future__ import annotations

from ..conf import get_setting


class AllyshipPageMixin:
    """Gives page templates the host's base template as ``allyship_base``; applies unit rights.

    ``{% extends %}`` must be the first tag of a template, so the name cannot come from a
    template tag there; it comes from the page context instead (the same value as
    ``{% allyship_base_template %}``).
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("allyship_base", get_setting("BASE_TEMPLATE"))
        return context

    def permissions_for_user(self, user):
        """Wagtail's page permissions, narrowed for local editors to their own units' pages."""
        from ..unit_permissions import UnitPagePermissionTester

        return UnitPagePermissionTester(user, self)
