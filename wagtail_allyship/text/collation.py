"""Locale-aware sorting and A–Z grouping of words, for the glossary and other listings.

Sorting uses the Unicode Collation Algorithm (through ``pyuca``, a pure-Python implementation
with the Unicode default collation table), so accented Latin letters sort with their base
letter ("égalité" beside "equality", not after "z") and Arabic words sort in alphabet order.
Plain functions, no Django.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

#: Arabic letters whose forms are grouped under one heading letter.
_HEADING_EQUIVALENTS = {
    "\u0671": "\u0627",  # alef wasla → alef
    "\u0649": "\u064a",  # alef maksura → yeh
}


@lru_cache(maxsize=1)
def _collator():
    # Loading the collation table takes a fraction of a second; it never changes, so one
    # per process is enough and nothing can go stale.
    from pyuca import Collator

    return Collator()


def sort_key(text: str, language_code: str | None = None) -> tuple:
    """A key that orders ``text`` the way a reader of ``language_code`` expects.

    The Unicode default order serves every language the package ships (English, French,
    Spanish, Portuguese, Arabic); ``language_code`` is accepted so that a tailored order can
    be added without changing callers. Ties are broken by the plain text, so the order is
    always total and stable.
    """
    normalised = unicodedata.normalize("NFC", text.strip())
    return (_collator().sort_key(normalised.casefold()), normalised)


def sorted_by_collation(
    items: Iterable[T], key: Callable[[T], str], language_code: str | None = None
) -> list[T]:
    """``items`` sorted by ``key(item)`` under the collation of ``language_code``."""
    return sorted(items, key=lambda item: sort_key(key(item), language_code))


def heading_letter(text: str) -> str:
    """The letter ``text`` is listed under: its first letter, upper case, without accents.

    ``"égalité"`` → ``"E"``, ``"إنصاف"`` → ``"ا"``. Text that starts with no letter is listed
    under ``"#"``.
    """
    for char in unicodedata.normalize("NFD", text.strip()):
        if unicodedata.category(char).startswith("M"):
            continue
        if not char.isalpha():
            return "#"
        return _HEADING_EQUIVALENTS.get(char, char).upper()
    return "#"


def group_by_letter(
    items: Iterable[T], key: Callable[[T], str], language_code: str | None = None
) -> list[tuple[str, list[T]]]:
    """``items`` sorted by collation and grouped under their heading letters, in order."""
    groups: dict[str, list[T]] = {}
    for item in sorted_by_collation(items, key, language_code):
        groups.setdefault(heading_letter(key(item)), []).append(item)
    return list(groups.items())
