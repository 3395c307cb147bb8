"""The resource hub: a library of documents, links, videos, templates and courses for allies.

A resource page lives under a hub page. The hub lists the resources of its language, with
facets (topic, type, audience, toolkit step, tag) whose counts follow the other active
filters, a search through Wagtail's search backend, sorting and pages. Resources that have
not been translated yet can be listed in the default language, labelled as such.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError, models, transaction
from django.db.models import Count, Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.search.utils import parse_query_string
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import facets, resource_cache
from ..blocks import BODY_FEATURES, SHORT_TEXT_FEATURES, find_embed
from ..cache_use import cached, keep
from ..conf import get_setting
from ..unit_permissions import limit_unit_choices
from .base import AllyshipPageMixin
from .topics import Topic
from .units import OrganisationUnit

logger = logging.getLogger(__name__)

#: How long a resource page trusts its last look at the storage for its document's file.
DOCUMENT_CHECK_SECONDS = 5 * 60

#: The part of a hub page that changes with the query: the form, facets and results.
RESULTS_TEMPLATE = "wagtail_allyship/resources/includes/hub_results.html"


class ResourceType(models.TextChoices):
    DOCUMENT = "document", _("Document")
    LINK = "link", _("Link")
    VIDEO = "video", _("Video")
    PRESENTATION_TEMPLATE = "presentation-template", _("Presentation template")
    DOCUMENT_TEMPLATE = "document-template", _("Document template")
    BRANDING = "branding", _("Branding asset")
    TRAINING = "training", _("Training course")
    GUIDE = "guide", _("Guide")


class Audience(models.TextChoices):
    ALL_STAFF = "all", _("All staff")
    ALLIES = "allies", _("Allies")
    LEADERS = "leaders", _("Leaders")
    EDITORS = "editors", _("Editors")


class ToolkitStep(models.IntegerChoices):
    INTRODUCING = 1, _("Step 1: introducing male allies")
    NETWORK = 2, _("Step 2: building an active network")
    LASTING_CHANGE = 3, _("Step 3: making change last")


class ResourceTag(TagBase):
    """A free keyword of resources, kept apart from the host site's own tags."""

    free_tagging = True

    class Meta:
        verbose_name = _("resource tag")
        verbose_name_plural = _("resource tags")


class TaggedResource(ItemBase):
    tag = models.ForeignKey(ResourceTag, on_delete=models.CASCADE, related_name="tagged_items")
    content_object = ParentalKey(
        "wagtail_allyship.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceTopic(TranslatableMixin, Orderable):
    """Links a resource to one of its topics (translated along with the resource)."""

    page = ParentalKey(
        "wagtail_allyship.ResourcePage", on_delete=models.CASCADE, related_name="topic_links"
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose a topic in the resource's language."),
    )

    panels = [FieldPanel("topic", widget=forms.Select)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource topic")
        verbose_name_plural = _("resource topics")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return str(self.topic)

    def clean(self) -> None:
        super().clean()
        page = getattr(self, "page", None)
        if (
            self.topic_id
            and page is not None
            and page.locale_id
            and self.topic.locale_id != page.locale_id
        ):
            raise ValidationError(
                {
                    "topic": _(
                        "“%(topic)s” is in another language. Choose the topic in the "
                        "resource's language, or translate the topic first."
                    )
                    % {"topic": self.topic}
                }
            )


class ResourcePageForm(WagtailAdminPageForm):
    """Offers only the units and topics in the resource's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None) or (
            self.parent_page.locale_id if getattr(self, "parent_page", None) else None
        )
        if locale_id is None:
            return
        if "owner_unit" in self.fields:
            self.fields["owner_unit"].queryset = OrganisationUnit.objects.filter(
                locale_id=locale_id
            )
            limit_unit_choices(self.fields["owner_unit"], self.for_user)
        formset = self.formsets.get("topic_links") if hasattr(self, "formsets") else None
        if formset is not None:
            topics = Topic.objects.filter(locale_id=locale_id)
            for form in formset.forms:
                form.fields["topic"].queryset = topics


class ResourcePage(AllyshipPageMixin, Page):
    """One resource: what it is, who it is for, and the document, link or video itself."""

    resource_type = models.CharField(
        _("type"),
        max_length=32,
        choices=ResourceType.choices,
        default=ResourceType.DOCUMENT,
        db_index=True,
        help_text=_("What kind of resource this is; readers filter by it."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences shown in the hub's list and in search results."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=BODY_FEATURES,
        help_text=_("More about the resource: when to use it and how. Optional."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The file readers download, e.g. a slide deck or a template."),
    )
    external_url = models.URLField(
        _("link"),
        blank=True,
        max_length=500,
        help_text=_("A web address the resource lives at, e.g. a course on the learning site."),
    )
    video_url = models.URLField(
        _("video"),
        blank=True,
        max_length=500,
        help_text=_(
            "The address of a video (e.g. on YouTube or Vimeo). When the video site cannot be "
            "reached, readers get a plain link."
        ),
    )
    audience = models.CharField(
        _("audience"),
        max_length=16,
        choices=Audience.choices,
        default=Audience.ALL_STAFF,
        db_index=True,
        help_text=_("Who the resource is mainly for."),
    )
    toolkit_step = models.PositiveSmallIntegerField(
        _("toolkit step"),
        choices=ToolkitStep.choices,
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The step of the programme the resource supports. Optional."),
    )
    duration = models.CharField(
        _("length or duration"),
        max_length=60,
        blank=True,
        help_text=_("Where it helps, e.g. '20 minutes', '12 slides' or '3 pages'."),
    )
    owner_unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
        help_text=_("The unit that keeps this resource up to date. Optional."),
    )
    review_date = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "When the resource should next be checked. Past this date it is flagged in the "
            "admin and in the report of resources due for review."
        ),
    )
    tags = ClusterTaggableManager(
        through=TaggedResource,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Free keywords that help readers find the resource, e.g. 'induction'."),
    )

    base_form_class = ResourcePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("document"),
                FieldPanel("external_url"),
                FieldPanel("video_url"),
                FieldPanel("duration"),
            ],
            heading=_("The resource"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("toolkit_step")]),
                InlinePanel("topic_links", label=_("Topics"), heading=_("Topics")),
                FieldPanel("tags"),
            ],
            heading=_("Finding it"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("owner_unit", widget=forms.Select), FieldPanel("review_date")]
                )
            ],
            heading=_("Upkeep"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("duration"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("audience"),
        index.FilterField("toolkit_step"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("duration"),
        SynchronizedField("resource_type"),
        SynchronizedField("document"),
        SynchronizedField("external_url"),
        SynchronizedField("video_url"),
        SynchronizedField("audience"),
        SynchronizedField("toolkit_step"),
        TranslatableField("owner_unit"),
        SynchronizedField("review_date"),
        TranslatableField("topic_links"),
        SynchronizedField("tags"),
    ]

    api_fields = [
        APIField("resource_type"),
        APIField("summary"),
        APIField("body"),
        APIField("document_url"),
        APIField("external_url"),
        APIField("video_url"),
        APIField("audience"),
        APIField("toolkit_step"),
        APIField("duration"),
        APIField("owner_unit_name"),
        APIField("review_date"),
        APIField("topic_names"),
        APIField("tag_names"),
    ]

    parent_page_types = ["wagtail_allyship.ResourceHubPage"]
    subpage_types: list[str] = []

    template = "wagtail_allyship/resources/resource_page.html"

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self) -> None:
        super().clean()
        if not (self.document_id or self.external_url or self.video_url):
            message = _("Give the resource a document, a link or a video: at least one of them.")
            raise ValidationError(
                {"document": message, "external_url": message, "video_url": message}
            )

    @property
    def topics(self) -> list[Topic]:
        """The resource's topics, in order (uses prefetched links when there are any)."""
        return [link.topic for link in self.topic_links.all()]

    @property
    def topic_names(self) -> list[str]:
        return [topic.name for topic in self.topics]

    @property
    def tag_names(self) -> list[str]:
        return sorted(tag.name for tag in self.tags.all())

    @property
    def document_url(self) -> str:
        return self.document.url if self.document_id else ""

    @property
    def owner_unit_name(self) -> str:
        return self.owner_unit.name if self.owner_unit_id else ""

    @property
    def needs_review(self) -> bool:
        return bool(self.review_date and self.review_date < timezone.localdate())

    def document_missing(self) -> bool:
        """Whether the document's file has gone from the storage (deleted, or lost in a move).

        The answer is kept in the cache for ``DOCUMENT_CHECK_SECONDS`` per file name, so that
        a busy resource page on a remote storage (S3 and the like) does not send the storage
        a request per view; a replaced file has a new name and is checked at once. A storage
        that cannot answer is given the benefit of the doubt: the link stays.
        """
        if not self.document_id:
            return False
        file = self.document.file
        if not file.name:
            return True
        key = "wagtail_allyship:document-file:" + hashlib.sha256(file.name.encode()).hexdigest()
        known = cached(key, "whether a document's file exists")
        if known is not None:
            return known == "missing"
        try:
            missing = not file.storage.exists(file.name)
        except Exception:
            logger.exception("Could not check that the file of document %s exists.", file.name)
            return False
        keep(
            key,
            "missing" if missing else "present",
            DOCUMENT_CHECK_SECONDS,
            "whether a document's file exists",
        )
        return missing

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["embed"] = find_embed(self.video_url) if self.video_url else None
        context["document_missing"] = self.document_missing()
        context["resource_topics"] = [
            link.topic for link in self.topic_links.all().select_related("topic")
        ]
        hub = self.get_parent()
        context["hub_url"] = hub.get_url(request=request) if hub else ""
        context["hub_page"] = hub
        return context


class ResourceLibraryVersion(models.Model):
    """One row whose number changes with anything a hub lists; see ``resource_cache``."""

    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("resource library version")

    def __str__(self) -> str:
        return str(self.version)


@dataclass
class HubResults:
    """One state of a hub: the query, the page of resources, and each facet's choices."""

    query: facets.HubQuery
    problems: list[str]
    resources: PaginatorPage
    facets: list[tuple[str, str, list[facets.FacetValue]]]
    untranslated: set[int]


class ResourceHubPage(AllyshipPageMixin, Page):
    """Lists the resources below it (and below its default-language version) with facets."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A sentence or two above the list, e.g. whom to ask for a new resource."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    subpage_types = ["wagtail_allyship.ResourcePage"]

    template = "wagtail_allyship/resources/hub_page.html"

    class Meta:
        verbose_name = _("resource hub")
        verbose_name_plural = _("resource hubs")

    # Data

    @cached_property
    def default_locale(self) -> Locale:
        return Locale.get_default()

    @property
    def default_locale_id(self) -> int:
        return self.default_locale.pk

    def hubs(self) -> list[Page]:
        """This hub, and its default-language version when this one is a translation."""
        hubs = [self]
        if get_setting("RESOURCES_SHOW_UNTRANSLATED") and self.locale_id != self.default_locale_id:
            source = (
                Page.objects.filter(
                    translation_key=self.translation_key, locale_id=self.default_locale_id
                )
                .only("path", "depth")
                .first()
            )
            if source is not None:
                hubs.append(source)
        return hubs

    def scope(self) -> models.QuerySet:
        """Every resource this hub lists, before any filter."""
        hubs = self.hubs()
        in_hubs = Q()
        for hub in hubs:
            in_hubs |= Q(path__startswith=hub.path, depth=hub.depth + 1)
        resources = ResourcePage.objects.live().public().filter(in_hubs)
        if len(hubs) > 1:
            translated = ResourcePage.objects.live().filter(locale_id=self.locale_id)
            resources = resources.filter(
                Q(locale_id=self.locale_id)
                | (
                    Q(locale_id=self.default_locale_id)
                    & ~Q(translation_key__in=translated.values("translation_key"))
                )
            )
        return resources

    def topic_options(self) -> list[tuple[str, str, object]]:
        """``(value, name, translation key)`` of the topics readers can pick, in order.

        Topics are picked by their own id in the hub's language; a topic that exists only in
        the default language is offered under its default-language name.
        """
        topics = list(
            Topic.objects.filter(locale_id__in={self.locale_id, self.default_locale_id}).order_by(
                "order", "name"
            )
        )
        own = {topic.translation_key for topic in topics if topic.locale_id == self.locale_id}
        return [
            (str(topic.pk), topic.name, topic.translation_key)
            for topic in topics
            if topic.locale_id == self.locale_id or topic.translation_key not in own
        ]

    #: The facets that are columns of the resource itself, by facet name.
    COLUMNS = {"type": "resource_type", "audience": "audience", "step": "toolkit_step"}

    @staticmethod
    def _filtered(
        resources: models.QuerySet, query: facets.HubQuery, topic_keys: dict, skip=()
    ) -> models.QuerySet:
        if "topic" not in skip and query.values("topic"):
            keys = [topic_keys[value] for value in query.values("topic")]
            resources = resources.filter(
                pk__in=ResourceTopic.objects.filter(topic__translation_key__in=keys).values(
                    "page_id"
                )
            )
        if "tag" not in skip and query.values("tag"):
            resources = resources.filter(
                pk__in=TaggedResource.objects.filter(tag__slug__in=query.values("tag")).values(
                    "content_object_id"
                )
            )
        for name, column in ResourceHubPage.COLUMNS.items():
            if name not in skip and query.values(name):
                resources = resources.filter(**{f"{column}__in": query.values(name)})
        return resources

    def search_ids(self, text: str) -> list[int]:
        """The ids of the best matches for ``text``, best first, through the search backend."""
        candidates = ResourcePage.objects.live().filter(
            locale_id__in=sorted({self.locale_id, self.default_locale_id})
        )
        # Wagtail's own parser reads quotes as phrases and drops stray ones, so that no text
        # reaches a backend as syntax it could trip on.
        _filters, parsed = parse_query_string(text, operator="and")
        results = candidates.only("id").search(parsed, order_by_relevance=True)
        try:
            with transaction.atomic():
                return [result.pk for result in results[: get_setting("RESOURCES_SEARCH_LIMIT")]]
        except DatabaseError:
            logger.warning("The search backend refused the query %r", text, exc_info=True)
            return []

    def results(self, params: dict[str, list[str]]) -> HubResults:
        """Everything the hub shows for a query string, in a number of queries fixed by design.

        Type, audience and step are columns, so one grouped query counts all three (each
        without its own choice) and the total; topics and tags take a query each.
        """
        scope = self.scope()
        topic_options = self.topic_options()
        topic_keys = {value: key for value, _name, key in topic_options}
        wanted_tags = [value.strip() for value in params.get("tag", []) if value.strip()]
        known_tags = dict(
            ResourceTag.objects.filter(slug__in=wanted_tags).values_list("slug", "name")
            if wanted_tags
            else []
        )
        valid = {
            "topic": topic_keys.keys(),
            "type": ResourceType.values,
            "audience": Audience.values,
            "step": [str(value) for value in ToolkitStep.values],
            "tag": known_tags.keys(),
        }
        query, problems = facets.parse_query(params, valid)
        messages = [self._problem_message(problem) for problem in problems]

        ranked: list[int] | None = None
        if query.search:
            ranked = self.search_ids(query.search)
            scope = scope.filter(pk__in=ranked)

        rows = (
            self._filtered(scope, query, topic_keys, skip=self.COLUMNS)
            .order_by()
            .values(*self.COLUMNS.values())
            .annotate(count=Count("pk"))
        )
        column_counts, total = facets.column_counts(
            (
                (
                    {
                        name: None if row[column] is None else str(row[column])
                        for name, column in self.COLUMNS.items()
                    },
                    row["count"],
                )
                for row in rows
            ),
            {name: query.values(name) for name in self.COLUMNS},
        )
        key_to_value = {key: value for value, _name, key in topic_options}
        counts = {
            **column_counts,
            "topic": {
                key_to_value[key]: count
                for key, count in self._topic_counts(
                    self._filtered(scope, query, topic_keys, skip=("topic",))
                ).items()
                if key in key_to_value
            },
        }
        tag_counts = self._tag_counts(self._filtered(scope, query, topic_keys, skip=("tag",)))
        counts["tag"] = {slug: count for slug, (_name, count) in tag_counts.items()}
        tag_names = {slug: name for slug, (name, _count) in tag_counts.items()}
        tag_names.update(known_tags)
        options = {
            "topic": [(value, name) for value, name, _key in topic_options],
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

        filtered = self._filtered(scope, query, topic_keys)
        per_page = get_setting("RESOURCES_PER_PAGE")
        if ranked is not None and query.sort == "relevance":
            allowed = set(filtered.values_list("pk", flat=True))
            ordered = [pk for pk in ranked if pk in allowed]
            page = self._page(Paginator(ordered, per_page), query.page, messages)
            by_pk = self._listing(filtered.filter(pk__in=list(page.object_list))).in_bulk()
            page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
        else:
            order = ["title", "pk"] if query.sort == "title" else ["-first_published_at", "-pk"]
            paginator = Paginator(self._listing(filtered).order_by(*order), per_page)
            paginator.count = total  # known from the grouped query: no COUNT of its own
            page = self._page(paginator, query.page, messages)
            page.object_list = list(page.object_list)
        type_labels = {value: str(label) for value, label in ResourceType.choices}
        audience_labels = {value: str(label) for value, label in Audience.choices}
        for resource in page.object_list:
            resource.type_label = type_labels.get(resource.resource_type, "")
            resource.audience_label = audience_labels.get(resource.audience, "")
        untranslated = {
            resource.pk for resource in page.object_list if resource.locale_id != self.locale_id
        }
        return HubResults(query, messages, page, facet_list, untranslated)

    @staticmethod
    def _page(paginator: Paginator, number: str, messages: list[str]):
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

    @staticmethod
    def _problem_message(problem: facets.Problem) -> str:
        if problem.facet == "sort":
            return gettext("“%(value)s” is not a way to sort; the list is sorted as usual.") % {
                "value": problem.value
            }
        return gettext(
            "The filter “%(value)s” does not exist here, so it was left out. The other "
            "filters still apply."
        ) % {"value": problem.value}

    @staticmethod
    def _listing(resources: models.QuerySet) -> models.QuerySet:
        """What a card shows: the resource's own columns and its topics."""
        topic_links = ResourceTopic.objects.select_related("topic").only(
            "page_id", "sort_order", "topic__name", "topic__order"
        )
        return resources.prefetch_related(Prefetch("topic_links", queryset=topic_links)).only(
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
        )

    @staticmethod
    def _topic_counts(resources: models.QuerySet) -> dict:
        rows = (
            ResourceTopic.objects.filter(page__in=resources.values("pk"))
            .order_by()
            .values("topic__translation_key")
            .annotate(count=Count("page_id", distinct=True))
        )
        return {row["topic__translation_key"]: row["count"] for row in rows}

    @staticmethod
    def _tag_counts(resources: models.QuerySet) -> dict[str, tuple[str, int]]:
        rows = (
            TaggedResource.objects.filter(content_object__in=resources.values("pk"))
            .order_by()
            .values("tag__slug", "tag__name")
            .annotate(count=Count("content_object_id", distinct=True))
        )
        return {row["tag__slug"]: (row["tag__name"], row["count"]) for row in rows}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = resource_cache.cache_key(self, request)
        html = cached(key, "a resource hub's results") if key else None
        if html is None:
            context["hub"] = self.results(dict(request.GET.lists()))
            context["hub_source_language"] = self.default_locale.language_code
            context["sorts"] = [
                ("newest", gettext("Newest first")),
                ("title", gettext("Title A to Z")),
                ("relevance", gettext("Best match")),
            ]
            html = render_to_string(RESULTS_TEMPLATE, context, request=request)
            if key:
                keep(key, html, get_setting("RESOURCES_CACHE_SECONDS"), "a resource hub's results")
        # Safe: the template's own autoescaped output, or that output read back from the
        # cache, which only this method fills.
        context["hub_html"] = mark_safe(html)  # noqa: S308  # nosec B308, B703
        return context


def overdue_resources() -> models.QuerySet:
    """Resources whose review date has passed, the longest overdue first."""
    return (
        ResourcePage.objects.filter(review_date__lt=timezone.localdate())
        .select_related("owner_unit", "locale")
        .order_by("review_date", "title")
    )
