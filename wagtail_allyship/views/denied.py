"""A real 403 for objects a user may not touch, where Wagtail would redirect to the dashboard.

Wagtail's admin turns ``PermissionDenied`` into a redirect with a message. For another
unit's content that hides the refusal from scripts and tests that follow links, so views
that guard single objects answer with status 403 and say why, in the admin's own layout.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def forbidden(request, message: str | None = None) -> TemplateResponse:
    return TemplateResponse(
        request,
        "wagtail_allyship/admin/forbidden.html",
        {
            "message": message
            or _("This belongs to another unit. You can change only your own unit's content."),
            "header_title": _("Not yours to change"),
        },
        status=403,
    )


class NotYourUnit(PermissionDenied):
    """The user may take this action, but not on this object: it belongs to another unit."""


class ForbiddenObjectMixin:
    """Answer 403 when ``get_object`` (run during ``setup``) refuses the object as another unit's.

    Without the permission at all, the refusal stays Wagtail's own (a redirect with a message).
    """

    def setup(self, request, *args, **kwargs):
        self.object_refused = False
        try:
            super().setup(request, *args, **kwargs)
        except NotYourUnit:
            self.object_refused = True

    def dispatch(self, request, *args, **kwargs):
        if self.object_refused:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)
