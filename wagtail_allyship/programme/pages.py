"""The programme home page type: the programme's landing page, placed wherever editors like."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.pages import AllyshipPageMixin


class ProgrammeHomePage(AllyshipPageMixin, Page):
    """The programme's landing page; what it shows is gathered by the programme home tag.

    The page holds only what an editor writes. The rest (the main action for this visitor,
    their next deadline, stories, dates, figures) is looked up when the page is shown by
    ``{% allyship_programme_home %}``, the same tag the :class:`ProgrammeHomeBlock` of a
    host's own home page uses, so both look and behave alike.
    """

    strapline = models.CharField(
        _("strapline"),
        max_length=200,
        blank=True,
        help_text=_(
            "One line under the title that says what the programme is for, e.g. 'Men "
            "standing with women colleagues, every day.'"
        ),
    )
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A short paragraph beside the main action: why join, what it asks of you."),
    )
    story_count = models.PositiveSmallIntegerField(
        _("stories shown"),
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(6)],
        help_text=_("How many of the newest good-practice stories to show (0 to 6)."),
    )
    show_figures = models.BooleanField(
        _("show the programme's figures"),
        default=True,
        help_text=_("Show the key figures of the latest published annual report."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("strapline"),
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("story_count"), FieldPanel("show_figures")]),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("strapline"),
        index.SearchField("introduction"),
    ]

    template = "wagtail_allyship/programme/programme_home_page.html"

    class Meta:
        verbose_name = _("programme home")
        verbose_name_plural = _("programme homes")
