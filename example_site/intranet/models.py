"""The host's own page types: a home page and a plain page (also the benchmark baseline)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from wagtail_allyship.models import ProgrammeHomeBlock, RecruitmentArticlePage


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True, help_text=_("Welcome text."))
    body = StreamField(
        [("allyship_programme", ProgrammeHomeBlock())],
        blank=True,
        verbose_name=_("body"),
        help_text=_("Blocks under the welcome text, e.g. the allyship programme."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A recruitment article without a unit is the editors' template: never a staff tile.
        templates = RecruitmentArticlePage.objects.filter(unit__isnull=True).values("pk")
        context["menu_pages"] = (
            self.get_children()
            .live()
            .public()
            .in_menu()
            .exclude(pk__in=templates)
            .specific(defer=True)
        )
        return context


class StandardPage(Page):
    body = RichTextField(_("body"), blank=True, help_text=_("The text of the page."))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
