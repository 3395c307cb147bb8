"""A real 403 for objects a user may not touch, where Wagtail would redirect to the dashboard.

Wagtail's admin turns ``PermissionDenied`` into a redirect with a message. For another
unit's content that hides the refusal from scripts and tests that follow links, so views
that guard single objects answer with status 403 and say why, in the admin's own layout.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.snippets.views.snippets import DeleteView, EditView, HistoryView

from wagtail_allyship.editing.listings import AllyshipIndexView
from wagtail_allyship.units.rights import POLICY_REGISTRY


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


class UnitScopedObjectMixin(ForbiddenObjectMixin):
    """403 for an object of another unit, checked by the view's (unit-scoped) permission policy."""

    scoped_action = "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        user = self.request.user
        if not self.permission_policy.user_has_permission(user, self.scoped_action):
            raise PermissionDenied
        if not self.permission_policy.user_has_permission_for_instance(
            user, self.scoped_action, obj
        ):
            raise NotYourUnit
        return obj


class UnitScopedIndexMixin:
    """A listing that links to edit, copy or delete only the objects the user may change.

    Wagtail's listing asks the model permission only; local editors see other units' rows
    without those actions (they stay readable through the inspect view).
    """

    def _may(self, action, instance) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, instance
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._may("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._may("delete", instance) else None


class UnitScopedIndexView(UnitScopedIndexMixin, AllyshipIndexView):
    pass


class UnitScopedEditView(UnitScopedObjectMixin, EditView):
    pass


class UnitScopedDeleteView(UnitScopedObjectMixin, DeleteView):
    scoped_action = "delete"


class UnitScopedHistoryView(UnitScopedObjectMixin, HistoryView):
    pass


class UnitScopedViewSetMixin:
    """A snippet viewset whose listing, edit, delete and history views apply ``unit_policy``.

    Put it before ``SnippetViewSet`` in the bases, and register ``unit_policy`` with
    :func:`~wagtail_allyship.unit_permissions.register_policy`.
    """

    unit_policy = None
    index_view_class = UnitScopedIndexView
    edit_view_class = UnitScopedEditView
    delete_view_class = UnitScopedDeleteView
    history_view_class = UnitScopedHistoryView

    if not POLICY_REGISTRY:  # pragma: no cover - Wagtail 7.x takes the policy from the viewset

        @property
        def permission_policy(self):
            return self.unit_policy
