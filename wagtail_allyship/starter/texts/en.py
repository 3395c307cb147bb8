"""The English starter texts, in the shape every language module has (see the package doc).

The English wording itself lives next to the code that loads it (``step1``, ``calendar``);
this module only arranges it like the other languages, so that every language is read the
same way.
"""

from __future__ import annotations

from wagtail_allyship.starter import calendar, step1

ACTIONS = {key: (title, text) for key, title, text in step1.EVERYDAY_ACTIONS} | {
    key: (title, text) for key, title, text in step1.STRUCTURAL_ACTIONS
}

GLOSSARY = {slug: (term, definition) for slug, term, definition, _source in step1.GLOSSARY}

PROFILE = {
    "title": step1.PROFILE_TITLE,
    "slug": "ally-role-profile",
    "introduction": step1.PROFILE_INTRODUCTION,
    "commitments": step1.PROFILE_COMMITMENTS,
    "qualities": step1.PROFILE_QUALITIES,
    "responsibilities": step1.PROFILE_RESPONSIBILITIES,
    "closing_note": step1.PROFILE_CLOSING_NOTE,
    "button": step1.PROFILE_BUTTON,
}

TEMPLATE = {
    "title": step1.TEMPLATE_TITLE,
    "slug": "recruitment-article-template",
    "introduction": step1.TEMPLATE_INTRODUCTION,
    "video_title": step1.TEMPLATE_VIDEO["title"],
    "why": step1.TEMPLATE_WHY,
    "button_label": step1.TEMPLATE_BUTTON["label"],
    "button_text": step1.TEMPLATE_BUTTON["text"],
    "contact_heading": step1.TEMPLATE_CONTACT["heading"],
    "contact_text": step1.TEMPLATE_CONTACT["text"],
}

TOPICS = {key: (name, text) for key, name, text in calendar.TOPICS}

DATES = {entry.key: (entry.title, entry.description) for entry in calendar.DATES}

LOCATIONS = {
    entry.location: entry.location for entry in calendar.DATES if getattr(entry, "location", "")
}

CALENDAR = {
    "title": calendar.CALENDAR_TITLE,
    "slug": "allyship-calendar",
    "introduction": calendar.CALENDAR_INTRODUCTION,
}
