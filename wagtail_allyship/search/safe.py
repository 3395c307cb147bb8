"""Searches that never fail a page: whatever a person types, a result, or none and a message.

Three things make a search fail in the database: a NUL character (PostgreSQL refuses it in
any text), punctuation that a full-text syntax cannot parse (SQLite's FTS5 and MariaDB's
boolean mode refuse a lone quote or a stray ``*``), and the same in a search the package does
not own (Wagtail's API). :func:`without_nul_characters` takes NUL out of every query string
before any view runs; :class:`SearchErrorMixin` gives the package's admin listings an empty
result and a message; :func:`refused_search_response` answers any other refused search with
400 and a message, never a server error.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.db import DatabaseError, connections, transaction
from django.db.models import QuerySet
from django.http import HttpResponseBadRequest, JsonResponse, QueryDict
from django.utils.html import escape
from django.utils.translation import get_language, gettext, gettext_noop

#: Query-string parameters that carry a search, in Wagtail's admin, its APIs and the package.
SEARCH_PARAMETERS = ("q", "search", "query")

#: The longest search the package hands to a search backend: longer ones are shortened (and
#: the person told), as a backend builds one condition per word and some nest them deeply
#: enough to fail.
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 20

#: Shown when a search was shortened.
SHORTENED_SEARCH_MESSAGE = gettext_noop(
    "Only the first %(words)d words of the search were used. Search again with fewer words "
    "to find something more precise."
)

#: Shown when the database refused a search.
REFUSED_SEARCH_MESSAGE = gettext_noop(
    "The search could not be run with these characters. Search again with words only, "
    'leaving out punctuation such as : or ".'
)

logger = logging.getLogger(__name__)


class SearchErrorMixin:
    """An empty listing and a message, not a 500, when the search backend refuses the query.

    Wagtail's SQLite full-text backend hands some punctuation (a lone double quote, a colon
    in quotes) to FTS5, which rejects the query (wagtail/wagtail#13227). The results are
    counted here, once: the backend keeps the count, and the listing's pagination reuses it.
    """

    def search_queryset(self, queryset):
        query = getattr(self, "search_query", None)
        if query and getattr(self, "is_searching", False):
            shortened = shorten_search(query)
            if shortened != query:
                self.search_query = shortened
                messages.info(
                    self.request, gettext(SHORTENED_SEARCH_MESSAGE) % {"words": MAX_SEARCH_WORDS}
                )
        results = super().search_queryset(queryset)
        if isinstance(results, QuerySet):
            return results  # not searching, or searched with the ORM
        try:
            with transaction.atomic():
                results.count()
        except DatabaseError:
            logger.warning("The search backend refused the query %r", self.search_query)
            messages.warning(self.request, gettext(REFUSED_SEARCH_MESSAGE))
            return queryset.none()
        return results


def shorten_search(text: str) -> str:
    """At most :data:`MAX_SEARCH_WORDS` words and :data:`MAX_SEARCH_LENGTH` characters."""
    return " ".join(text.split()[:MAX_SEARCH_WORDS])[:MAX_SEARCH_LENGTH]


def without_nul_characters(request) -> None:
    """Take NUL characters out of the request's query string, keys and values alike."""
    if "%00" not in request.META.get("QUERY_STRING", "") and not any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    ):
        return
    cleaned = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    request.GET = cleaned


def is_search(request) -> bool:
    return any(request.GET.get(name) for name in SEARCH_PARAMETERS)


def databases_reachable() -> bool:
    """Whether every database this request used still answers (a refused query, not an outage)."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.ensure_connection()
            if not connection.is_usable():
                return False
        except DatabaseError:
            return False
    return True


def refused_search_response(request, exception):
    """400 with a message for a search the database refused; ``None`` for anything else.

    A search so long that the backend's query nests too deep (``RecursionError``) is refused
    the same way.
    """
    if not isinstance(exception, DatabaseError | RecursionError) or not is_search(request):
        return None
    if not databases_reachable():
        return None  # the database is down: the host's error page says so
    logger.warning("The database refused the search %r on %s", request.GET, request.path)
    message = gettext(REFUSED_SEARCH_MESSAGE)
    if "/api/" in request.path or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"message": message}, status=400)
    return HttpResponseBadRequest(
        f'<!DOCTYPE html><html lang="{escape(get_language() or "en")}"><meta charset="utf-8">'
        f"<title>{escape(message)}</title><p>{escape(message)}</p></html>",
        content_type="text/html; charset=utf-8",
    )
