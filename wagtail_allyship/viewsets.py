"""Admin viewsets: every allyship snippet is managed through Wagtail's own snippet views."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AllyAction, AwarenessDate, GlossaryTerm, OrganisationUnit, Topic
from .views.registry import AllyRegistrationViewSet


class OrganisationUnitFilterSet(WagtailFilterSet):
    parent = django_filters.ModelChoiceFilter(
        label=_("Part of"),
        queryset=OrganisationUnit.objects.filter(children__isnull=False).distinct(),
        help_text=_("Show the units directly below this one."),
    )

    class Meta:
        model = OrganisationUnit
        fields = ["kind", "parent"]


class OrganisationUnitViewSet(SnippetViewSet):
    model = OrganisationUnit
    icon = "group"
    menu_label = _("Organisation units")
    menu_name = "allyship_units"
    list_display = ["name", "short_name", "kind", "parent", "contact_name"]
    filterset_class = OrganisationUnitFilterSet
    search_fields = ["name", "short_name", "contact_name", "contact_email"]
    ordering = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "short_name",
        "kind",
        "parent",
        "contact_name",
        "contact_email",
        "sign_up_url",
    ]

    def get_queryset(self, request):
        return OrganisationUnit.objects.select_related("parent", "locale")


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
    )
