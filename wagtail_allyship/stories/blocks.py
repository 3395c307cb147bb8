"""The body of a good-practice story: text, quotes, lessons learned, outcomes and resources."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_allyship.content.blocks import RichTextBlock, VideoBlock


class QuoteBlock(blocks.StructBlock):
    """Words someone said, with who said them; leave the attribution out to stay anonymous."""

    text = blocks.TextBlock(
        label=_("Quote"),
        rows=3,
        help_text=_("The words as they were said, without quotation marks."),
    )
    attribution = blocks.CharBlock(
        label=_("Said by"),
        required=False,
        max_length=255,
        help_text=_(
            "E.g. 'Sergeant, Northshire Police'. Leave empty when the speaker asked not to be "
            "named."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_allyship/blocks/quote.html"


class LessonsLearnedBlock(blocks.StructBlock):
    """What the team would tell another team that tries the same: one lesson per item."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for 'Lessons learned'."),
    )
    lessons = blocks.ListBlock(
        blocks.TextBlock(label=_("Lesson"), rows=2),
        label=_("Lessons"),
        min_num=1,
        help_text=_("One lesson per item, e.g. 'Start with the people who are already keen'."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Lessons learned")
        template = "wagtail_allyship/blocks/lessons_learned.html"


class OutcomeFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"),
        max_length=30,
        help_text=_("The number as it should read, e.g. '60' or '80 %'."),
    )
    label = blocks.CharBlock(
        label=_("What it counts"),
        max_length=120,
        help_text=_("E.g. 'allies recruited in the first year'."),
    )

    class Meta:
        icon = "order"
        label = _("Figure")


class OutcomeFiguresBlock(blocks.StructBlock):
    """A row of headline figures: what changed, in numbers."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for 'Outcomes'."),
    )
    figures = blocks.ListBlock(OutcomeFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Outcome figures")
        template = "wagtail_allyship/blocks/outcome_figures.html"


class RelatedResourcesBlock(blocks.StructBlock):
    """Resources of the hub that readers of a story can use to do the same."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for 'Related resources'."),
    )
    resources = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Resource"), page_type="wagtail_allyship.ResourcePage"),
        label=_("Resources"),
        min_num=1,
        help_text=_("Choose resources in the story's language; unpublished ones are not shown."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Related resources")
        template = "wagtail_allyship/blocks/related_resources.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["live_resources"] = [page for page in value["resources"] if page and page.live]
        return context


class StoryBodyBlock(blocks.StreamBlock):
    """The body of a good-practice story."""

    paragraph = RichTextBlock()
    quote = QuoteBlock()
    lessons_learned = LessonsLearnedBlock()
    outcome_figures = OutcomeFiguresBlock()
    video = VideoBlock()
    related_resources = RelatedResourcesBlock()
