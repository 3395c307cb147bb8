"""The allyship calendar in the Wagtail admin: awareness dates, events and sessions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.editing.listings import AllyshipSnippetViewSet


class AwarenessDateViewSet(AllyshipSnippetViewSet):
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
