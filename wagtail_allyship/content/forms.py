"""The admin form of page types whose units and topics must be in the page's own language.

A French story can only name French units and topics: the choices are narrowed to the
page's language (the language of its parent, for a new page), and a local editor is offered
only the units they may edit.
"""

from __future__ import annotations

from wagtail_allyship.editing.forms import AllyshipAdminPageForm
from wagtail_allyship.topics.models import Topic
from wagtail_allyship.units.models import OrganisationUnit
from wagtail_allyship.units.rights import limit_unit_choices


def with_topics(form_class, topics):
    """``form_class`` with its topic choices limited to ``topics`` (for new, empty rows)."""

    class LocalTopicForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["topic"].queryset = topics

    LocalTopicForm.__name__ = form_class.__name__
    return LocalTopicForm


class PageLanguageChoicesForm(AllyshipAdminPageForm):
    """Offers only the units and topics in the page's own language.

    ``unit_field`` names the page's unit field; topics come from the ``topic_links`` rows
    (see :class:`wagtail_allyship.topics.models.TopicLink`).
    """

    unit_field = "unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.page_locale_id()
        if locale_id is None:
            return
        field = self.fields.get(self.unit_field)
        if field is not None:
            field.queryset = OrganisationUnit.objects.filter(locale_id=locale_id)
            limit_unit_choices(field, self.for_user)
        formset = self.formsets.get("topic_links") if hasattr(self, "formsets") else None
        if formset is not None:
            topics = Topic.objects.filter(locale_id=locale_id)
            for form in formset.forms:
                form.fields["topic"].queryset = topics
            formset.form = with_topics(formset.form, topics)

    def page_locale_id(self) -> int | None:
        """The page's language, or its parent's for a page being created."""
        return getattr(self.instance, "locale_id", None) or (
            self.parent_page.locale_id if getattr(self, "parent_page", None) else None
        )
