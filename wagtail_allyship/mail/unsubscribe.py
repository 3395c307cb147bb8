"""One-click unsubscribe links (RFC 8058): signed, for one person, usable once, no login.

A link carries ``[user id, what it stops, version]``, signed with the site's ``SECRET_KEY``
(:mod:`django.core.signing`): it cannot be made or changed without the key. The version is
the one the person's setting had when the email was sent; changing the setting (with a link
or from "My allyship") raises it, so a link that was used, or sent before the last change,
no longer changes anything.

The address is served by ``wagtail_allyship.urls``, which the host includes outside any
login requirement (mail providers post to it without a session).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

SALT = "wagtail_allyship.mail.unsubscribe"
URL_NAME = "wagtail_allyship_unsubscribe"
#: What a link can stop: the reminders about an ally's own commitments, the programme's
#: newsletters, the monthly digest.
REMINDERS = "reminders"
NEWSLETTERS = "newsletters"
DIGEST = "digest"
#: The field of the ally's registration that each kind of link turns off.
PURPOSE_FIELDS = {
    REMINDERS: "reminders_on",
    NEWSLETTERS: "newsletters_on",
    DIGEST: "digest_on",
}


def make_token(user_id: int, purpose: str, version: int) -> str:
    return signing.dumps([user_id, purpose, version], salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str, int] | None:
    """The link's ``(user id, purpose, version)``, or ``None`` if it was forged or altered."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 3
        or not all(isinstance(part, t) for part, t in zip(value, (int, str, int), strict=True))
    ):
        return None
    return value[0], value[1], value[2]


def site_root() -> str:
    """The intranet's address: its default Wagtail site, else ``WAGTAILADMIN_BASE_URL``."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def unsubscribe_path(token: str) -> str | None:
    """The link's path, or ``None`` when the host has not included ``wagtail_allyship.urls``."""
    try:
        return reverse(URL_NAME, kwargs={"token": token})
    except NoReverseMatch:
        return None


def unsubscribe_url(user_id: int, purpose: str, version: int, root: str) -> str | None:
    path = unsubscribe_path(make_token(user_id, purpose, version))
    return f"{root}{path}" if path else None


def one_click_headers(url: str | None) -> dict[str, str]:
    """The headers of RFC 2369 and RFC 8058 that let a mail client unsubscribe in one click."""
    if not url:
        return {}
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
