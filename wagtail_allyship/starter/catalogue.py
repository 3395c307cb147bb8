"""Every piece of starter content, by key, as the strings a translator sees in each language.

wagtail-localize cuts an object into strings: each plain field is one string, each paragraph
or heading of rich text is another. :func:`strings` cuts the starter texts of one language the
same way, so that the strings of two languages pair off one to one and make the translation
of an object (:func:`translations`), as if a translator had typed it into wagtail-localize's
editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from wagtail_localize.strings import StringValue, extract_strings

from wagtail_allyship.starter import calendar, step1
from wagtail_allyship.starter.texts import SHIPPED

#: A text and whether it is rich text (HTML).
Text = tuple[str, bool]

#: Keys of the pages, each with the name of its texts in a language module.
PAGES = {
    "page:role-profile": "PROFILE",
    "page:recruitment-template": "TEMPLATE",
    "page:calendar": "CALENDAR",
}


def _source_title(key: str) -> str:
    """The title of the source an action or a glossary term cites: never translated."""
    kind, name = key.split(":", 1)
    if kind == "term":
        return next(source[0] for slug, *_rest, source in step1.GLOSSARY if slug == name)
    everyday = {action_key for action_key, *_rest in step1.EVERYDAY_ACTIONS}
    return step1.UN_WOMEN_ECA_ACTIONS[0] if name in everyday else ""


def _page_texts(name: str, texts: dict) -> list[Text]:
    if name == "PROFILE":
        return [
            (texts["title"], False),
            (texts["introduction"], True),
            *((text, False) for text in texts["commitments"]),
            *((text, False) for text in texts["qualities"]),
            *((text, False) for text in texts["responsibilities"]),
            (texts["closing_note"], True),
            (texts["button"], False),
        ]
    if name == "TEMPLATE":
        return [
            (texts["title"], False),
            (texts["introduction"], True),
            (texts["video_title"], False),
            (texts["why"], True),
            (texts["button_label"], False),
            (texts["button_text"], False),
            (step1.TEMPLATE_BUTTON["link"], False),
            (texts["contact_heading"], False),
            (texts["contact_text"], True),
        ]
    return [(texts["title"], False), (texts["introduction"], True)]


def texts(language: str, key: str) -> list[Text]:
    """The texts of the starter item ``key`` in ``language``, in a fixed order."""
    module = SHIPPED[language]
    kind, name = key.split(":", 1)
    if kind == "page":
        return _page_texts(PAGES[key], getattr(module, PAGES[key]))
    if kind == "action":
        title, description = module.ACTIONS[name]
        return [(title, False), (description, False), (_source_title(key), False)]
    if kind == "term":
        term, definition = module.GLOSSARY[name]
        return [(term, False), (definition, True), (_source_title(key), False)]
    if kind == "topic":
        return [(text, False) for text in module.TOPICS[name]]
    title, description = module.DATES[name]
    entry = next(entry for entry in calendar.DATES if entry.key == name)
    location = getattr(entry, "location", "")
    place = module.LOCATIONS[location] if location else ""
    return [(title, False), (description, False), (place, False)]


def strings(language: str, key: str) -> list[str]:
    """The strings of ``key`` in ``language``, as wagtail-localize stores them, in order."""
    found = []
    for text, is_html in texts(language, key):
        if not text:
            continue
        if is_html:
            found.extend(value.data for value, _attrs in extract_strings(text)[1])
        else:
            found.append(StringValue.from_plaintext(text).data)
    return found


def slug(language: str, key: str) -> str:
    """The slug of the page ``key`` in ``language``."""
    return getattr(SHIPPED[language], PAGES[key])["slug"]


@cache
def translations(source: str, target: str, key: str) -> dict[str, str]:
    """Each string of ``key`` in the ``source`` language → the same string in ``target``."""
    pairs = zip(strings(source, key), strings(target, key), strict=True)
    return dict(pairs)


def item_keys() -> Iterator[str]:
    """Every starter item, in an order where what an item refers to comes before it."""
    yield from (f"topic:{key}" for key, *_rest in calendar.TOPICS)
    yield from (f"date:{entry.key}" for entry in calendar.DATES)
    yield from (f"action:{key}" for key, *_rest in step1.EVERYDAY_ACTIONS)
    yield from (f"action:{key}" for key, *_rest in step1.STRUCTURAL_ACTIONS)
    yield from (f"term:{slug}" for slug, *_rest in step1.GLOSSARY)
    yield from PAGES
