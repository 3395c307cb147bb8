"""Admin viewsets: every allyship snippet is managed through Wagtail's own snippet views."""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

try:
    from wagtail.snippets.views.snippets import ReorderView
except ImportError:  # pragma: no cover - Wagtail 7.0 has no drag-and-drop for snippets
    ReorderView = None

from .models import (
    AllyAction,
    AwarenessDate,
    GlossaryTerm,
    OrganisationUnit,
    Topic,
    UnitEditorGroup,
)
from .views.annual_updates import AnnualUpdateViewSet
from .views.registry import AllyRegistrationViewSet
from .views.units import OrganisationUnitViewSet


class UnitEditorGroupForm(WagtailAdminModelForm):
    """Units are offered in the default language; the binding covers their translations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrganisationUnit.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")


class AllyActionIndexView(IndexView):
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


class AllyActionViewSet(SnippetViewSet):
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


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary terms")
    menu_name = "allyship_glossary"
    list_display = ["term", "slug", "source_title"]
    search_fields = ["term", "definition", "source_title"]
    ordering = ["term"]
    inspect_view_enabled = True
    inspect_view_fields = ["term", "slug", "definition", "source_title", "source_url"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_name = "allyship_topics"
    list_display = ["name", "order"]
    search_fields = ["name", "description"]
    ordering = ["order", "name"]
    sort_order_field = "order"
    inspect_view_enabled = True
    inspect_view_fields = ["name", "description", "order"]


class AwarenessDateViewSet(SnippetViewSet):
    model = AwarenessDate
    icon = "date"
    menu_label = _("Calendar")
    menu_name = "allyship_calendar"
    list_display = ["title", "schedule", "kind", "topic"]
    list_filter = ["kind", "topic"]
    search_fields = ["title", "description", "location"]
    ordering = ["kind", "month", "day", "starts_at", "title"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind",
        "title",
        "description",
        "link",
        "topic",
        "schedule",
        "time_zone",
        "location",
        "online_link",
    ]

    def get_queryset(self, request):
        return AwarenessDate.objects.select_related("topic", "locale")


class UnitEditorGroupViewSet(SnippetViewSet):
    """Bind Wagtail groups to units, making their members local editors of those units."""

    model = UnitEditorGroup
    icon = "lock"
    menu_label = _("Unit editor groups")
    menu_name = "allyship_unit_editor_groups"
    list_display = ["group", "unit_names"]
    ordering = ["group__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("group"),
            FieldPanel(
                "units",
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "The units whose content members of the group may edit. Sub-units are "
                    "included, and so are the unit's copies in other languages."
                ),
            ),
        ],
        base_form_class=UnitEditorGroupForm,
    )

    def get_queryset(self, request):
        return UnitEditorGroup.objects.select_related("group").prefetch_related("units")


class AllyshipViewSetGroup(SnippetViewSetGroup):
    """The 'Allyship' admin menu that holds every allyship snippet."""

    menu_label = _("Allyship")
    menu_icon = "group"
    menu_name = "allyship"
    menu_order = 250
    items = (
        OrganisationUnitViewSet,
        AllyActionViewSet,
        GlossaryTermViewSet,
        AllyRegistrationViewSet,
        TopicViewSet,
        AwarenessDateViewSet,
        AnnualUpdateViewSet,
        UnitEditorGroupViewSet,
    )
