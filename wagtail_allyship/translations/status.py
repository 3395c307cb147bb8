"""How far the programme's content is translated, in every language of the site, in one view.

A row is one item of the programme's content (a page of one of the package's types, or one of
its translatable snippets) across its languages, matched by translation key; its source is
its version in the site's default language (or its oldest, if it has none there). Each
language other than the source's gets one state:

- **missing**: no version in that language;
- **in progress**: a wagtail-localize translation is under way and not every string of the
  source is translated yet (with the share that is);
- **out of date**: the source changed after the translation was last synced (or, for a
  version made by hand, after that version was last changed);
- **up to date**: otherwise.

Everything is read in a number of queries that does not grow with the content: the objects
of each kind, wagtail-localize's sources and translations, and the segment counts per
language (one grouped query each). No list of ids is sent to the database: every filter is a
subquery on content types.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, Max, OuterRef
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.glossary.models import GlossaryTerm
from wagtail_allyship.profile.models import AllyAction
from wagtail_allyship.topics.models import Topic
from wagtail_allyship.units.models import OrganisationUnit

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"

#: The states, in the order a coordinator acts on them.
STATES = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}

#: The translatable snippets of the programme, each with the field that names an item.
SNIPPETS: dict[type, str] = {
    AllyAction: "title",
    AwarenessDate: "title",
    GlossaryTerm: "term",
    OrganisationUnit: "name",
    Topic: "name",
}


def key_text(field_name: str) -> Cast:
    """A translation key as the database writes it: thousands of rows need no ``UUID`` objects.

    Keys are only compared with each other, and every one is read through this, so each
    database's own spelling of a UUID is the same on both sides.
    """
    return Cast(field_name, output_field=CharField())


def programme_page_models() -> list[type[Page]]:
    """The page types of the package (the host's own page types are not the programme's)."""
    return [
        model
        for model in apps.get_app_config("wagtail_allyship").get_models()
        if issubclass(model, Page) and model is not Page
    ]


@dataclass
class Item:
    """One version of an item in one language."""

    pk: object
    translation_key: object
    locale_id: int
    title: str
    #: When its content last changed, as far as Wagtail records it (``None`` if unknown).
    changed_at: datetime.datetime | None


@dataclass
class Cell:
    state: str
    #: The share of the source's strings translated, for a translation in progress.
    percent: int | None = None
    #: What acting on it means: ``(function, *arguments)`` of one of the URL helpers below.
    #: Kept unresolved so that only the cells on the page shown pay for ``reverse()``.
    action: tuple = ()

    @property
    def label(self) -> str:
        return str(STATES[self.state])

    @property
    def url(self) -> str:
        """Where to act on it: translate, sync or edit."""
        if not self.action:
            return ""
        function, *arguments = self.action
        return function(*arguments)


@dataclass
class StatusRow:
    """One item across the site's languages."""

    kind: str
    title: str
    source_language: str
    model: type
    pk: object
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def edit_url(self) -> str:
        return edit_url(self.model, self.pk)

    def state_in(self, language: str) -> str:
        cell = self.cells.get(language)
        return cell.state if cell else ""

    def __getattr__(self, name: str) -> str:
        """``state_<language>``: the cell in words, for the spreadsheet (empty for the source)."""
        if not name.startswith("state_"):
            raise AttributeError(name)
        cell = self.__dict__.get("cells", {}).get(name.removeprefix("state_"))
        if cell is None:
            return ""
        return f"{cell.label} ({cell.percent}%)" if cell.percent is not None else cell.label


@dataclass
class Progress:
    """What wagtail-localize knows of the translations of the programme's content."""

    #: ``(content type id, translation key) -> (source id, its locale, last synced)``.
    sources: dict[tuple, tuple[int, int, datetime.datetime]]
    #: ``(source id, target locale id) -> enabled`` (a disabled one was made by hand).
    translations: dict[tuple[int, int], bool]
    #: Strings to translate in each source.
    totals: dict[int, int]
    #: ``(source id, locale id) -> strings translated``.
    translated: dict[tuple[int, int], int]


def page_items(models: list[type[Page]]) -> dict[int, list[Item]]:
    """Every page of ``models``, by content type id (one query)."""
    content_types = ContentType.objects.get_for_models(*models).values()
    rows = Page.objects.filter(content_type__in=[ct.pk for ct in content_types]).values_list(
        "pk",
        key_text("translation_key"),
        "locale_id",
        "title",
        "latest_revision_created_at",
        "content_type_id",
    )
    items: dict[int, list[Item]] = defaultdict(list)
    for pk, key, locale_id, title, changed, content_type_id in rows.iterator():
        items[content_type_id].append(Item(pk, key, locale_id, title, changed))
    return items


def snippet_items(model: type, name_field: str) -> list[Item]:
    """Every item of a snippet model, with when the admin last saved it (two queries)."""
    content_type = ContentType.objects.get_for_model(model)
    saved = dict(
        ModelLogEntry.objects.filter(
            content_type=content_type, action__in=("wagtail.create", "wagtail.edit")
        )
        .values("object_id")
        .annotate(last=Max("timestamp"))
        .values_list("object_id", "last")
    )
    rows = model.objects.values_list("pk", key_text("translation_key"), "locale_id", name_field)
    return [
        Item(pk, key, locale_id, title, saved.get(str(pk))) for pk, key, locale_id, title in rows
    ]


def read_progress(content_types: list[ContentType], locales: list[Locale]) -> Progress:
    """wagtail-localize's sources, translations and string counts for those content types."""
    sources_qs = TranslationSource.objects.filter(specific_content_type__in=content_types)
    sources = {
        (content_type_id, key): (pk, locale_id, synced)
        for pk, content_type_id, key, locale_id, synced in sources_qs.values_list(
            "pk", "specific_content_type_id", key_text("object_id"), "locale_id", "last_updated_at"
        )
    }
    translations = {
        (source_id, locale_id): enabled
        for source_id, locale_id, enabled in Translation.objects.filter(
            source__in=sources_qs
        ).values_list("source_id", "target_locale_id", "enabled")
    }
    segments = StringSegment.objects.filter(source__in=sources_qs)
    totals = dict(
        segments.order_by()
        .values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    translated: dict[tuple[int, int], int] = {}
    for locale in locales:
        done = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale.pk,
            has_error=False,
        )
        counts = (
            segments.filter(Exists(done))
            .order_by()
            .values("source_id")
            .annotate(n=Count("pk"))
            .values_list("source_id", "n")
        )
        translated.update({(source_id, locale.pk): n for source_id, n in counts})
    return Progress(sources, translations, totals, translated)


class TranslationStatus:
    """The status of every item of the programme's content in every language of the site."""

    def __init__(self) -> None:
        self.locales = list(Locale.objects.order_by("pk"))
        self.default_locale_id = Locale.get_default().pk
        self.codes = {locale.pk: locale.language_code for locale in self.locales}
        self.names = {locale.pk: locale.get_display_name() for locale in self.locales}

    @cached_property
    def rows(self) -> list[StatusRow]:
        page_models = programme_page_models()
        page_types = ContentType.objects.get_for_models(*page_models)
        snippet_types = ContentType.objects.get_for_models(*SNIPPETS)
        progress = read_progress(
            [*page_types.values(), *snippet_types.values()],
            [locale for locale in self.locales if locale.pk != self.default_locale_id],
        )
        pages = page_items(page_models)
        rows = []
        for model, content_type in page_types.items():
            rows += self.rows_of(model, content_type, pages.get(content_type.pk, []), progress)
        for model, name_field in SNIPPETS.items():
            content_type = snippet_types[model]
            items = snippet_items(model, name_field)
            rows += self.rows_of(model, content_type, items, progress)
        return rows

    def rows_of(self, model, content_type, items: list[Item], progress: Progress) -> list:
        by_key: dict[object, dict[int, Item]] = defaultdict(dict)
        for item in items:
            by_key[item.translation_key][item.locale_id] = item
        rows = []
        kind = capfirst(str(model._meta.verbose_name))
        for key, versions in by_key.items():
            source = versions.get(self.default_locale_id) or min(
                versions.values(), key=lambda item: (item.changed_at is None, str(item.pk))
            )
            row = StatusRow(
                kind=kind,
                title=source.title,
                source_language=self.names[source.locale_id],
                model=model,
                pk=source.pk,
            )
            localize_source = progress.sources.get((content_type.pk, key))
            for locale_id, code in self.codes.items():
                if locale_id != source.locale_id:
                    row.cells[code] = self.cell(
                        model, source, versions.get(locale_id), locale_id, localize_source, progress
                    )
            rows.append(row)
        return rows

    def cell(self, model, source: Item, version, locale_id, localize_source, progress) -> Cell:
        source_id = localize_source[0] if localize_source else None
        enabled = progress.translations.get((source_id, locale_id))
        if version is None:
            translate = (translate_url, model, source.pk)
            return Cell(IN_PROGRESS, 0, translate) if enabled else Cell(MISSING, action=translate)
        edit = (edit_url, model, version.pk)
        total = progress.totals.get(source_id, 0)
        done = progress.translated.get((source_id, locale_id), 0)
        if enabled and total and done < total:
            return Cell(IN_PROGRESS, done * 100 // total, edit)
        synced = localize_source[2] if enabled else version.changed_at
        if source.changed_at and synced and source.changed_at > synced:
            return Cell(OUT_OF_DATE, action=(sync_url, source_id) if enabled else edit)
        return Cell(UP_TO_DATE, action=edit)

    def totals(self, rows: list[StatusRow] | None = None) -> dict[str, Counter]:
        """How many items are in each state, per language."""
        counts: dict[str, Counter] = {code: Counter() for code in self.codes.values()}
        for row in self.rows if rows is None else rows:
            for code, cell in row.cells.items():
                counts[code][cell.state] += 1
        return counts


def edit_url(model, pk) -> str:
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[pk])


def translate_url(model, pk) -> str:
    if issubclass(model, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[pk])
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[model._meta.app_label, model._meta.model_name, pk],
    )


def sync_url(source_id: int | None) -> str:
    try:
        return reverse("wagtail_localize:update_translations", args=[source_id])
    except NoReverseMatch:
        return ""
