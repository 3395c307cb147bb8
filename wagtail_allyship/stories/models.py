"""Good-practice stories: case studies of allyship that worked, and the index that lists them.

A story names the organisation and (optionally) the unit it comes from, its topics, a date and
a summary, and tells what happened in a body of paragraphs, quotes, lessons learned, outcome
figures and videos. The index lists the stories in its language, newest first, filtered by
topic, unit (sub-units included) and year, and offers RSS and Atom feeds of new stories.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.blocks import EMBEDS_CONTEXT_KEY, SHORT_TEXT_FEATURES, prefetch_embeds
from wagtail_allyship.content.images import DescribedImageMixin
from wagtail_allyship.content.pages import AllyshipPageMixin, FormClassPath, RoutedPageMixin
from wagtail_allyship.stories.blocks import StoryBodyBlock
from wagtail_allyship.topics.models import Topic, TopicLink, topic_field
from wagtail_allyship.units.models import OrganisationUnit

#: Rendition of story images on the index and on the story itself.
LIST_RENDITION = "fill-480x270"
STORY_RENDITION = "width-960"


class GoodPracticeStoryTopic(TopicLink):
    """Links a story to one of its topics (translated along with the story)."""

    page = ParentalKey(
        "wagtail_allyship.GoodPracticeStoryPage",
        on_delete=models.CASCADE,
        related_name="topic_links",
    )
    topic = topic_field(_("Choose a topic in the story's language."))

    other_language_message = _(
        "“%(topic)s” is in another language. Choose the topic in the story's "
        "language, or translate the topic first."
    )

    class Meta(TopicLink.Meta):
        verbose_name = _("story topic")
        verbose_name_plural = _("story topics")


class GoodPracticeStoryPage(AllyshipPageMixin, DescribedImageMixin, Page):
    """One case study: who did what, what they learned, and what changed."""

    organisation_name = models.CharField(
        _("organisation"),
        max_length=255,
        help_text=_("The organisation the story comes from, e.g. 'Northshire Police'."),
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="good_practice_stories",
        help_text=_(
            "The unit of this intranet the story belongs to, so that readers can find the "
            "stories of their own unit. Optional."
        ),
    )
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("When it happened or was reported; the index lists the newest first."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for the story index and the news feed."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo or illustration for the story. Optional."),
    )
    body = StreamField(
        StoryBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "The story: what was done and how, quotes, lessons learned, outcome figures and videos."
        ),
    )

    base_form_class = FormClassPath("wagtail_allyship.stories.forms.GoodPracticeStoryPageForm")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldRowPanel([FieldPanel("unit", widget=forms.Select), FieldPanel("date")]),
                InlinePanel("topic_links", label=_("Topics"), heading=_("Topics")),
            ],
            heading=_("About the story"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_is_decorative")],
            heading=_("Image"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("organisation_name"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["wagtail_allyship.GoodPracticeIndexPage"]
    subpage_types: list[str] = []

    template = "wagtail_allyship/stories/story_page.html"

    class Meta:
        verbose_name = _("good-practice story")
        verbose_name_plural = _("good-practice stories")

    def clean(self) -> None:
        super().clean()
        self.clean_image()

    @property
    def topics(self) -> list[Topic]:
        """The story's topics, in order (uses prefetched links when there are any)."""
        return [link.topic for link in self.topic_links.all()]

    def video_urls(self):
        for item in self.body.raw_data:
            if item.get("type") == "video":
                yield (item.get("value") or {}).get("url") or ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context[EMBEDS_CONTEXT_KEY] = prefetch_embeds(self.video_urls())
        context["story_topics"] = [
            link.topic for link in self.topic_links.all().select_related("topic")
        ]
        index_page = self.get_parent()
        context["index_page"] = index_page
        context["index_url"] = index_page.get_url(request=request) if index_page else ""
        return context


class StoryFilterForm(forms.Form):
    """The filters of a story index; every choice comes from the page's own language."""

    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        empty_label=_("All topics"),
        error_messages={"invalid_choice": _("There is no such topic. Choose one from the list.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=OrganisationUnit.objects.none(),
        required=False,
        empty_label=_("All units"),
        help_text=_("Stories of the units below it are included."),
        error_messages={"invalid_choice": _("There is no such unit. Choose one from the list.")},
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("There are no stories from that year.")},
    )

    def __init__(self, data, topics, units, years):
        super().__init__(data)
        self.fields["topic"].queryset = topics
        self.fields["unit"].queryset = units
        self.fields["year"].choices = [("", _("All years"))] + [(str(y), str(y)) for y in years]


class GoodPracticeIndexPage(RoutedPageMixin, AllyshipPageMixin, Page):
    """Lists the stories below it, newest first, with filters, pages and feeds."""

    subpage_urls = "wagtail_allyship.stories.urls.index_page"

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A sentence or two above the list, e.g. how to send in a story."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    subpage_types = ["wagtail_allyship.GoodPracticeStoryPage"]

    template = "wagtail_allyship/stories/index_page.html"

    class Meta:
        verbose_name = _("good-practice story index")
        verbose_name_plural = _("good-practice story indexes")

    # Data

    def stories(self) -> models.QuerySet:
        """The live stories below this page, newest first, with what a listing shows."""
        topic_links = GoodPracticeStoryTopic.objects.select_related("topic")
        images = get_image_model().objects.prefetch_renditions(LIST_RENDITION)
        return (
            GoodPracticeStoryPage.objects.live()
            .child_of(self)
            .select_related("unit")
            .prefetch_related(
                Prefetch("topic_links", queryset=topic_links),
                Prefetch("image", queryset=images),
            )
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def filter_form(self, data) -> StoryFilterForm:
        years = [
            day.year
            for day in GoodPracticeStoryPage.objects.live()
            .child_of(self)
            .dates("date", "year", order="DESC")
        ]
        return StoryFilterForm(
            data,
            topics=Topic.objects.filter(locale_id=self.locale_id),
            units=OrganisationUnit.objects.filter(locale_id=self.locale_id),
            years=years,
        )

    def filtered_stories(self, form: StoryFilterForm) -> models.QuerySet:
        stories = self.stories()
        if not form.is_bound or not form.is_valid():
            return stories
        topic = form.cleaned_data.get("topic")
        unit = form.cleaned_data.get("unit")
        year = form.cleaned_data.get("year")
        if topic is not None:
            stories = stories.filter(
                pk__in=GoodPracticeStoryTopic.objects.filter(topic=topic).values("page_id")
            )
        if unit is not None:
            units = OrganisationUnit.objects.descendants_of([unit])
            stories = stories.filter(unit__in=units)
        if year is not None:
            stories = stories.filter(date__year=year)
        return stories

    def paginate(self, stories, number) -> PaginatorPage:
        return Paginator(stories, get_setting("STORIES_PER_PAGE")).get_page(number)

    def feed_url(self, request=None, atom: bool = False) -> str:
        base = self.get_url(request=request) or ""
        return base.rstrip("/") + "/" + self.reverse_subpage("atom_feed" if atom else "rss_feed")

    # Rendering

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = {
            key: value
            for key, value in request.GET.items()
            if key in StoryFilterForm.base_fields and value
        }
        form = self.filter_form(filters or None)
        stories = self.paginate(self.filtered_stories(form), request.GET.get("page"))
        query = urlencode(filters) if form.is_valid() else ""
        context.update(
            {
                "filter_form": form,
                "stories": stories,
                "filter_query": query,
                "rss_url": self.feed_url(request),
                "atom_url": self.feed_url(request, atom=True),
            }
        )
        return context
