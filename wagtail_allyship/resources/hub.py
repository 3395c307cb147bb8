"""The resource hub page: lists the resources below it with facets, search, sorting and pages.

A hub lists the resources of its language, and, while they have not been translated yet,
those of its default-language version, labelled as such. What it shows for a query string
is worked out in :mod:`wagtail_allyship.resources.results`; the rendered results are cached
(see :mod:`wagtail_allyship.resources.cache`).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.utils import parse_query_string

from wagtail_allyship.caching import cached, keep
from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.pages import AllyshipPageMixin
from wagtail_allyship.resources.cache import cache_key
from wagtail_allyship.resources.models import ResourcePage
from wagtail_allyship.resources.results import HubResults, hub_results
from wagtail_allyship.topics.models import Topic

logger = logging.getLogger(__name__)

#: The part of a hub page that changes with the query: the form, facets and results.
RESULTS_TEMPLATE = "wagtail_allyship/resources/includes/hub_results.html"


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
        """Everything the hub shows for a query string (see :mod:`.results`)."""
        return hub_results(self, params)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = cache_key(self, request)
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
