"""The token engine for recruitment templates: find, check and fill ``[FORCE NAME]``-style tokens.

Plain functions over strings and dicts, with no Django models, so that they can be tested and
reused on their own. Callers give the values of the tokens (usually taken from an
``OrganisationUnit``); this module decides where tokens are, which are unknown, which lack a
value, and how a filled-in text looks, escaping every value it puts into HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping

#: The tokens every site has, and the ``OrganisationUnit`` attribute each one is filled from.
DEFAULT_TOKENS: dict[str, str] = {
    "FORCE NAME": "name",
    "ORGANISATION": "name",
    "UNIT SHORT NAME": "short_name",
    "CONTACT NAME": "contact_name",
    "CONTACT EMAIL": "contact_email",
    "SIGN-UP LINK": "sign_up_url",
}

#: What a token name may look like: capital letters and digits, words joined by a space or a
#: hyphen. ``[FORCE NAM]`` is a token (an unknown one); ``[1]`` and ``[see below]`` are not.
NAME_PATTERN = r"[A-Z][A-Z0-9]*(?:[ \-][A-Z0-9]+)*"
TOKEN_RE = re.compile(r"\[(" + NAME_PATTERN + r")\]")
TOKEN_NAME_RE = re.compile(r"^" + NAME_PATTERN + r"$")

#: Splits HTML into tags and the text between them, so that tokens in text can be marked up
#: while tokens inside attributes (``href="[SIGN-UP LINK]"``) only ever get escaped values.
_TAG_RE = re.compile(r"(<[^>]*>)")

HIGHLIGHT_CLASS = "allyship-placeholder"


def is_token_name(name: str) -> bool:
    """Whether ``name`` (without brackets) is a well-formed token name."""
    return bool(TOKEN_NAME_RE.match(name))


def token(name: str) -> str:
    """``"FORCE NAME"`` → ``"[FORCE NAME]"``."""
    return f"[{name}]"


def find_tokens(text: str) -> list[str]:
    """Names of the tokens in ``text``, in order of appearance, each once."""
    return list(dict.fromkeys(TOKEN_RE.findall(text or "")))


def find_tokens_in(texts: Iterable[str]) -> list[str]:
    """Names of the tokens in any of ``texts``, in order of appearance, each once."""
    found: dict[str, None] = {}
    for text in texts:
        found.update(dict.fromkeys(find_tokens(text)))
    return list(found)


def unknown_tokens(texts: Iterable[str], known: Iterable[str]) -> list[str]:
    """Tokens used in ``texts`` that are not in ``known``, in order of appearance."""
    known = set(known)
    return [name for name in find_tokens_in(texts) if name not in known]


def missing_values(names: Iterable[str], values: Mapping[str, str | None]) -> list[str]:
    """Those of ``names`` that have no value (absent, empty or only spaces) in ``values``."""
    return [name for name in names if not (values.get(name) or "").strip()]


def strings_in(data: object) -> Iterator[str]:
    """Every string inside nested lists and dicts, e.g. a StreamField's raw JSON data.

    Dict keys are not yielded, nor are a StreamField's bookkeeping strings (block ``type``
    and ``id``), so only what an editor wrote comes out.
    """
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            if key in ("type", "id") and isinstance(value, str) and "value" in data:
                continue
            yield from strings_in(value)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from strings_in(item)


def fill_text(text: str, values: Mapping[str, str | None]) -> str:
    """Replace the tokens in plain ``text`` that have a value; leave the others as they are.

    The result is plain text: escape it where it goes into HTML (Django templates do).
    """

    def replace(match: re.Match) -> str:
        value = values.get(match.group(1))
        return value if value else match.group(0)

    return TOKEN_RE.sub(replace, text or "")


def fill_html(markup: str, values: Mapping[str, str | None], *, highlight: bool = False) -> str:
    """Replace tokens in the HTML ``markup`` with HTML-escaped values.

    ``markup`` must already be safe HTML (escape plain text first). A token with no value is
    left in place; with ``highlight`` it is wrapped in ``<mark class="allyship-placeholder">``
    where it stands in text, so that editors looking at a template see what will be filled.
    """

    def replace(match: re.Match, in_tag: bool) -> str:
        value = values.get(match.group(1))
        if value:
            return html.escape(value, quote=True)
        if highlight and not in_tag:
            return f'<mark class="{HIGHLIGHT_CLASS}">{match.group(0)}</mark>'
        return match.group(0)

    parts = _TAG_RE.split(markup or "")
    for index, part in enumerate(parts):
        in_tag = index % 2 == 1
        parts[index] = TOKEN_RE.sub(lambda m, in_tag=in_tag: replace(m, in_tag), part)
    return "".join(parts)


def dropped_tokens(original: Iterable[str], translation: Iterable[str]) -> list[str]:
    """Tokens of the ``original`` texts that the ``translation`` texts lack, in order."""
    kept = set(find_tokens_in(translation))
    return [name for name in find_tokens_in(original) if name not in kept]


def describe_tokens(names: Iterable[str]) -> str:
    """``["FORCE NAME", "CONTACT NAME"]`` → ``"[CONTACT NAME], [FORCE NAME]"`` (sorted)."""
    return ", ".join(token(name) for name in sorted(names))
