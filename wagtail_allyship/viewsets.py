"""Admin viewsets: every allyship snippet is managed through Wagtail's own snippet views."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import OrganisationUnit


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


class AllyshipViewSetGroup(SnippetViewSetGroup):
    """The 'Allyship' admin menu that holds every allyship snippet."""

    menu_label = _("Allyship")
    menu_icon = "group"
    menu_name = "allyship"
    menu_order = 250
    items = (OrganisationUnitViewSet,)
