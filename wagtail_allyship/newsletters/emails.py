"""A programme update as email: HTML with its styles inlined, a plain-text part, one-click links.

Each language's version is rendered once per pass (:class:`UpdateComposer`) with a marker where
the reader's own unsubscribe address goes; each message only puts that address in. Styles are
inlined with css-inline (mail clients drop ``<style>`` blocks and never run scripts), page and
image addresses are made absolute with the site's root, and the plain-text part is made from
the same HTML with html2text, so the two never say different things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import css_inline
import html2text
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from wagtail_allyship.mail.unsubscribe import (
    NEWSLETTERS,
    one_click_headers,
    site_root,
    unsubscribe_url,
)
from wagtail_allyship.newsletters.audience import default_language, match

#: Stands for the reader's unsubscribe address in a rendered version.
MARKER = "https://unsubscribe.invalid/allyship-reader-link"
RELATIVE = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')
SCRIPTS = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
#: A link whose address Wagtail could not make (a page deleted or unpublished since).
EMPTY_LINK = re.compile(r"<a(?![^>]*\shref=\"[^\"]+\")[^>]*>(.*?)</a>", re.DOTALL)
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def absolute(html: str, root: str) -> str:
    """Addresses that start with ``/`` made absolute: an email has no address of its own."""
    return RELATIVE.sub(lambda found: f'{found.group(1)}{root}{found.group(2)}"', html)


def plain_text(html: str) -> str:
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.unicode_snob = True
    return converter.handle(html).strip() + "\n"


def broken_links(html: str) -> list[str]:
    """The text of each link that leads nowhere, as an editor would recognise it."""
    return [re.sub(r"<[^>]+>", "", text).strip() or "?" for text in EMPTY_LINK.findall(html)]


@dataclass
class Rendered:
    subject: str
    html: str
    text: str
    broken: list[str]


def render_version(template: str, context: dict, language: str, root: str) -> Rendered:
    """One language's version of an email: inlined HTML, plain text, and its broken links."""
    with translation.override(language):
        html = render_to_string(
            template,
            {
                **context,
                "root": root,
                "language": language,
                "direction": "rtl" if language.split("-")[0] in RTL_LANGUAGES else "ltr",
            },
        )
    html = absolute(SCRIPTS.sub("", html), root)
    inlined = css_inline.inline(html)
    return Rendered(
        subject=" ".join(str(context["subject"]).split()),
        html=inlined,
        text=plain_text(html),
        broken=broken_links(html),
    )


def build_message(
    rendered: Rendered, to: str, link: str | None, headers: dict | None = None
) -> EmailMultiAlternatives:
    """The multipart email to one reader, with his own unsubscribe address in it."""
    text, html = rendered.text, rendered.html
    if link:
        text, html = text.replace(MARKER, link), html.replace(MARKER, link)
    message = EmailMultiAlternatives(
        rendered.subject,
        text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={**one_click_headers(link), **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def reader_link(user, purpose: str, root: str) -> str | None:
    """The reader's one-click address for ``purpose``; none without a registration."""
    registration = getattr(user, "ally_registration", None)
    if registration is None:
        return None
    return unsubscribe_url(user.pk, purpose, registration.email_link_version, root)


class UpdateComposer:
    """The emails of one programme update, each language rendered once."""

    def __init__(self, pages_by_language: dict, root: str | None = None) -> None:
        self.pages = pages_by_language
        self.root = root if root is not None else site_root()
        self._versions: dict[tuple[str, bool], Rendered] = {}

    def page_for(self, language: str):
        found = match(language, self.pages) or match(default_language(), self.pages)
        return self.pages[found or next(iter(self.pages))]

    def version(self, language: str, with_link: bool = True) -> Rendered:
        key = (language, with_link)
        if key not in self._versions:
            page = self.page_for(language)
            context = {
                "page": page,
                "subject": page.title,
                "unsubscribe_url": MARKER if with_link else "",
            }
            self._versions[key] = render_version(page.email_template, context, language, self.root)
        return self._versions[key]

    def message(self, user, language: str) -> EmailMultiAlternatives:
        link = reader_link(user, NEWSLETTERS, self.root)
        version = self.version(language, bool(link))
        return build_message(version, user.email, link, {"Content-Language": language})
