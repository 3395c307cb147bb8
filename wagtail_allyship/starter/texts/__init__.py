"""The starter content's wording in every language the package ships, one module a language.

``en`` is built from the English originals in :mod:`wagtail_allyship.starter.step1` and
:mod:`wagtail_allyship.starter.calendar`; ``fr``, ``es``, ``ar`` and ``pt`` are written in
their own language and have the same shape:

- ``ACTIONS``: action key → (title, description)
- ``GLOSSARY``: term slug → (term, definition as HTML)
- ``PROFILE``, ``TEMPLATE``, ``CALENDAR``: the texts of the three pages (each with its slug)
- ``TOPICS``: topic key → (name, description)
- ``DATES``: calendar entry key → (title, description)
- ``LOCATIONS``: English place name → place name

Rich text keeps the English original's blocks (the same paragraphs and headings, in the same
order), and every ``[TOKEN]`` of the original is kept exactly as it is. The titles of cited
sources are not translated: a source is cited in its own language.
"""

from __future__ import annotations

from types import ModuleType

from wagtail.models import Locale

from wagtail_allyship.starter.texts import ar, en, es, fr, pt

#: The languages of the starter content, English first (the language of the originals).
SHIPPED: dict[str, ModuleType] = {"en": en, "fr": fr, "es": es, "ar": ar, "pt": pt}


def language_of(locale: Locale) -> str | None:
    """The shipped language of ``locale`` ('fr' for 'fr' or 'fr-ca'), or ``None``."""
    language = locale.language_code.lower().replace("_", "-").split("-")[0]
    return language if language in SHIPPED else None
