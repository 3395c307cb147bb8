"""How starter content is loaded: each object once, under a fixed translation key.

Every piece of starter content has a translation key made from its name, so loading twice,
or into a language the content was already translated into, makes no duplicate and leaves
an object that is already there exactly as editors changed it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

#: Namespace of the translation keys of starter content (any fixed UUID would do).
NAMESPACE = uuid.UUID("0f5b7a52-4c2e-4d8e-9a57-3c0f2a6b1e19")


def starter_key(name: str) -> uuid.UUID:
    """The fixed translation key of one piece of starter content."""
    return uuid.uuid5(NAMESPACE, name)


@dataclass
class LoadResult:
    """What a load created and what it found already there, by name; and the new objects."""

    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    new_objects: list = field(default_factory=list)


def load_snippet(model, key: str, locale: Locale, result: LoadResult, **values):
    """The snippet ``key`` in ``locale``, created from ``values`` if it is not there yet."""
    obj = model.objects.filter(translation_key=starter_key(key), locale=locale).first()
    if obj is not None:
        result.existing.append(str(obj))
        return obj
    obj = model(translation_key=starter_key(key), locale=locale, **values)
    obj.full_clean()
    obj.save()
    result.created.append(str(obj))
    result.new_objects.append(obj)
    return obj


def load_page(model, key: str, parent: Page, publish: bool, result: LoadResult, **values):
    """The page ``key`` in ``parent``'s language, created under ``parent`` if it is not there.

    ``values["slug"]`` is made unique among ``parent``'s children. A new page is a draft
    unless ``publish``.
    """
    page = model.objects.filter(translation_key=starter_key(key), locale=parent.locale).first()
    if page is not None:
        result.existing.append(page.title)
        return page
    slug = find_available_slug(parent, slugify(values.pop("slug")))
    page = model(
        translation_key=starter_key(key), locale=parent.locale, slug=slug, live=False, **values
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    result.created.append(page.title)
    result.new_objects.append(page)
    return page
