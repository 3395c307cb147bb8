"""Recruitment articles: one template written centrally, one local version per unit.

A ``RecruitmentArticlePage`` without a unit is a *template*; its text holds placeholder tokens
such as ``[FORCE NAME]``. A page with a unit is that unit's *local version*: the tokens are
filled from the unit when the page is shown. The token rules themselves live in
:mod:`wagtail_allyship.placeholders`; this module connects them to units, pages and
translations.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.models import Page, Revision
from wagtail.search import index

from .. import placeholders
from ..blocks import EMBEDS_CONTEXT_KEY, ArticleBodyBlock, prefetch_embeds
from ..conf import get_setting
from ..panels import RecruitmentStatusPanel
from .base import AllyshipPageMixin
from .units import OrganisationUnit

#: Context key under which a page hands token values to templates and blocks.
PLACEHOLDERS_CONTEXT_KEY = "allyship_placeholders"


def token_sources() -> dict[str, str]:
    """Every token the site knows and where its value comes from (default and extra tokens)."""
    return {**placeholders.DEFAULT_TOKENS, **get_setting("EXTRA_PLACEHOLDERS")}


def token_value(unit: OrganisationUnit, source: str) -> str:
    """The value of one token for ``unit``: a unit attribute, or a function's result."""
    value = import_string(source)(unit) if "." in source else getattr(unit, source, "")
    if isinstance(value, models.Model):
        value = str(value)
    return "" if value is None else str(value)


def unit_values(unit: OrganisationUnit | None) -> dict[str, str]:
    """The value of every known token for ``unit`` (empty strings where the unit has none)."""
    if unit is None:
        return {}
    return {name: token_value(unit, source) for name, source in token_sources().items()}


def source_label(token_name: str) -> str:
    """What an editor must fill in on the unit for ``token_name``, e.g. 'contact email'."""
    source = token_sources().get(token_name, "")
    try:
        return str(OrganisationUnit._meta.get_field(source).verbose_name)
    except FieldDoesNotExist:
        return placeholders.token(token_name)


def stream_data(body) -> list[dict]:
    """A StreamField value as JSON-like data, including changes made to its blocks in place.

    (``raw_data`` alone would miss those: wagtail-localize writes translations into the
    blocks themselves.)
    """
    if body is None:
        return []
    if hasattr(body, "get_prep_value"):
        return list(body.get_prep_value())
    return list(body)


def placeholder_texts(title: str, body) -> dict[str, list[str]]:
    """The texts of a page that may hold tokens, by where they are: title, then each block."""
    texts = {"title": [title or ""]}
    for item in stream_data(body):
        texts[f"body.{item.get('id')}"] = list(placeholders.strings_in(item.get("value")))
    return texts


def unknown_token_errors(title: str, body) -> dict[str, ValidationError]:
    """Field errors for tokens the site does not know, naming them and the valid ones."""
    known = token_sources()
    errors = {}
    for field, texts in (("title", [title or ""]), ("body", _body_texts(body))):
        unknown = placeholders.unknown_tokens(texts, known)
        if unknown:
            errors[field] = ValidationError(
                ngettext(
                    "Unknown placeholder %(tokens)s. Check its spelling; the placeholders you "
                    "can use are %(known)s.",
                    "Unknown placeholders %(tokens)s. Check their spelling; the placeholders "
                    "you can use are %(known)s.",
                    len(unknown),
                )
                % {
                    "tokens": ", ".join(placeholders.token(name) for name in unknown),
                    "known": placeholders.describe_tokens(known),
                },
                code="unknown_placeholder",
            )
    return errors


def _body_texts(body) -> list[str]:
    return list(placeholders.strings_in(stream_data(body)))


#: Tokens a block shows without the editor typing them (the contact box shows the contact).
IMPLICIT_TOKENS = {"contact": ("CONTACT NAME", "CONTACT EMAIL")}


def used_tokens(title: str, body) -> list[str]:
    """Every token the page shows: typed in its text, or shown by a block of its own accord."""
    used = placeholders.find_tokens_in([title or "", *_body_texts(body)])
    for item in stream_data(body):
        value = item.get("value")
        if isinstance(value, dict) and value.get("show_unit_contact"):
            used.extend(n for n in IMPLICIT_TOKENS.get(item.get("type"), ()) if n not in used)
    return used


def missing_value_error(unit: OrganisationUnit, title: str, body) -> ValidationError | None:
    """Why ``unit`` cannot fill the tokens of this text, or ``None`` if it can."""
    used = used_tokens(title, body)
    missing = placeholders.missing_values(used, unit_values(unit))
    if not missing:
        return None
    fields = list(dict.fromkeys(source_label(name) for name in missing))
    return ValidationError(
        ngettext(
            "This page cannot be published yet: it uses %(tokens)s, but “%(unit)s” has no "
            "%(fields)s. Add it to the unit (Allyship › Organisation units), or take the "
            "placeholder out of the page.",
            "This page cannot be published yet: it uses %(tokens)s, but “%(unit)s” has no "
            "%(fields)s. Add them to the unit (Allyship › Organisation units), or take the "
            "placeholders out of the page.",
            len(missing),
        )
        % {
            "tokens": ", ".join(placeholders.token(name) for name in missing),
            "unit": unit,
            "fields": ", ".join(fields),
        },
        code="missing_placeholder_value",
    )


class RecruitmentArticlePageForm(WagtailAdminPageForm):
    """Offers only units in the page's language, and refuses to publish what cannot be filled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "unit" in self.fields:
            locale_id = getattr(self.instance, "locale_id", None) or (
                self.parent_page.locale_id if self.parent_page else None
            )
            self.fields["unit"].queryset = OrganisationUnit.objects.filter(locale_id=locale_id)

    def clean(self):
        cleaned_data = super().clean()
        unit = cleaned_data.get("unit")
        publishing = bool(self.data.get("action-publish"))
        if publishing and unit is not None and not self.errors:
            error = missing_value_error(unit, cleaned_data.get("title"), cleaned_data.get("body"))
            if error is not None:
                self.add_error("unit", error)
        return cleaned_data


class RecruitmentArticlePage(AllyshipPageMixin, Page):
    """A recruitment article: a template (no unit) or a unit's local version of one."""

    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruitment_articles",
        help_text=_(
            "Leave empty for a template. Choose a unit for that unit's local version: its "
            "placeholders are then filled with the unit's name, contact and sign-up link."
        ),
    )
    template_page = models.ForeignKey(
        "self",
        verbose_name=_("template"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="local_versions",
    )
    template_revision = models.ForeignKey(
        Revision,
        verbose_name=_("template revision copied"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        ArticleBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "The article. Placeholders such as [FORCE NAME] or [CONTACT EMAIL] are filled "
            "from the unit when the page is shown."
        ),
    )

    base_form_class = RecruitmentArticlePageForm

    content_panels = [
        RecruitmentStatusPanel(heading=_("Template and local versions")),
        *Page.content_panels,
        FieldPanel("unit", widget=forms.Select),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("body")]

    template = "wagtail_allyship/recruitment/recruitment_article_page.html"

    class Meta:
        verbose_name = _("recruitment article")
        verbose_name_plural = _("recruitment articles")

    @property
    def is_template(self) -> bool:
        return self.unit_id is None

    def placeholder_values(self) -> dict[str, str]:
        return unit_values(self.unit) if self.unit_id else {}

    def with_content_json(self, content):
        # The link to the template is kept up to date on the page itself (e.g. when an editor
        # marks the template's changes as reviewed); an older revision must not undo it.
        page = super().with_content_json(content)
        page.template_page_id = self.template_page_id
        page.template_revision_id = self.template_revision_id
        return page

    def get_admin_display_title(self) -> str:
        title = super().get_admin_display_title()
        if self.unit_id:
            return placeholders.fill_text(title, self.placeholder_values())
        return title

    # Validation

    def clean(self) -> None:
        super().clean()
        if self.unit_id:
            # A local version keeps its title filled in, so that menus, search results and
            # breadcrumbs of the host site (which show the plain title) read naturally.
            values = self.placeholder_values()
            self.title = placeholders.fill_text(self.title, values)
            if self.seo_title:
                self.seo_title = placeholders.fill_text(self.seo_title, values)
        errors = unknown_token_errors(self.title, self.body)
        if not errors:
            errors = self._translation_errors()
        if errors:
            raise ValidationError(errors)

    def _translation_source(self) -> Page | None:
        """The page this one was translated from through wagtail-localize, as translated."""
        from wagtail_localize.models import Translation

        if not self.pk:
            return None
        translation = (
            Translation.objects.filter(
                source__object_id=self.translation_key, target_locale_id=self.locale_id
            )
            .select_related("source")
            .first()
        )
        if translation is None or translation.source.locale_id == self.locale_id:
            return None
        return translation.source.as_instance()

    def _translation_errors(self) -> dict[str, ValidationError]:
        """Refuse a translation that leaves out or changes a token of its source."""
        original = self._translation_source()
        if original is None:
            return {}
        source_texts = placeholder_texts(original.title, original.body)
        own_texts = placeholder_texts(self.title, self.body)
        dropped: list[str] = []
        fields: set[str] = set()
        for location, texts in source_texts.items():
            if location not in own_texts:
                continue
            lost = placeholders.dropped_tokens(texts, own_texts[location])
            if lost:
                dropped.extend(name for name in lost if name not in dropped)
                fields.add(location.split(".")[0])
        if not dropped:
            return {}
        message = ngettext(
            "The translation leaves out or changes the placeholder %(tokens)s. Copy it exactly "
            "as it is in the original, in capitals and square brackets: it is replaced by the "
            "unit's details when the page is shown.",
            "The translation leaves out or changes the placeholders %(tokens)s. Copy them "
            "exactly as they are in the original, in capitals and square brackets: they are "
            "replaced by the unit's details when the page is shown.",
            len(dropped),
        ) % {"tokens": ", ".join(placeholders.token(name) for name in dropped)}
        return {
            field: ValidationError(message, code="dropped_placeholder") for field in sorted(fields)
        }

    def publishing_error(self) -> ValidationError | None:
        """Why this page cannot be published as it is (a token its unit cannot fill)."""
        if self.unit_id is None:
            return None
        return missing_value_error(self.unit, self.title, self.body)

    # Templates and local versions

    def template_has_changed(self) -> bool:
        """Whether the template was published again after this local version was made."""
        template = self.template_page
        return bool(
            template is not None
            and self.template_revision_id
            and template.live_revision_id
            and template.live_revision_id != self.template_revision_id
        )

    @transaction.atomic
    def create_local_version(
        self, unit: OrganisationUnit, parent: Page, user=None
    ) -> RecruitmentArticlePage:
        """Copy this template under ``parent`` as a draft local version for ``unit``.

        The title is filled in straight away, so that menus, search results and the page
        explorer show the unit's own title; the body keeps its tokens.
        """
        title = placeholders.fill_text(self.title, unit_values(unit))
        slug = find_available_slug(parent, slugify(title, allow_unicode=True)[:200] or "article")
        revision_id = self.live_revision_id or self.latest_revision_id
        copy = self.copy(
            to=parent,
            update_attrs={
                "title": title,
                "draft_title": title,
                "slug": slug,
                "unit": unit,
                "template_page": self,
                "template_revision_id": revision_id,
                "show_in_menus": self.show_in_menus,
            },
            copy_revisions=False,
            keep_live=False,
            user=user,
        )
        copy.save_revision(user=user, log_action=False)
        return copy

    def mark_template_reviewed(self) -> None:
        """Note that the editor has seen the template's latest published changes."""
        if self.template_page is not None and self.template_page.live_revision_id:
            self.template_revision_id = self.template_page.live_revision_id
            self.save(update_fields=["template_revision"], clean=False)

    # Rendering

    def video_urls(self) -> Iterable[str]:
        for item in self.body.raw_data:
            if item.get("type") == "video":
                yield (item.get("value") or {}).get("url") or ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values = self.placeholder_values()
        context[PLACEHOLDERS_CONTEXT_KEY] = {"values": values, "highlight": self.is_template}
        context[EMBEDS_CONTEXT_KEY] = prefetch_embeds(self.video_urls())
        context["unit"] = self.unit if self.unit_id else None
        if values:
            # Host base templates show ``seo_title`` or ``title`` in <title>; give them the
            # filled-in text. Only this in-memory instance changes; nothing is saved.
            self.seo_title = placeholders.fill_text(self.seo_title or self.title, values)
        return context
