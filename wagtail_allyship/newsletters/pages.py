"""The programme update: a newsletter written as a Wagtail page, and kept as the archive.

It is translated like every page, through wagtail-localize. Sending it is an admin action
(:mod:`.admin`); the page itself is read on the intranet like any other, and its email
version is rendered from :attr:`ProgrammeUpdatePage.email_template`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.content.pages import AllyshipPageMixin
from wagtail_allyship.newsletters.blocks import FeaturedBlock, ProgrammeUpdateBodyBlock


def featured_items(stream) -> list[dict]:
    """The featured links in the reader's language: title, address, and a date's schedule.

    The chooser blocks load their pages and dates in one query each (StreamField's bulk
    conversion); their translations in the active language are read in one query per kind,
    however many links there are.
    """
    chosen = [(block.block_type, block.value) for block in stream if block.value is not None]
    locale = Locale.get_active()
    pages = translations_in(Page.objects.live(), chosen, "page", locale)
    dates = translations_in(AwarenessDate.objects.all(), chosen, "date", locale)
    items = []
    for kind, value in chosen:
        if kind == "page":
            target = pages.get(value.translation_key, value)
            items.append({"title": target.title, "url": target.url if target.live else ""})
        else:
            target = dates.get(value.translation_key, value)
            items.append({"title": target.title, "url": "", "when": target.schedule})
    return items


def translations_in(queryset, chosen, kind: str, locale) -> dict:
    """The translations in ``locale`` of the chosen items of ``kind``, by translation key."""
    keys = [value.translation_key for each, value in chosen if each == kind]
    if not keys:
        return {}
    return {
        item.translation_key: item
        for item in queryset.filter(translation_key__in=keys, locale=locale)
    }


class ProgrammeUpdatePage(AllyshipPageMixin, Page):
    """One issue of the programme's newsletter."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "Two or three sentences that open the update; also the preview text of the email."
        ),
    )
    body = StreamField(
        ProgrammeUpdateBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The update: text, quotes, images, videos and calls to action."),
    )
    featured = StreamField(
        FeaturedBlock(),
        blank=True,
        verbose_name=_("featured"),
        help_text=_(
            "Optional links shown at the end: stories, resources, the calendar, sessions and "
            "awareness dates."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("featured"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    subpage_types: list[str] = []
    template = "wagtail_allyship/newsletters/programme_update_page.html"
    #: The email version; override it by path like any of the package's templates.
    email_template = "wagtail_allyship/newsletters/email/programme_update.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = featured_items(self.featured)
        return context

    class Meta:
        verbose_name = _("programme update")
        verbose_name_plural = _("programme updates")
