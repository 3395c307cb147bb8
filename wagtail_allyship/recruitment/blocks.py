"""The body of a recruitment article: text, video, a call to action and the unit's contact.

Text in these blocks may hold placeholder tokens; their templates fill them through the
``allyship_fill`` tags, which read the values the page put in the template context.
"""

from __future__ import annotations

from wagtail import blocks

from wagtail_allyship.content.blocks import (
    CallToActionBlock,
    ContactBoxBlock,
    RichTextBlock,
    VideoBlock,
)


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of a recruitment article."""

    rich_text = RichTextBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    contact = ContactBoxBlock()
