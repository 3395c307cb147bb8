"""The admin form of resources."""

from __future__ import annotations

from wagtail_allyship.content.forms import PageLanguageChoicesForm


class ResourcePageForm(PageLanguageChoicesForm):
    """Offers only the units and topics in the resource's own language."""

    unit_field = "owner_unit"
