"""Topics in the Wagtail admin: the short list readers filter by, in the order editors set."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail_allyship.editing.listings import AllyshipSnippetViewSet
from wagtail_allyship.topics.models import Topic


class TopicViewSet(AllyshipSnippetViewSet):
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
