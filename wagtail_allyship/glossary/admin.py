"""Glossary terms in the Wagtail admin."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail_allyship.editing.listings import AllyshipSnippetViewSet
from wagtail_allyship.glossary.models import GlossaryTerm


class GlossaryTermViewSet(AllyshipSnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary terms")
    menu_name = "allyship_glossary"
    list_display = ["term", "slug", "source_title"]
    search_fields = ["term", "definition", "source_title"]
    ordering = ["term"]
    inspect_view_enabled = True
    inspect_view_fields = ["term", "slug", "definition", "source_title", "source_url"]
