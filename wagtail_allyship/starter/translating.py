"""Starter content in the site's other languages, as wagtail-localize translations.

Each translation is made the way a translator makes one in wagtail-localize: the English
object becomes a translation source, a translation into the language is started, every string
gets its translation (written by us, from :mod:`wagtail_allyship.starter.texts`), and the
translated object is saved from them. wagtail-localize then shows each one as translated and
up to date, and the "Sync" and "Translate" actions go on working as for any other object.

Loading is idempotent: an object that already has a version in a language is left alone,
whoever made it. A translation source that already exists is used as it is (as when a
translator starts a new language), so loading never changes what translators of the other
languages see. Strings an editor has changed in the English object since the starter loaded
it have no starter translation: they keep the English wording in the new language, and
wagtail-localize lists them as still to translate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.db import models, transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.glossary.models import GlossaryTerm
from wagtail_allyship.profile.models import AllyAction
from wagtail_allyship.starter import catalogue
from wagtail_allyship.starter.loader import starter_key
from wagtail_allyship.starter.texts import language_of
from wagtail_allyship.topics.models import Topic

#: The model of each kind of starter snippet (pages are found among all pages).
SNIPPETS: dict[str, type[models.Model]] = {
    "topic": Topic,
    "date": AwarenessDate,
    "action": AllyAction,
    "term": GlossaryTerm,
}

#: How translations made by the starter are marked in wagtail-localize's translation memory.
TOOL_NAME = "wagtail-allyship starter"


@dataclass
class TranslationResult:
    """What a load translated, what was already there and what it could not translate."""

    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def target_locales(source: Locale) -> list[Locale]:
    """The site's locales, other than ``source``, whose language the starter is written in."""
    return [
        locale
        for locale in Locale.objects.exclude(pk=source.pk).order_by("language_code")
        if language_of(locale) is not None
    ]


@cache
def item_keys_by_translation_key() -> dict:
    """Translation key → starter item key ('action:listen'), for every starter item."""
    return {starter_key(key): key for key in catalogue.item_keys()}


def starter_item_key(obj: models.Model) -> str | None:
    """The starter item key of ``obj``, or ``None`` for content that is not the starter's."""
    return item_keys_by_translation_key().get(obj.translation_key)


def strings_for(source_language: str, language: str, key: str) -> dict[str, str]:
    """The translation of each string of ``key`` into ``language``.

    Originals loaded before their language had starter texts are in English whatever their
    locale, so the English wording is recognised too.
    """
    return {
        **catalogue.translations("en", language, key),
        **catalogue.translations(source_language, language, key),
    }


def localise_originals(objects: list[models.Model], language: str) -> None:
    """Rewrite newly loaded originals, written in English, in ``language``, in place.

    Used when the originals go into a locale other than English (``--locale fr``): each
    string is replaced by the starter's own wording in that language, the way
    wagtail-localize writes a translation into an object, so the structure stays the same.
    """
    for obj in objects:
        key = starter_item_key(obj)
        if key is None:
            continue
        strings = catalogue.translations("en", language, key)
        slug = catalogue.slug(language, key) if key in catalogue.PAGES else ""
        segments = []
        for segment in extract_segments(obj):
            if isinstance(segment, StringSegmentValue):
                text = slug if segment.path == "slug" else strings.get(segment.string.data)
                if text:
                    segment = StringSegmentValue(
                        segment.path, StringValue(text), attrs=segment.attrs
                    ).with_order(segment.order)
            segments.append(segment)
        ingest_segments(obj, obj, obj.locale, obj.locale, segments)
        if isinstance(obj, Page):
            obj.slug = find_available_slug(obj.get_parent(), obj.slug, ignore_page_id=obj.pk)
            obj.save()
            revision = obj.save_revision()
            if obj.live:
                revision.publish()
        else:
            obj.full_clean()
            obj.save()


def starter_objects(locales: list[Locale]) -> dict[tuple[str, int], models.Model]:
    """The starter objects in ``locales``: (starter item key, locale id) → object.

    One query per kind of object, whatever the number of items and languages.
    """
    by_translation_key = item_keys_by_translation_key()
    found = {}
    querysets = [model.objects.all() for model in SNIPPETS.values()]
    querysets.append(Page.objects.specific())
    for queryset in querysets:
        for obj in queryset.filter(translation_key__in=by_translation_key, locale__in=locales):
            found[by_translation_key[obj.translation_key], obj.locale_id] = obj
    return found


def record_strings(source: TranslationSource, locale: Locale, strings: dict, slug: str) -> None:
    """Store the translation of each string of ``source`` into ``locale``, as a translator would.

    Strings that already have a translation in ``locale`` keep it.
    """
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    done = set(
        StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    new = []
    for segment in segments:
        text = slug if segment.context.path == "slug" else strings.get(segment.string.data)
        if not text or (segment.string_id, segment.context_id) in done:
            continue
        StringValue.from_translated_html(text)  # our own texts: a mistake here is a bug
        done.add((segment.string_id, segment.context_id))
        new.append(
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=TOOL_NAME,
            )
        )
    StringTranslation.objects.bulk_create(new)


def translate_object(obj: models.Model, locale: Locale, strings: dict, slug: str, publish: bool):
    """Translate ``obj`` into ``locale`` through wagtail-localize, and return the translation.

    A page's translation is a draft unless ``publish``; snippets have no drafts.
    """
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    record_strings(source, locale, strings, slug)
    is_page = isinstance(obj, Page)
    # wagtail-localize would publish a page translation only once the transaction commits,
    # from an object loaded before later pages were added beside it; publishing that stale
    # object would undo the tree's child counts. The page is saved as a draft and its fresh
    # revision published here instead.
    translation.save_target(publish=not is_page)
    target = obj.get_translation(locale)
    if is_page and publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


@transaction.atomic
def translate_starter(
    source: Locale, publish: bool = False, locales: list[Locale] | None = None
) -> TranslationResult:
    """Translate the starter content that is in ``source`` into the site's other languages.

    ``locales`` narrows the languages (default: every locale of the site the starter is
    written in). Pages are translated under the translation of their parent page; where the
    parent has no version in a language, the page is skipped (and said so in the result).
    Page translations are drafts unless ``publish``.
    """
    result = TranslationResult()
    targets = [
        locale
        for locale in (target_locales(source) if locales is None else locales)
        if locale.pk != source.pk and language_of(locale) is not None
    ]
    objects = starter_objects([source, *targets])
    source_language = language_of(source) or "en"
    for locale in targets:
        language = language_of(locale)
        for key in catalogue.item_keys():
            obj = objects.get((key, source.pk))
            if obj is None:
                continue
            code = locale.language_code
            if (key, locale.pk) in objects:
                result.existing.append(f"{objects[key, locale.pk]} ({code})")
                continue
            if isinstance(obj, Page) and not obj.get_parent().has_translation(locale):
                result.skipped.append(f"{obj} ({code})")
                continue
            slug = catalogue.slug(language, key) if key in catalogue.PAGES else ""
            strings = strings_for(source_language, language, key)
            target = translate_object(obj, locale, strings, slug, publish)
            objects[key, locale.pk] = target
            result.created.append(f"{target} ({code})")
    return result
