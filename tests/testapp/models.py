"""The host's own page types: a home page, and a plain page to measure ours against."""

from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    intro = RichTextField(blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    max_count_per_parent = 1
    template = "testapp/page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["menu_pages"] = self.get_children().live().public().in_menu().specific(defer=True)
        return context


class StandardPage(Page):
    body = RichTextField(blank=True)

    search_fields = [*Page.search_fields, index.SearchField("body")]
    template = "testapp/page.html"
