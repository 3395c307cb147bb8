"""StreamField blocks shared by allyship pages: rich text, video, call to action, contact box.

Text in these blocks may hold placeholder tokens (see :mod:`wagtail_allyship.text.placeholders`);
their templates fill them through the ``allyship_fill`` tags, which read the values the page
put in the template context.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.models import Embed

from wagtail_allyship.caching import cached, keep
from wagtail_allyship.conf import get_setting
from wagtail_allyship.text.placeholders import TOKEN_RE

logger = logging.getLogger(__name__)

#: Rich text features allowed in allyship page bodies: headings below the page title, emphasis,
#: lists and links. Enough for an article, too little to break the page layout.
BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

#: Rich text features for short texts such as definitions and notes.
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

#: Context key under which a page hands prefetched embeds to its video blocks.
EMBEDS_CONTEXT_KEY = "allyship_embeds"


def _failure_key(url: str) -> str:
    return f"wagtail_allyship:embed-unreachable:{get_embed_hash(url)}"


def find_embed(url: str) -> Embed | None:
    """The embed for ``url`` through Wagtail's embed finders, or ``None`` if none can be had.

    Never raises: an intranet often cannot reach video sites, and a page must render anyway.
    A failure is remembered in the cache for ``VIDEO_EMBED_RETRY_SECONDS`` so that a slow or
    unreachable provider costs one attempt, not one per visitor.
    """
    if not url:
        return None
    # With the cache down, the provider is tried, as on a first visit.
    if cached(_failure_key(url), "whether a video embed failed"):
        return None
    try:
        return get_embed(url)
    except Exception as error:  # noqa: BLE001 - any finder or network failure means "show the link"
        logger.info("Video embed for %s unavailable, showing a link instead: %s", url, error)
    keep(
        _failure_key(url),
        True,
        get_setting("VIDEO_EMBED_RETRY_SECONDS"),
        "that a video embed failed",
    )
    return None


def prefetch_embeds(urls: Iterable[str]) -> dict[str, Embed]:
    """Embeds already in Wagtail's embed cache for ``urls``, in one query, by URL."""
    hashes = {get_embed_hash(url): url for url in urls if url}
    if not hashes:
        return {}
    found = Embed.objects.filter(hash__in=hashes).exclude(cache_until__lte=now())
    return {hashes[embed.hash]: embed for embed in found}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "wagtail_allyship/blocks/rich_text.html"


class VideoBlock(blocks.StructBlock):
    """A video: the provider's player when it can be reached, a plain link when not."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The page of the video on YouTube, Vimeo or your own video service."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_(
            "What the video is, e.g. 'Our chief officer on why allies matter'. Shown as the "
            "link text when the player cannot be loaded."
        ),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_(
            "What is said in the video. Optional, but it helps people who cannot play sound "
            "and people whose network blocks video sites."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "wagtail_allyship/blocks/video.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        url = value.get("url")
        prefetched = (parent_context or {}).get(EMBEDS_CONTEXT_KEY) or {}
        context["embed"] = prefetched.get(url) or find_embed(url)
        return context


def _validate_link(link: str) -> None:
    """A call-to-action link is a web address, a path on this site, or one token."""
    if not link:
        return
    if TOKEN_RE.fullmatch(link.strip()):
        return
    if link.startswith("/") and not link.startswith("//"):
        return
    URLValidator(schemes=["http", "https", "mailto"])(link)


class CallToActionBlock(blocks.StructBlock):
    """A prominent button with a short text, e.g. 'Sign up as an ally'."""

    label = blocks.CharBlock(
        label=_("Button text"),
        max_length=120,
        help_text=_("A short instruction, e.g. 'Sign up as an ally'. Placeholders work here."),
    )
    text = blocks.TextBlock(
        label=_("Text beside the button"),
        required=False,
        help_text=_("One or two sentences that say what happens next. Optional."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("A page of this intranet the button leads to."),
    )
    link = blocks.CharBlock(
        label=_("Or a link"),
        required=False,
        max_length=500,
        help_text=_(
            "A web address, or [SIGN-UP LINK] for the sign-up address of the article's unit. "
            "Used when no page is chosen."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "wagtail_allyship/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        link = (value.get("link") or "").strip()
        if not value.get("page") and not link:
            errors["page"] = ValidationError(
                _("Choose a page or enter a link, so that the button leads somewhere.")
            )
        try:
            _validate_link(link)
        except ValidationError:
            errors["link"] = ValidationError(
                _(
                    "Enter a full web address (https://…), a path on this site (/…) or a "
                    "placeholder such as [SIGN-UP LINK]."
                )
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ContactBoxBlock(blocks.StructBlock):
    """Who to contact: the unit's programme contact, with an optional note."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for 'Questions? Get in touch'."),
    )
    text = blocks.RichTextBlock(
        label=_("Text"),
        required=False,
        features=SHORT_TEXT_FEATURES,
        help_text=_("E.g. what people can ask about. Placeholders such as [CONTACT NAME] work."),
    )
    show_unit_contact = blocks.BooleanBlock(
        label=_("Show the unit's contact"),
        required=False,
        default=True,
        help_text=_("Adds the contact name and email address of the article's unit."),
    )

    class Meta:
        icon = "mail"
        label = _("Contact box")
        template = "wagtail_allyship/blocks/contact_box.html"
