"""The three pages allies use: the pledge form, the pledge wall and "My allyship".

The pages hold what editors write (introductions, the privacy notice); what each address
below them does is in :mod:`wagtail_allyship.pledges.urls`, which maps it to a view.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.pages import PersonalPageMixin


class PledgePage(PersonalPageMixin, Page):
    """The pledge form: sign up as an ally, then pledge up to three commitments a year."""

    subpage_urls = "wagtail_allyship.pledges.urls.pledge_page"

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Above the form: why pledging matters and what makes a good commitment."),
    )
    sign_up_introduction = RichTextField(
        _("sign-up introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_(
            "Above the sign-up form that staff who are not allies yet see first, e.g. what "
            "being an ally involves."
        ),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_(
            "Who sees the registration and the pledge, how long they are kept and whom to ask "
            "about them. Shown beside both forms."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("sign_up_introduction"),
        FieldPanel("privacy_notice"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/pledges/pledge_page.html"

    class Meta:
        verbose_name = _("pledge page")
        verbose_name_plural = _("pledge pages")


class PledgeWallPage(PersonalPageMixin, Page):
    """Published pledges of the current programme year, newest first, filterable by unit."""

    subpage_urls = "wagtail_allyship.pledges.urls.pledge_wall_page"

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Above the pledges, e.g. an invitation to add one's own."),
    )
    per_page = models.PositiveSmallIntegerField(
        _("pledges per page"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text=_("How many pledges one page of the wall shows (5 to 100)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("per_page")], heading=_("Listing")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/pledges/pledge_wall_page.html"

    class Meta:
        verbose_name = _("pledge wall page")
        verbose_name_plural = _("pledge wall pages")


class MyAllyshipPage(PersonalPageMixin, Page):
    """The logged-in ally's own registration, pledges, progress and data."""

    subpage_urls = "wagtail_allyship.pledges.urls.my_allyship_page"

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Above the ally's own data, e.g. whom to contact with questions."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/pledges/my_allyship_page.html"

    class Meta:
        verbose_name = _("my allyship page")
        verbose_name_plural = _("my allyship pages")
