"""The blocks of a programme update: the package's own, plus an image that works in email."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_allyship.content.blocks import CallToActionBlock, RichTextBlock, VideoBlock
from wagtail_allyship.stories.blocks import QuoteBlock


class ImageBlock(blocks.StructBlock):
    """An image with its text alternative; emailed by absolute address, never attached."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=255,
        required=False,
        help_text=_(
            "What the image shows, for readers who cannot see it. Leave empty if it only decorates."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_allyship/newsletters/blocks/image.html"


class ProgrammeUpdateBodyBlock(blocks.StreamBlock):
    """The body of a programme update: text, quotes, images, videos and calls to action."""

    paragraph = RichTextBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()


class FeaturedBlock(blocks.StreamBlock):
    """What an update points to: stories, resources, the calendar and its dates or sessions."""

    page = blocks.PageChooserBlock(
        label=_("Story, resource or calendar"),
        page_type=[
            "wagtail_allyship.GoodPracticeStoryPage",
            "wagtail_allyship.ResourcePage",
            "wagtail_allyship.CalendarPage",
        ],
        help_text=_("Readers get the version in their language when there is one."),
    )
    date = SnippetChooserBlock(
        "wagtail_allyship.AwarenessDate",
        label=_("Session or calendar date"),
        help_text=_("An awareness date, an event or a session from the allyship calendar."),
    )
