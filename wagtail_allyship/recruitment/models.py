"""Recruitment articles: one template written centrally, one local version per unit.

A ``RecruitmentArticlePage`` without a unit is a *template*; its text holds placeholder tokens
such as ``[FORCE NAME]``. A page with a unit is that unit's *local version*: the tokens are
filled from the unit when the page is shown. The token rules live in
:mod:`wagtail_allyship.text.placeholders` and :mod:`wagtail_allyship.recruitment.tokens`;
this module applies them to pages: when they are saved, published and translated.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.models import Page, Revision
from wagtail.search import index

from wagtail_allyship.content.blocks import EMBEDS_CONTEXT_KEY, prefetch_embeds
from wagtail_allyship.content.pages import AllyshipPageMixin, FormClassPath
from wagtail_allyship.recruitment.blocks import ArticleBodyBlock
from wagtail_allyship.recruitment.panels import RecruitmentStatusPanel
from wagtail_allyship.recruitment.tokens import (
    dropped_tokens_message,
    missing_value_error,
    placeholder_texts,
    translated_string_error,
    unit_values,
    unknown_token_errors,
)
from wagtail_allyship.text import placeholders
from wagtail_allyship.units.models import OrganisationUnit

#: Context key under which a page hands token values to templates and blocks.
PLACEHOLDERS_CONTEXT_KEY = "allyship_placeholders"

#: The ``log_action`` Wagtail's ``publish_scheduled`` command publishes revisions with.
SCHEDULED_PUBLISH_ACTION = "wagtail.publish.scheduled"

logger = logging.getLogger(__name__)


class PublishingRefused(ValidationError, PermissionDenied):
    """A local version cannot be published: its unit lacks a value one of its tokens needs.

    It is a ``ValidationError`` so that callers and Wagtail's APIs report it as bad input,
    and a ``PermissionDenied`` so that admin views which do not expect it (approving a
    workflow task from the dashboard) refuse the request rather than fail with a server error.
    """


def publishing_refusals(
    pages: Iterable[Page], *, include_descendants: bool = False, user=None
) -> list[tuple[Page, ValidationError]]:
    """The local versions among ``pages`` whose latest revision cannot be published, and why.

    With ``include_descendants``, their unpublished sub-pages that ``user`` may publish are
    looked at too, as Wagtail's bulk publishing publishes those as well. Lets the bulk action
    refuse before anything is published, rather than fail halfway.
    """
    refused = []
    for page in pages:
        candidates = []
        page_class = page.specific_class
        if page_class is not None and issubclass(page_class, RecruitmentArticlePage):
            candidates.append(page)
        if include_descendants:
            descendants = RecruitmentArticlePage.objects.descendant_of(page).not_live()
            candidates.extend(
                child
                for child in descendants
                if user is None or child.permissions_for_user(user).can_publish()
            )
        for candidate in candidates:
            revision = candidate.get_latest_revision()
            version = revision.as_object() if revision else candidate.specific
            error = version.publishing_error()
            if error is not None:
                refused.append((candidate, error))
    return refused


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

    base_form_class = FormClassPath("wagtail_allyship.recruitment.forms.RecruitmentArticlePageForm")

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
        message = dropped_tokens_message(dropped)
        return {
            field: ValidationError(message, code="dropped_placeholder") for field in sorted(fields)
        }

    def publishing_error(self) -> ValidationError | None:
        """Why this page cannot be published as it is (a token its unit cannot fill)."""
        if self.unit_id is None:
            return None
        return missing_value_error(self.unit, self.title, self.body)

    def publish(self, revision, *args, **kwargs):
        """Publish ``revision``, unless its unit lacks a value the revision's tokens need.

        Bulk publishing, workflow approval, scheduled publishing and ``revision.publish()``
        all come through here (the edit form checks before it gets this far). Scheduled
        publishing only skips the page, with a warning in the log, so that one incomplete
        unit does not stop the command publishing the other pages; the page stays scheduled
        and goes live on the first run after the unit is completed.
        """
        error = self.with_content_json(revision.content).publishing_error()
        if error is not None:
            if kwargs.get("log_action") == SCHEDULED_PUBLISH_ACTION:
                logger.warning(
                    "Scheduled publishing of page %s skipped: %s", self.pk, error.messages[0]
                )
                return None
            raise PublishingRefused({"unit": [error]})
        return super().publish(revision, *args, **kwargs)

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
                # Staff may meet the local version in menus; never the template itself.
                "show_in_menus": True,
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


def strings_losing_tokens(page: Page) -> list:
    """The strings of ``page``'s synced wagtail-localize translation that lose or misspell a token.

    Only strings of the current source count, and each is checked again rather than trusting
    its stored message. Lets the translation editor refuse to publish until they are fixed.
    """
    from wagtail_localize.models import StringSegment, StringTranslation

    segments = StringSegment.objects.filter(
        source__object_id=page.translation_key,
        source__translations__target_locale_id=page.locale_id,
        source__translations__enabled=True,
    ).values_list("string_id", "context_id")
    in_source = set(segments)
    if not in_source:
        return []
    candidates = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        has_error=True,
    ).select_related("translation_of")
    return [
        string
        for string in candidates
        if (string.translation_of_id, string.context_id) in in_source
        and translated_string_error(string.translation_of.data, string.data)
    ]


def flag_translated_string(sender, instance, update_fields=None, **kwargs) -> None:
    """Mark a wagtail-localize string translation that loses or misspells a token.

    A ``post_save`` receiver of wagtail-localize's ``StringTranslation`` (connected in
    ``AppConfig.ready``).

    wagtail-localize shows a marked string's message next to it in the translation editor as
    soon as the translator saves it, and leaves it out of the page (the original wording is
    used instead), so a translated page never loses a token. Checking strings one by one is
    what lets the message name the token: an error raised when the whole page is saved
    reaches the editor only for fields holding a single string, not for rich text blocks of
    several paragraphs.
    """
    if update_fields is not None and "data" not in update_fields:
        return
    if instance.has_error or instance.context_id is None:
        return
    original = instance.translation_of.data
    if not (placeholders.find_tokens(original) or placeholders.find_tokens(instance.data)):
        return
    from wagtail_localize.models import TranslationContext

    object_ids = TranslationContext.objects.filter(pk=instance.context_id).values("object_id")
    if not RecruitmentArticlePage.objects.filter(translation_key__in=object_ids).exists():
        return
    message = translated_string_error(original, instance.data)
    if message is None:
        return
    # ``update()`` rather than ``save()``: no second round of signals.
    type(instance).objects.filter(pk=instance.pk).update(has_error=True, field_error=message)
    instance.has_error = True
    instance.field_error = message
