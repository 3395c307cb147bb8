"""The admin forms of the package's pages and snippets take any submission without failing.

Every one of them takes a damaged submission (a hand-made POST that leaves out a
StreamField's ``-count``, rich text that is not the editor's JSON) as a form error on that
field, never a server error. Page types get :class:`AllyshipAdminPageForm` as their
``base_form_class`` (through ``AllyshipPageMixin``); snippet viewsets wrap their forms with
:func:`well_formed` (through ``AllyshipSnippetViewSet``).
"""

from __future__ import annotations

import functools

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

#: Said next to a field whose submitted data could not be read.
DAMAGED_FIELD_MESSAGE = _(
    "This part of the form was sent incomplete or damaged, so nothing was saved. Reload the "
    "page and enter it again."
)


class WellFormedSubmissionMixin:
    """A field whose submitted data its widget cannot read is an error on that field.

    Wagtail's StreamField and rich text widgets read structured data (counts, JSON) and
    raise on data they did not write. Such a field is cleaned as a disabled field is, from
    its value before the submission (or empty), so that neither cleaning nor showing the form
    again reads the damaged data; it gets :data:`DAMAGED_FIELD_MESSAGE`, the form is invalid
    and nothing is saved.
    """

    #: HTML names of the fields whose submitted data could not be read.
    damaged_names: frozenset = frozenset()

    def full_clean(self):
        damaged = self._damaged_fields() if self.is_bound else []
        super().full_clean()
        for name in damaged:
            self.add_error(name, DAMAGED_FIELD_MESSAGE)

    def _damaged_fields(self) -> list[str]:
        damaged = []
        for name, field in self.fields.items():
            if field.disabled:
                continue
            try:
                self[name].data  # noqa: B018 - reading it is the check
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                field.disabled = True
                if self.get_initial_for_field(field, name) is None:
                    self.initial[name] = empty_value(field)
                damaged.append(name)
        self.damaged_names = frozenset(self.add_prefix(name) for name in damaged)
        return damaged

    def _widget_data_value(self, widget, html_name):
        # Reading a damaged field again (showing the form) would fail as cleaning did.
        if html_name in self.damaged_names:
            return None
        return super()._widget_data_value(widget, html_name)


def empty_value(field):
    """What a field holds when nothing was entered: an empty stream for a StreamField."""
    block = getattr(field, "block", None)
    if block is not None:
        return block.get_default()
    return getattr(field, "empty_value", None)


class AllyshipAdminPageForm(WellFormedSubmissionMixin, WagtailAdminPageForm):
    """The base form of every page type of the package."""


class AllyshipAdminModelForm(WellFormedSubmissionMixin, WagtailAdminModelForm):
    """The base form of every snippet of the package."""


@functools.cache
def well_formed(form_class: type) -> type:
    """``form_class`` with :class:`WellFormedSubmissionMixin`, unless it has it already."""
    if issubclass(form_class, WellFormedSubmissionMixin):
        return form_class
    return type(form_class.__name__, (WellFormedSubmissionMixin, form_class), {})
