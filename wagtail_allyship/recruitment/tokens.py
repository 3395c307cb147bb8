"""Placeholder tokens on recruitment articles: their values from a unit, and what is wrong.

The token rules themselves (finding, checking and filling ``[FORCE NAME]``-style tokens) are
plain text functions in :mod:`wagtail_allyship.text.placeholders`; this module connects them
to units, page bodies and translations, and words the messages editors and translators see.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import ngettext

from wagtail_allyship.conf import get_setting
from wagtail_allyship.text import placeholders
from wagtail_allyship.units.models import OrganisationUnit


def token_sources() -> dict[str, str]:
    """Every token the site knows and where its value comes from (default and extra tokens)."""
    return {**placeholders.DEFAULT_TOKENS, **get_setting("EXTRA_PLACEHOLDERS")}


def token_value(unit: OrganisationUnit, source: str) -> str:
    """The value of one token for ``unit``: a unit attribute, or a function's result."""
    value = import_string(source)(unit) if "." in source else getattr(unit, source, "")
    if isinstance(value, models.Model):
        value = str(value)
    return "" if value is None else str(value)


def unit_values(unit: OrganisationUnit | None) -> dict[str, str]:
    """The value of every known token for ``unit`` (empty strings where the unit has none)."""
    if unit is None:
        return {}
    return {name: token_value(unit, source) for name, source in token_sources().items()}


def source_label(token_name: str) -> str:
    """What an editor must fill in on the unit for ``token_name``, e.g. 'contact email'."""
    source = token_sources().get(token_name, "")
    try:
        return str(OrganisationUnit._meta.get_field(source).verbose_name)
    except FieldDoesNotExist:
        return placeholders.token(token_name)


def stream_data(body) -> list[dict]:
    """A StreamField value as JSON-like data, including changes made to its blocks in place.

    (``raw_data`` alone would miss those: wagtail-localize writes translations into the
    blocks themselves.)
    """
    if body is None:
        return []
    if hasattr(body, "get_prep_value"):
        return list(body.get_prep_value())
    return list(body)


def placeholder_texts(title: str, body) -> dict[str, list[str]]:
    """The texts of a page that may hold tokens, by where they are: title, then each block."""
    texts = {"title": [title or ""]}
    for item in stream_data(body):
        texts[f"body.{item.get('id')}"] = list(placeholders.strings_in(item.get("value")))
    return texts


def unknown_tokens_message(names: list[str]) -> str:
    """Names the unknown tokens and lists the ones the site knows."""
    return ngettext(
        "Unknown placeholder %(tokens)s. Check its spelling; the placeholders you "
        "can use are %(known)s.",
        "Unknown placeholders %(tokens)s. Check their spelling; the placeholders "
        "you can use are %(known)s.",
        len(names),
    ) % {
        "tokens": ", ".join(placeholders.token(name) for name in names),
        "known": placeholders.describe_tokens(token_sources()),
    }


def dropped_tokens_message(names: list[str]) -> str:
    """Names the tokens of the original that a translation lost, and how to put them back."""
    return ngettext(
        "The translation leaves out or changes the placeholder %(tokens)s. Copy it exactly "
        "as it is in the original, in capitals and square brackets: it is replaced by the "
        "unit's details when the page is shown.",
        "The translation leaves out or changes the placeholders %(tokens)s. Copy them "
        "exactly as they are in the original, in capitals and square brackets: they are "
        "replaced by the unit's details when the page is shown.",
        len(names),
    ) % {"tokens": ", ".join(placeholders.token(name) for name in names)}


def unknown_token_errors(title: str, body) -> dict[str, ValidationError]:
    """Field errors for tokens the site does not know, naming them and the valid ones."""
    known = token_sources()
    errors = {}
    for field, texts in (("title", [title or ""]), ("body", _body_texts(body))):
        unknown = placeholders.unknown_tokens(texts, known)
        if unknown:
            errors[field] = ValidationError(
                unknown_tokens_message(unknown), code="unknown_placeholder"
            )
    return errors


def translated_string_error(original: str, translation: str) -> str | None:
    """Why one translated string cannot stand in for ``original``, or ``None`` if it can.

    It must keep every token of the original and use no token the site does not know, so a
    misspelt token is reported both as the token lost and as the unknown one.
    """
    dropped = placeholders.dropped_tokens([original], [translation])
    unknown = placeholders.unknown_tokens([translation], token_sources())
    messages = []
    if dropped:
        messages.append(dropped_tokens_message(dropped))
    if unknown:
        messages.append(unknown_tokens_message(unknown))
    return " ".join(messages) or None


def _body_texts(body) -> list[str]:
    return list(placeholders.strings_in(stream_data(body)))


#: Tokens a block shows without the editor typing them (the contact box shows the contact).
IMPLICIT_TOKENS = {"contact": ("CONTACT NAME", "CONTACT EMAIL")}


def used_tokens(title: str, body) -> list[str]:
    """Every token the page shows: typed in its text, or shown by a block of its own accord."""
    used = placeholders.find_tokens_in([title or "", *_body_texts(body)])
    for item in stream_data(body):
        value = item.get("value")
        if isinstance(value, dict) and value.get("show_unit_contact"):
            used.extend(n for n in IMPLICIT_TOKENS.get(item.get("type"), ()) if n not in used)
    return used


#: Tokens that need no value on the unit: where the unit leaves ``[SIGN-UP LINK]`` empty, the
#: intranet's own sign-up page (below the pledge page) stands in when the page is shown. A
#: unit's own address is used only where an editor set one on purpose.
SITE_FALLBACK_TOKENS = frozenset({"SIGN-UP LINK"})


def missing_value_error(unit: OrganisationUnit, title: str, body) -> ValidationError | None:
    """Why ``unit`` cannot fill the tokens of this text, or ``None`` if it can."""
    used = [name for name in used_tokens(title, body) if name not in SITE_FALLBACK_TOKENS]
    missing = placeholders.missing_values(used, unit_values(unit))
    if not missing:
        return None
    fields = list(dict.fromkeys(source_label(name) for name in missing))
    return ValidationError(
        ngettext(
            "This page cannot be published yet: it uses %(tokens)s, but “%(unit)s” has no "
            "%(fields)s. Add it to the unit (Allyship › Organisation units), or take the "
            "placeholder out of the page.",
            "This page cannot be published yet: it uses %(tokens)s, but “%(unit)s” has no "
            "%(fields)s. Add them to the unit (Allyship › Organisation units), or take the "
            "placeholders out of the page.",
            len(missing),
        )
        % {
            "tokens": ", ".join(placeholders.token(name) for name in missing),
            "unit": unit,
            "fields": ", ".join(fields),
        },
        code="missing_placeholder_value",
    )
