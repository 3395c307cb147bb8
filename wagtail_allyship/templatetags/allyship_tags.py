"""Template tags a host's base template and our own templates share."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language_info

from ..conf import get_setting

register = template.Library()


@register.simple_tag
def allyship_base_template() -> str:
    """The template allyship pages extend (``WAGTAIL_ALLYSHIP['BASE_TEMPLATE']``)."""
    return get_setting("BASE_TEMPLATE")


@register.simple_tag(takes_context=True)
def allyship_translations(context, page=None) -> list[dict]:
    """Live translations of ``page`` (the current page by default), for a language switcher.

    Each item has ``code``, ``name`` (in its own language), ``url``, ``bidi`` and ``current``.
    """
    page = page or context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    request = context.get("request")
    translations = (
        page.get_translations(inclusive=True).live().select_related("locale").order_by("locale_id")
    )
    items = []
    for translation in translations:
        code = translation.locale.language_code
        try:
            info = get_language_info(code)
        except KeyError:
            info = {"name_local": code, "bidi": False}
        items.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translation.get_url(request=request),
                "bidi": info["bidi"],
                "current": translation.pk == page.pk,
            }
        )
    return items
