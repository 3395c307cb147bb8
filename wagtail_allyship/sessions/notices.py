"""The emails of session sign-up: moved up from the waiting list, moved down, cancelled.

Each notice is sent by :func:`send_notice`, with Django's mail API, from inside the
transaction that records the change it announces: if the email cannot be sent, the change is
rolled back and the person keeps what they had. The sending is kept in this one function so
that it can move onto a background worker without touching the rules.

Emails are written in the recipient's language: the preferred language of their Wagtail user
profile, or ``LANGUAGE_CODE``.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_supported_language_variant

from wagtail_allyship.registry.models import display_name

EMAIL_TEMPLATES = "wagtail_allyship/sessions/email/"

#: The notices there are, each the name of its two templates (subject and body).
MOVED_UP = "moved_up"
MOVED_DOWN = "moved_down"
SESSION_CANCELLED = "session_cancelled"

#: Line breaks and runs of spaces in a rendered subject, but not no-break spaces.
SUBJECT_SPACES = re.compile(r"[^\S\N{NO-BREAK SPACE}\N{NARROW NO-BREAK SPACE}]+")


def recipient_language(user) -> str:
    """The language to write to ``user`` in: their Wagtail preference, else LANGUAGE_CODE."""
    profile = getattr(user, "wagtail_userprofile", None)
    code = getattr(profile, "preferred_language", "") or ""
    if code:
        try:
            return get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def entry_in(entry, language: str):
    """The calendar entry in ``language`` when it has been translated, else the entry itself."""
    for locale_entry in entry.get_translations(inclusive=True).select_related("locale"):
        if locale_entry.locale.language_code == language:
            return locale_entry
    return entry


def send_notice(notice: str, registration, url: str = "") -> None:
    """Email ``registration``'s person about ``notice``; raises if the email cannot go."""
    user = registration.user
    if not user.email:
        return
    language = recipient_language(user)
    with translation.override(language):
        entry = entry_in(registration.signup.entry, language)
        context = {
            "name": display_name(user),
            "entry": entry,
            "when": entry.schedule(),
            "url": url,
        }
        subject = render_to_string(f"{EMAIL_TEMPLATES}{notice}_subject.txt", context)
        body = render_to_string(f"{EMAIL_TEMPLATES}{notice}.txt", context)
    EmailMessage(SUBJECT_SPACES.sub(" ", subject).strip(" "), body, to=[user.email]).send()
