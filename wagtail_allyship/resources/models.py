"""The resource hub's resources: documents, links, videos, templates and courses for allies.

A resource page lives under a hub page (:mod:`wagtail_allyship.resources.hub`). It carries
what readers filter by (type, audience, toolkit step, topics, tags) and what its owner unit
keeps up to date (a review date).
"""

from __future__ import annotations

import hashlib
import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from wagtail_allyship.caching import cached, keep
from wagtail_allyship.content.blocks import BODY_FEATURES, find_embed
from wagtail_allyship.content.images import DescribedImageMixin
from wagtail_allyship.content.pages import AllyshipPageMixin, FormClassPath
from wagtail_allyship.content.uploads import upload_size_error
from wagtail_allyship.topics.models import Topic, TopicLink, topic_field
from wagtail_allyship.units.models import OrganisationUnit

logger = logging.getLogger(__name__)

#: How long a resource page trusts its last look at the storage for its document's file.
DOCUMENT_CHECK_SECONDS = 5 * 60

#: Rendition of a resource's image on its cards (the same shape as a story's).
CARD_RENDITION = "fill-480x270"


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


class ResourceTopic(TopicLink):
    """Links a resource to one of its topics (translated along with the resource)."""

    page = ParentalKey(
        "wagtail_allyship.ResourcePage", on_delete=models.CASCADE, related_name="topic_links"
    )
    topic = topic_field(_("Choose a topic in the resource's language."))

    other_language_message = _(
        "“%(topic)s” is in another language. Choose the topic in the "
        "resource's language, or translate the topic first."
    )

    class Meta(TopicLink.Meta):
        verbose_name = _("resource topic")
        verbose_name_plural = _("resource topics")


class ResourcePage(AllyshipPageMixin, DescribedImageMixin, Page):
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
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo or illustration shown on the resource's card and page. Optional."),
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

    base_form_class = FormClassPath("wagtail_allyship.resources.forms.ResourcePageForm")

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
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_is_decorative")],
            heading=_("Image"),
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
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SynchronizedField("image_is_decorative"),
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
        too_large = upload_size_error(self.document) if self.document_id else None
        if too_large is not None:
            raise ValidationError({"document": too_large})
        self.clean_image()

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


def overdue_resources() -> models.QuerySet:
    """Resources whose review date has passed, the longest overdue first."""
    return (
        ResourcePage.objects.filter(review_date__lt=timezone.localdate())
        .select_related("owner_unit", "locale")
        .order_by("review_date", "title")
    )
