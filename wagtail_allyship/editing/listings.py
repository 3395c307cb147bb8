"""The base of every admin listing of the package: safe exports, searches that never fail.

(And of every snippet viewset: forms that a damaged submission cannot make fail.)

Snippet viewsets of the package derive from :class:`AllyshipSnippetViewSet`, and their
custom listings from :class:`AllyshipIndexView`, so that whatever a listing offers (a CSV
export, a search) goes through :class:`~wagtail_allyship.exports.spreadsheets.
SafeSpreadsheetMixin` and :class:`~wagtail_allyship.search.safe.SearchErrorMixin`.
"""

from __future__ import annotations

from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from wagtail_allyship.editing.forms import well_formed
from wagtail_allyship.exports.spreadsheets import SafeSpreadsheetMixin
from wagtail_allyship.search.safe import SearchErrorMixin


class AllyshipIndexView(SafeSpreadsheetMixin, SearchErrorMixin, IndexView):
    """Wagtail's snippet listing, with safe spreadsheet exports and searches."""


class AllyshipSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose listing is :class:`AllyshipIndexView` and whose forms take any
    submission without failing (:func:`~wagtail_allyship.editing.forms.well_formed`)."""

    index_view_class = AllyshipIndexView

    def get_form_class(self, for_update=False):
        return well_formed(super().get_form_class(for_update=for_update))
