"""What a resource hub shows for one query string: facet counts, the page of results, messages.

:func:`hub_results` runs the steps in a number of queries fixed by design: type, audience and
toolkit step are columns of the resource, so one grouped query counts all three (each
without its own choice) and the total; topics and tags take a query each; the page of
resources takes one, and one more for their topics (and two for their images and renditions
when any of them has an image).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.utils.translation import gettext
from wagtail.images import get_image_model

from wagtail_allyship.conf import get_setting
from wagtail_allyship.resources import facets
from wagtail_allyship.resources.models import (
    CARD_RENDITION,
    Audience,
    ResourceTag,
    ResourceTopic,
    ResourceType,
    TaggedResource,
    ToolkitStep,
)

#: The facets that are columns of the resource itself, by facet name.
COLUMNS = {"type": "resource_type", "audience": "audience", "step": "toolkit_step"}

#: What a card shows: the resource's own columns (its topics are prefetched).
CARD_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "translation_key",
    "content_type_id",
    "live",
    "first_published_at",
    "resource_type",
    "audience",
    "duration",
    "summary",
    "image_id",
    "image_alt",
    "image_is_decorative",
)


@dataclass
class HubResults:
    """One state of a hub: the query, the page of resources, and each facet's choices."""

    query: facets.HubQuery
    problems: list[str]
    resources: PaginatorPage
    facets: list[tuple[str, str, list[facets.FacetValue]]]
    untranslated: set[int]
    active: list[ActiveFilter] = field(default_factory=list)
    #: The search's cap (``RESOURCES_SEARCH_LIMIT``) when it cut the matches, else ``None``:
    #: the page says so rather than showing fewer resources than match.
    search_capped: int | None = None

    @property
    def chosen_filters(self) -> int:
        """How many facet values narrow the list (the search is shown beside, not counted)."""
        return sum(1 for item in self.active if not item.is_search)


@dataclass(frozen=True)
class ActiveFilter:
    """One thing that narrows the list (a search or a chosen value), and how to take it off."""

    label: str
    remove_url: str
    is_search: bool = False


@dataclass
class FacetChoices:
    """What readers may choose: topics of the hub's language (by id), tags that exist."""

    topic_options: list[tuple[str, str, object]]
    known_tags: dict[str, str]

    @property
    def topic_keys(self) -> dict[str, object]:
        """A topic's value in the query string, to its translation key."""
        return {value: key for value, _name, key in self.topic_options}

    def valid(self) -> dict[str, object]:
        return {
            "topic": self.topic_keys.keys(),
            "type": ResourceType.values,
            "audience": Audience.values,
            "step": [str(value) for value in ToolkitStep.values],
            "tag": self.known_tags.keys(),
        }


def facet_choices(hub, params: dict[str, list[str]]) -> FacetChoices:
    wanted_tags = [value.strip() for value in params.get("tag", []) if value.strip()]
    known_tags = dict(
        ResourceTag.objects.filter(slug__in=wanted_tags).values_list("slug", "name")
        if wanted_tags
        else []
    )
    return FacetChoices(hub.topic_options(), known_tags)


def problem_message(problem: facets.Problem) -> str:
    if problem.facet == "sort":
        return gettext("“%(value)s” is not a way to sort; the list is sorted as usual.") % {
            "value": problem.value
        }
    return gettext(
        "The filter “%(value)s” does not exist here, so it was left out. The other "
        "filters still apply."
    ) % {"value": problem.value}


def filtered(
    resources: models.QuerySet, query: facets.HubQuery, topic_keys: dict, skip=()
) -> models.QuerySet:
    """``resources`` narrowed by every chosen facet except those in ``skip``."""
    if "topic" not in skip and query.values("topic"):
        keys = [topic_keys[value] for value in query.values("topic")]
        resources = resources.filter(
            pk__in=ResourceTopic.objects.filter(topic__translation_key__in=keys).values("page_id")
        )
    if "tag" not in skip and query.values("tag"):
        resources = resources.filter(
            pk__in=TaggedResource.objects.filter(tag__slug__in=query.values("tag")).values(
                "content_object_id"
            )
        )
    for name, column in COLUMNS.items():
        if name not in skip and query.values(name):
            resources = resources.filter(**{f"{column}__in": query.values(name)})
    return resources


def column_counts(scope, query: facets.HubQuery, topic_keys: dict) -> tuple[dict, int]:
    """Counts of type, audience and step values, and the total, in one grouped query."""
    rows = (
        filtered(scope, query, topic_keys, skip=COLUMNS)
        .order_by()
        .values(*COLUMNS.values())
        .annotate(count=Count("pk"))
    )
    return facets.column_counts(
        (
            (
                {
                    name: None if row[column] is None else str(row[column])
                    for name, column in COLUMNS.items()
                },
                row["count"],
            )
            for row in rows
        ),
        {name: query.values(name) for name in COLUMNS},
    )


def topic_counts(resources: models.QuerySet) -> dict:
    rows = (
        ResourceTopic.objects.filter(page__in=resources.values("pk"))
        .order_by()
        .values("topic__translation_key")
        .annotate(count=Count("page_id", distinct=True))
    )
    return {row["topic__translation_key"]: row["count"] for row in rows}


def tag_counts(resources: models.QuerySet) -> dict[str, tuple[str, int]]:
    rows = (
        TaggedResource.objects.filter(content_object__in=resources.values("pk"))
        .order_by()
        .values("tag__slug", "tag__name")
        .annotate(count=Count("content_object_id", distinct=True))
    )
    return {row["tag__slug"]: (row["tag__name"], row["count"]) for row in rows}


def facet_lists(scope, query: facets.HubQuery, choices: FacetChoices):
    """Each facet's values with their counts, and the total of matching resources."""
    topic_keys = choices.topic_keys
    counts, total = column_counts(scope, query, topic_keys)
    key_to_value = {key: value for value, _name, key in choices.topic_options}
    by_topic = topic_counts(filtered(scope, query, topic_keys, skip=("topic",)))
    counts["topic"] = {key_to_value[key]: n for key, n in by_topic.items() if key in key_to_value}
    by_tag = tag_counts(filtered(scope, query, topic_keys, skip=("tag",)))
    counts["tag"] = {slug: count for slug, (_name, count) in by_tag.items()}
    tag_names = {slug: name for slug, (name, _count) in by_tag.items()}
    tag_names.update(choices.known_tags)
    options = {
        "topic": [(value, name) for value, name, _key in choices.topic_options],
        "type": ResourceType.choices,
        "audience": Audience.choices,
        "step": [(str(value), label) for value, label in ToolkitStep.choices],
        "tag": sorted(tag_names.items(), key=lambda item: item[1].casefold()),
    }
    labels = {
        "topic": gettext("Topic"),
        "type": gettext("Type"),
        "audience": gettext("Audience"),
        "step": gettext("Toolkit step"),
        "tag": gettext("Tag"),
    }
    facet_list = [
        (
            name,
            labels[name],
            facets.facet_values(
                [(value, str(label)) for value, label in options[name]],
                counts.get(name, {}),
                query.values(name),
            ),
        )
        for name in facets.FACETS
    ]
    return facet_list, total


def listing(resources: models.QuerySet) -> models.QuerySet:
    """What a card shows: the resource's own columns and its topics."""
    topic_links = ResourceTopic.objects.select_related("topic").only(
        "page_id", "sort_order", "topic__name", "topic__order", "topic__translation_key"
    )
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return resources.prefetch_related(
        Prefetch("topic_links", queryset=topic_links), Prefetch("image", queryset=images)
    ).only(*CARD_FIELDS)


def paginate(paginator: Paginator, number: str, messages: list[str]) -> PaginatorPage:
    """The page ``number`` of ``paginator``; a page that does not exist is said so."""
    if number not in ("", "1"):
        try:
            wanted = int(number)
        except ValueError:
            wanted = 0
        if wanted < 1 or wanted > paginator.num_pages:
            messages.append(
                gettext("There is no page %(number)s; here is page %(shown)s.")
                % {
                    "number": number[:10],
                    "shown": min(max(wanted, 1), paginator.num_pages),
                }
            )
    return paginator.get_page(number)


def result_page(matching, query: facets.HubQuery, ranked, total: int, messages) -> PaginatorPage:
    """One page of matching resources: best match first, newest first, or by title."""
    per_page = get_setting("RESOURCES_PER_PAGE")
    if ranked is not None and query.sort == "relevance":
        allowed = set(matching.values_list("pk", flat=True))
        ordered = [pk for pk in ranked if pk in allowed]
        page = paginate(Paginator(ordered, per_page), query.page, messages)
        by_pk = listing(matching.filter(pk__in=list(page.object_list))).in_bulk()
        page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
        return page
    order = ["title", "pk"] if query.sort == "title" else ["-first_published_at", "-pk"]
    paginator = Paginator(listing(matching).order_by(*order), per_page)
    paginator.count = total  # known from the grouped query: no COUNT of its own
    page = paginate(paginator, query.page, messages)
    page.object_list = list(page.object_list)
    return page


def label_cards(resources, topic_names: dict[object, str]) -> None:
    """Give each resource the names of its type, audience and topics, in the hub's language.

    ``topic_names`` maps a topic's translation key to its name in the hub's language, so that
    the chips on a card say what the facets say (a resource shown untranslated keeps the
    topics of its own language only where the hub's language has no such topic).
    """
    type_labels = {value: str(label) for value, label in ResourceType.choices}
    audience_labels = {value: str(label) for value, label in Audience.choices}
    for resource in resources:
        resource.type_label = type_labels.get(resource.resource_type, "")
        resource.audience_label = audience_labels.get(resource.audience, "")
        resource.topic_labels = [
            topic_names.get(topic.translation_key, topic.name) for topic in resource.topics
        ]


def active_filters(query: facets.HubQuery, facet_list) -> list[ActiveFilter]:
    """What narrows the list now, each with the address of the list without it."""
    active = []
    if query.search:
        active.append(
            ActiveFilter(
                gettext("Search: “%(words)s”") % {"words": query.search},
                query.url(search=""),
                is_search=True,
            )
        )
    for name, label, values in facet_list:
        chosen = query.values(name)
        for choice in values:
            if choice.selected:
                rest = tuple(value for value in chosen if value != choice.value)
                active.append(ActiveFilter(f"{label}: {choice.label}", query.url(**{name: rest})))
    return active


def hub_results(hub, params: dict[str, list[str]]) -> HubResults:
    """Everything ``hub`` shows for a query string, in a number of queries fixed by design."""
    scope = hub.scope()
    choices = facet_choices(hub, params)
    query, problems = facets.parse_query(params, choices.valid())
    messages = [problem_message(problem) for problem in problems]
    ranked: list[int] | None = None
    if query.search:
        ranked = hub.search_ids(query.search)
        scope = scope.filter(pk__in=ranked)
    facet_list, total = facet_lists(scope, query, choices)
    matching = filtered(scope, query, choices.topic_keys)
    page = result_page(matching, query, ranked, total, messages)
    label_cards(page.object_list, {key: name for _value, name, key in choices.topic_options})
    untranslated = {
        resource.pk for resource in page.object_list if resource.locale_id != hub.locale_id
    }
    active = active_filters(query, facet_list)
    limit = get_setting("RESOURCES_SEARCH_LIMIT")
    capped = limit if ranked is not None and len(ranked) >= limit else None
    return HubResults(query, messages, page, facet_list, untranslated, active, capped)
