"""Template tags of the resource hub."""

from __future__ import annotations

from django import template

from wagtail_allyship.resources.facets import HubQuery

register = template.Library()


@register.simple_tag
def allyship_hub_url(query: HubQuery, **changes) -> str:
    """The hub URL (``?…``) for ``query`` with ``changes``, e.g. ``page=2``."""
    return query.url(**changes)
