"""Admin listings searched through Wagtail's search backend survive queries it cannot parse."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.db import DatabaseError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext

logger = logging.getLogger(__name__)


class SearchErrorMixin:
    """An empty listing and a message, not a 500, when the search backend refuses the query.

    Wagtail's SQLite full-text backend hands some punctuation (a lone double quote, a colon
    in quotes) to FTS5, which rejects the query (wagtail/wagtail#13227). The results are
    counted here, once: the backend keeps the count, and the listing's pagination reuses it.
    """

    def search_queryset(self, queryset):
        results = super().search_queryset(queryset)
        if isinstance(results, QuerySet):
            return results  # not searching, or searched with the ORM
        try:
            with transaction.atomic():
                results.count()
        except DatabaseError:
            logger.warning("The search backend refused the query %r", self.search_query)
            messages.warning(
                self.request,
                gettext(
                    "The search could not be run with these characters. Search again "
                    'with words only, leaving out punctuation such as : or ".'
                ),
            )
            return queryset.none()
        return results
