"""Admin and reader forms of good-practice stories."""

from __future__ import annotations

from wagtail_allyship.content.forms import PageLanguageChoicesForm


class GoodPracticeStoryPageForm(PageLanguageChoicesForm):
    """Offers only the units and topics in the story's own language."""

    unit_field = "unit"
