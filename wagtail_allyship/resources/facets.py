"""Faceted search state of a resource hub: the query string in, clean choices and URLs out.

Plain functions, no database: the hub page asks the database for the counts and hands them
here. Everything a reader can choose lives in the URL, so any state of the hub can be shared
and works without JavaScript.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

#: The facets of a hub, in the order they are shown and kept in URLs.
FACETS = ("topic", "type", "audience", "step", "tag")

#: The ways to sort; "relevance" needs a search.
SORTS = ("newest", "title", "relevance")

#: Longest search text kept; longer text is cut, not refused.
MAX_SEARCH_LENGTH = 200


@dataclass(frozen=True)
class HubQuery:
    """What the reader asked for: values per facet (OR within one, AND across), text, order."""

    selected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    search: str = ""
    sort: str = "newest"
    page: str = "1"

    def values(self, facet: str) -> tuple[str, ...]:
        return tuple(self.selected.get(facet, ()))

    @property
    def is_filtered(self) -> bool:
        return bool(self.search) or any(self.selected.get(name) for name in FACETS)

    def params(self, **changes) -> list[tuple[str, str]]:
        """The query as ordered ``(name, value)`` pairs, with ``changes`` applied."""
        selected = dict(self.selected)
        search, sort, page = self.search, self.sort, ""
        for name, value in changes.items():
            if name == "search":
                search = value
            elif name == "sort":
                sort = value
            elif name == "page":
                page = str(value)
            else:
                selected[name] = tuple(value)
        pairs = [(name, value) for name in FACETS for value in selected.get(name, ())]
        if search:
            pairs.append(("q", search))
        if sort != default_sort(search):
            pairs.append(("sort", sort))
        if page and page != "1":
            pairs.append(("page", page))
        return pairs

    def url(self, **changes) -> str:
        """``?…`` for this query with ``changes``; the first page unless a page is given."""
        pairs = self.params(**changes)
        return "?" + urlencode(pairs) if pairs else "?"


@dataclass(frozen=True)
class Problem:
    """A part of the query string that was left out, for the message shown to the reader."""

    facet: str
    value: str


@dataclass(frozen=True)
class FacetValue:
    """One choice of a facet, with how many resources it would show."""

    value: str
    label: str
    count: int
    selected: bool


def default_sort(search: str) -> str:
    return "relevance" if search else "newest"


def clean_search(text: str) -> str:
    """Search text without control characters or runs of spaces, at most 200 characters."""
    kept = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in text or "")
    return " ".join(kept.split())[:MAX_SEARCH_LENGTH].strip()


def parse_query(
    params: Mapping[str, list[str]], valid: Mapping[str, Collection[str]]
) -> tuple[HubQuery, list[Problem]]:
    """Read a hub's query string; unknown values are dropped and reported, never fatal.

    ``params`` maps each name to its list of values (a ``QueryDict`` as ``dict(qd.lists())``);
    ``valid`` holds the values each facet accepts.
    """
    problems: list[Problem] = []
    selected: dict[str, tuple[str, ...]] = {}
    for facet in FACETS:
        chosen: list[str] = []
        for raw in params.get(facet, []):
            value = (raw or "").strip()
            if not value:
                continue
            if value in valid.get(facet, ()):
                if value not in chosen:
                    chosen.append(value)
            else:
                problems.append(Problem(facet, value[:50]))
        if chosen:
            selected[facet] = tuple(chosen)
    search = clean_search((params.get("q") or [""])[-1])
    sort = (params.get("sort") or [""])[-1].strip()
    if not sort:
        sort = default_sort(search)
    elif sort not in SORTS:
        problems.append(Problem("sort", sort[:50]))
        sort = default_sort(search)
    if sort == "relevance" and not search:
        sort = "newest"
    page = (params.get("page") or ["1"])[-1].strip() or "1"
    return HubQuery(selected=selected, search=search, sort=sort, page=page), problems


def facet_values(
    options: Iterable[tuple[str, str]], counts: Mapping[str, int], selected: Collection[str]
) -> list[FacetValue]:
    """The choices worth showing: those with matches, and those chosen even without any."""
    values = []
    for value, label in options:
        count = counts.get(value, 0)
        if count or value in selected:
            values.append(FacetValue(value, label, count, value in selected))
    return values


def column_counts(
    rows: Iterable[tuple[Mapping[str, str], int]], selected: Mapping[str, Collection[str]]
) -> tuple[dict[str, dict[str, int]], int]:
    """Counts of single-valued facets from one grouped query, and how many match them all.

    ``rows`` holds each combination of values (facet name to value) with its number of
    resources. A facet's counts apply every other facet's choice but not its own, so readers
    see what each choice would add; the total applies them all.
    """
    rows = list(rows)
    names = {name for values, _count in rows for name in values} | set(selected)
    counts: dict[str, dict[str, int]] = {name: {} for name in names}
    total = 0

    def matches(values: Mapping[str, str], skip: str = "") -> bool:
        return all(
            not selected.get(name) or values.get(name) in selected[name]
            for name in names
            if name != skip
        )

    for values, count in rows:
        if matches(values):
            total += count
        for name, value in values.items():
            if value is not None and matches(values, skip=name):
                counts[name][value] = counts[name].get(value, 0) + count
    return counts, total
