"""The role profile in the Wagtail admin: the catalogue of ally actions, ordered per kind."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

try:
    from wagtail.snippets.views.snippets import ReorderView
except ImportError:  # pragma: no cover - Wagtail 7.0 has no drag-and-drop for snippets
    ReorderView = None

from wagtail_allyship.editing.listings import AllyshipIndexView, AllyshipSnippetViewSet
from wagtail_allyship.profile.models import AllyAction


class AllyActionIndexView(AllyshipIndexView):
    """When sorting by order, list each kind's actions together, as their numbers restart."""

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if getattr(self, "show_ordering_column", False):
            return queryset.order_by("kind", "order", "pk")
        return queryset


if ReorderView is not None:

    class AllyActionReorderView(ReorderView):
        """Drag-and-drop that moves an action only among actions of its kind and language.

        ``order`` numbers restart for each kind and language, so Wagtail's own view, which
        shifts every action's number at once, would reorder other kinds and languages too.
        The dropped position is the row the action landed on in the list (one language,
        grouped by kind); a drop into another kind's rows puts it at that end of its own.
        """

        def post(self, request, *args, **kwargs):
            moved = get_object_or_404(self.model, pk=unquote(str(kwargs.get("pk"))))
            listed = list(
                self.model._default_manager.filter(locale_id=moved.locale_id)
                .order_by("kind", "order", "pk")
                .values_list("pk", "kind")
            )
            try:
                position = int(request.GET.get("position", ""))
            except ValueError:
                position = -1
            if not 0 <= position < len(listed):
                position = len(listed) - 1
            group = [pk for pk, kind in listed if kind == moved.kind]
            first = next(index for index, (_pk, kind) in enumerate(listed) if kind == moved.kind)
            group.remove(moved.pk)
            group.insert(min(max(position - first, 0), len(group)), moved.pk)
            with transaction.atomic():
                for number, pk in enumerate(group, start=1):
                    self.model._default_manager.filter(pk=pk).exclude(order=number).update(
                        order=number
                    )
            return JsonResponse({"success": True})

else:  # pragma: no cover
    AllyActionReorderView = None


class AllyActionViewSet(AllyshipSnippetViewSet):
    model = AllyAction
    icon = "tick-inverse"
    menu_label = _("Ally actions")
    menu_name = "allyship_actions"
    list_display = ["title", "kind", "order", "source_title"]
    list_filter = ["kind"]
    search_fields = ["title", "description"]
    ordering = ["kind", "order", "title"]
    #: Wagtail 8 offers drag-and-drop reordering on this field; on Wagtail 7 editors type the
    #: number in the form.
    sort_order_field = "order"
    index_view_class = AllyActionIndexView
    if AllyActionReorderView is not None:
        reorder_view_class = AllyActionReorderView
    inspect_view_enabled = True
    inspect_view_fields = ["kind", "order", "title", "description", "source_title", "source_url"]
