"""The emails of session sign-up: moved up from the waiting list, moved down, cancelled.

A change queues its notice with :func:`queue_notice`, in the transaction that records the
change (a :class:`SessionNotice` row); the background workers send it afterwards
(:mod:`wagtail_allyship.sessions.delivery`), composed here by :func:`compose`. A mail server
that is down delays the email; it never undoes the change.

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
from wagtail_allyship.sessions.models import NoticeKind, SessionNotice

EMAIL_TEMPLATES = "wagtail_allyship/sessions/email/"

#: The notices there are, each the name of its two templates (subject and body).
MOVED_UP = NoticeKind.MOVED_UP
MOVED_DOWN = NoticeKind.MOVED_DOWN
SESSION_CANCELLED = NoticeKind.SESSION_CANCELLED

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


def queue_notice(notice: str, registration, url: str = "") -> SessionNotice:
    """Queue the email about ``notice`` to the registration's person, in this transaction."""
    return SessionNotice.objects.create(registration=registration, kind=notice, url=url[:500])


def still_true(notice: SessionNotice) -> bool:
    """Whether what ``notice`` would announce still holds when a worker takes it.

    Someone moved up who cancelled before the email went, or moved down and then up again,
    is not told something that is no longer so.
    """
    registration = notice.registration
    signup = registration.signup
    if notice.kind == NoticeKind.SESSION_CANCELLED:
        return signup.is_cancelled
    if signup.is_cancelled:
        return False
    if notice.kind == NoticeKind.MOVED_UP:
        return registration.has_place
    return registration.is_waiting


def compose(notice: SessionNotice) -> EmailMessage | None:
    """The email of ``notice``, in its recipient's language; ``None`` if there is none to send."""
    registration = notice.registration
    user = registration.user
    if not user.email or not still_true(notice):
        return None
    language = recipient_language(user)
    with translation.override(language):
        entry = entry_in(registration.signup.entry, language)
        context = {
            "name": display_name(user),
            "entry": entry,
            "when": entry.schedule(),
            "url": notice.url,
        }
        subject = render_to_string(f"{EMAIL_TEMPLATES}{notice.kind}_subject.txt", context)
        body = render_to_string(f"{EMAIL_TEMPLATES}{notice.kind}.txt", context)
    return EmailMessage(SUBJECT_SPACES.sub(" ", subject).strip(" "), body, to=[user.email])
