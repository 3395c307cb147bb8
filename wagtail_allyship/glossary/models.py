"""The glossary: terms with short definitions and the public source each one comes from."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.pages import AllyshipPageMixin
from wagtail_allyship.text.collation import group_by_letter

#: Longest search text the glossary page accepts; longer input is cut, not refused.
MAX_QUERY_LENGTH = 100


class GlossaryTerm(TranslatableMixin, models.Model):
    """A word the programme uses about gender equality and allyship, with its meaning."""

    term = models.CharField(
        _("term"),
        max_length=255,
        help_text=_("The word or phrase, e.g. 'Gender parity'."),
    )
    slug = models.SlugField(
        _("anchor"),
        max_length=255,
        blank=True,
        allow_unicode=True,
        help_text=_(
            "The end of the term's link, e.g. 'gender-parity' in …/glossary/#gender-parity. "
            "Filled in from the term when left empty; it stays the same when the term is "
            "reworded or translated, so links to it keep working."
        ),
    )
    definition = RichTextField(
        _("definition"),
        features=SHORT_TEXT_FEATURES,
        help_text=_("A short explanation in plain words. Say where it comes from below."),
    )
    source_title = models.CharField(
        _("source title"),
        max_length=255,
        blank=True,
        help_text=_("The publication the definition is based on, e.g. 'UN Women: Concepts'."),
    )
    source_url = models.URLField(
        _("source URL"),
        max_length=500,
        blank=True,
        help_text=_("Public address of that publication, for readers who want to know more."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        MultiFieldPanel(
            [FieldPanel("source_title"), FieldPanel("source_url")],
            heading=_("Source"),
        ),
    ]

    translatable_fields = [
        TranslatableField("term"),
        SynchronizedField("slug"),
        TranslatableField("definition"),
        TranslatableField("source_title"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="wagtail_allyship_glossaryterm_unique_slug"
            )
        ]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            base = slugify(self.term, allow_unicode=True)[:240] or "term"
            slug, number = base, 1
            while self._slug_taken(slug):
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    def _slug_taken(self, slug: str) -> bool:
        others = GlossaryTerm.objects.filter(locale_id=self.locale_id, slug=slug)
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.exists()

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not strip_tags(self.definition or "").strip():
            errors["definition"] = _("Write a definition: a sentence or two.")
        if self.slug and self.locale_id and self._slug_taken(self.slug):
            errors["slug"] = _(
                "Another term in this language already uses the anchor '%(slug)s'. "
                "Choose a different one."
            ) % {"slug": self.slug}
        if errors:
            raise ValidationError(errors)

    @property
    def definition_text(self) -> str:
        """The definition without markup, for searching and summaries."""
        return strip_tags(self.definition)


class GlossaryPage(AllyshipPageMixin, Page):
    """An A–Z list of the glossary terms in the page's language, with a search box."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A sentence or two above the list, e.g. who the glossary is for."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/glossary/glossary_page.html"

    class Meta:
        verbose_name = _("glossary page")
        verbose_name_plural = _("glossary pages")

    def get_terms(self, query: str = "") -> list[GlossaryTerm]:
        """Terms in the page's language, optionally only those that mention ``query``."""
        terms = list(GlossaryTerm.objects.filter(locale_id=self.locale_id))
        needle = query.strip().casefold()
        if needle:
            terms = [
                term
                for term in terms
                if needle in term.term.casefold() or needle in term.definition_text.casefold()
            ]
        return terms

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
        language_code = self.locale.language_code
        groups = group_by_letter(
            self.get_terms(query), key=lambda term: term.term, language_code=language_code
        )
        context.update(
            {
                "query": query,
                "letter_groups": groups,
                "term_count": sum(len(terms) for _letter, terms in groups),
            }
        )
        return context
