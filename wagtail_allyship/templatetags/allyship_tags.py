"""Template tags a host's base template and our own templates share."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges.next_step import next_step, on_site_sign_up_url
from wagtail_allyship.pledges.pages import PledgePage
from wagtail_allyship.text.placeholders import fill_html, fill_text, find_tokens, token

register = template.Library()


@register.simple_tag
def allyship_base_template() -> str:
    """The template allyship pages extend (``WAGTAIL_ALLYSHIP['BASE_TEMPLATE']``)."""
    return get_setting("BASE_TEMPLATE")


@register.simple_tag(takes_context=True)
def allyship_translations(context, page=None) -> list[dict]:
    """Live translations of ``page`` (the current page by default), for a language switcher.

    Each item has ``code``, ``name`` (in its own language), ``url``, ``full_url`` (for
    ``hreflang`` alternates, which must be absolute), ``bidi`` and ``current``.
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
                "full_url": translation.get_full_url(request=request),
                "bidi": info["bidi"],
                "current": translation.pk == page.pk,
            }
        )
    return items


def _placeholder_settings(context) -> tuple[dict, bool]:
    """The token values of the page, with the intranet's own sign-up where the unit has none."""
    settings = context.get("allyship_placeholders") or {}
    values = settings.get("values") or {}
    if values and not (values.get("SIGN-UP LINK") or "").strip():
        values = {**values, "SIGN-UP LINK": _on_site_sign_up(context)}
    return values, bool(settings.get("highlight"))


def _on_site_sign_up(context) -> str:
    request, page = context.get("request"), context.get("page")
    if request is None or page is None:
        return ""
    return on_site_sign_up_url(request, page)


@register.simple_tag(takes_context=True)
def allyship_fill(context, value) -> str:
    """``value`` as HTML with its placeholder tokens filled in (escaped) or highlighted.

    Plain text is escaped first; safe HTML (e.g. the output of ``|richtext``) is kept. With no
    placeholder values in the context the text is only escaped.
    """
    values, highlight = _placeholder_settings(context)
    markup = conditional_escape("" if value is None else value)
    if not values and not highlight:
        return markup
    filled = fill_html(str(markup), values, highlight=highlight)
    # Safe: ``markup`` is escaped above and fill_html escapes every value it puts in.
    return mark_safe(filled)  # noqa: S308  # nosec B308, B703


@register.simple_tag(takes_context=True)
def allyship_fill_text(context, value) -> str:
    """``value`` as plain text with its tokens filled in; the template escapes it as usual."""
    values, _highlight = _placeholder_settings(context)
    return fill_text("" if value is None else str(value), values)


@register.simple_tag(takes_context=True)
def allyship_link(context, value) -> str:
    """A call-to-action link with its tokens filled in, or ``""`` if a token is still unfilled."""
    link = allyship_fill_text(context, value).strip()
    if not link or find_tokens(link):
        return ""
    return link


@register.filter
def allyship_number(value):
    """A count written the way the page's language groups digits ("1,234", "1 234", "1.234").

    Grouped whatever the host's ``USE_THOUSAND_SEPARATOR``: a report's figures are read by
    people, in their language. Anything that is not a number is shown as it is.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return number_format(value, force_grouping=True)


SIGN_UP_TOKEN = token("SIGN-UP LINK")


def is_sign_up_call(value) -> bool:
    """Whether a call-to-action block asks staff to sign up (the token, or the pledge page)."""
    if SIGN_UP_TOKEN in (value.get("link") or ""):
        return True
    chosen = value.get("page")
    return chosen is not None and issubclass(chosen.specific_class or type(None), PledgePage)


@register.simple_tag(takes_context=True)
def allyship_next_step(context, value=None, sign_up=False):
    """For a signed-up ally, the button that replaces a sign-up button; ``None`` otherwise.

    ``value`` is a call-to-action block's value; ``sign_up=True`` says the button is a sign-up
    button whatever it links to (the role profile's).
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or getattr(page, "is_template", False):
        return None
    if not sign_up and not (value is not None and is_sign_up_call(value)):
        return None
    return next_step(request, page)
