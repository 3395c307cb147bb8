"""A StreamField block that puts the programme home on a host's own page (e.g. its home).

A host adds ``("allyship_programme", ProgrammeHomeBlock())`` to a StreamField of its own page
type; the block renders what :class:`~wagtail_allyship.programme.pages.ProgrammeHomePage`
renders, through the same template tag.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES


class ProgrammeHomeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=120,
        help_text=_("Above the programme's main action; empty for 'The allyship programme'."),
    )
    introduction = blocks.RichTextBlock(
        label=_("introduction"),
        required=False,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A short paragraph beside the main action: why join, what it asks of you."),
    )
    story_count = blocks.IntegerBlock(
        label=_("stories shown"),
        default=3,
        min_value=0,
        max_value=6,
        help_text=_("How many of the newest good-practice stories to show (0 to 6)."),
    )
    show_figures = blocks.BooleanBlock(
        label=_("show the programme's figures"),
        required=False,
        default=True,
        help_text=_("Show the key figures of the latest published annual report."),
    )

    class Meta:
        icon = "group"
        label = _("Allyship programme")
        template = "wagtail_allyship/programme/blocks/programme_home.html"
