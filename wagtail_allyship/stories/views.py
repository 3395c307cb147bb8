"""The story index and its RSS and Atom feeds of new stories, one per index (and so language).

Built on Django's syndication framework and served by the index page itself
(``…/feed/`` and ``…/feed/atom/``), so hosts need no URL configuration. Titles and summaries
are HTML-escaped before the feed generator escapes them again for XML: feed readers treat
both as HTML, and editors' text must show as text.
"""

from __future__ import annotations

from html import unescape

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from wagtail_allyship.conf import get_setting


class StoryFeed(Feed):
    """The newest stories below one :class:`GoodPracticeIndexPage`, as RSS 2.0."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page, request):
        super().__init__()
        self.index_page = index_page
        self.request = request
        self.language = index_page.locale.language_code

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj) -> str:
        return obj.title

    def link(self, obj) -> str:
        return obj.get_full_url(request=self.request)

    def feed_url(self, obj) -> str:
        return self.request.build_absolute_uri(self.request.path)

    def description(self, obj) -> str:
        introduction = unescape(strip_tags(obj.introduction)).strip()
        return introduction or _("New good-practice stories from %(site)s.") % {"site": obj.title}

    def items(self, obj):
        return list(obj.stories()[: get_setting("STORY_FEED_ITEMS")])

    def item_title(self, item) -> str:
        return escape(item.title)

    def item_description(self, item) -> str:
        return escape(item.summary)

    def item_link(self, item) -> str:
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item) -> str:
        return item.organisation_name

    def item_categories(self, item) -> list[str]:
        return [link.topic.name for link in item.topic_links.all()]


class StoryAtomFeed(StoryFeed):
    """The same stories as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)


def index(page, request, *args, **kwargs):
    """The story index itself; 400 when a filter in the address does not exist."""
    response = page.render(request)
    if response.context_data["filter_form"].errors:
        response.status_code = 400
    return response


def rss_feed(page, request):
    return StoryFeed(page, request)(request)


def atom_feed(page, request):
    return StoryAtomFeed(page, request)(request)
