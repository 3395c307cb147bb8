"""What data builders share: the benchmark site, the registries' types and fast page inserts.

A builder receives a :class:`BuildContext` and creates its rows, preferably in bulk: at scale 1
the data set holds tens of thousands of rows, and ``make bench`` should stay within minutes.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router
from django.db.models import F
from django.utils import timezone

T = TypeVar("T")

#: The languages of the benchmark data; English is the default locale.
LOCALES = ["en", "fr", "ar", "es", "pt"]
#: Users the measurements log in as: a member of staff, and an editor with every permission.
USERS = {"ally": "bench-ally", "editor": "bench-editor"}
SITE_NAME = "Benchmark intranet"
BASELINE_SLUG = "baseline"

#: About 600 words of rich text with headings, lists and links: a typical intranet page.
BASELINE_BODY = "".join(
    [
        "<h2>Why this page exists</h2>",
        *(
            f"<p>Paragraph {n}: staff read pages like this one every day. It has a title, a "
            "few headings, some <b>bold</b> and <i>italic</i> words, a "
            '<a href="https://intranet.example.org/policies/">link to the policy library</a> '
            "and plain text, but no queries of its own beyond those Wagtail makes to serve "
            "any page. It is the yardstick every other page type is measured against.</p>"
            for n in range(1, 9)
        ),
        "<h2>What to do next</h2>",
        "<ul>" + "".join(f"<li>Step {n} of the process.</li>" for n in range(1, 8)) + "</ul>",
    ]
)


def model_exists(label: str) -> bool:
    """Whether ``app_label.ModelName`` is installed: features not built yet are skipped."""
    try:
        apps.get_model(label)
    except (LookupError, ValueError):
        return False
    return True


@dataclass
class BuildContext:
    """Given to every builder: the scale, a seeded random generator, progress and the site."""

    scale: float
    rng: random.Random
    progress: Callable[..., Iterable]
    created: dict[str, int] = field(default_factory=dict)

    def count(self, at_scale_one: int) -> int:
        """How many rows to make at this scale (at least one)."""
        return max(1, round(at_scale_one * self.scale))

    def track(self, items: Iterable[T], description: str, total: int | None = None) -> Iterable[T]:
        """Wrap ``items`` in a progress bar."""
        return self.progress(items, desc=description, total=total)

    # The benchmark site, as built by the "site" data set.

    def home(self, language_code: str = "en"):
        from intranet.models import HomePage

        return HomePage.objects.get(locale__language_code=language_code)

    def locale(self, language_code: str):
        from wagtail.models import Locale

        return Locale.objects.get(language_code=language_code)

    def user(self, role: str):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.get(username=USERS[role])


@dataclass(frozen=True)
class Dataset:
    """Rows of one kind that the benchmark data holds, ``at_scale_one`` of them at scale 1."""

    name: str
    at_scale_one: int
    models: tuple[str, ...]
    build: Callable[[BuildContext], int] | None = None
    description: str = ""

    def missing_models(self) -> list[str]:
        return [label for label in self.models if not model_exists(label)]


@dataclass(frozen=True)
class Scenario:
    """One URL to measure beside the baseline page.

    ``url`` is a path or a function that finds it in the generated data. ``user`` is
    ``"ally"`` (staff member) or ``"editor"`` (admin). ``budget`` is the most its median
    render time may be, as a multiple of the baseline's (DESIGN section 6); ``None`` = none.
    """

    name: str
    url: str | Callable[[], str | None]
    models: tuple[str, ...] = ()
    user: str = "ally"
    budget: float | None = None

    def missing_models(self) -> list[str]:
        return [label for label in self.models if not model_exists(label)]

    def resolve_url(self) -> str | None:
        return self.url() if callable(self.url) else self.url


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def add_pages(parent, pages: Sequence[Any], batch_size: int = 500) -> list[Any]:
    """Add live pages of one type under ``parent`` with bulk inserts, in the given order.

    Thousands of pages take seconds rather than minutes: tree paths are computed here, and
    no revisions, signals or search index entries are made (call the search backend's
    ``add_bulk`` if a scenario searches). Each page needs ``title`` and ``slug``; ``locale``
    comes from the parent, and a page may carry the ``translation_key`` of its source page.
    """
    from wagtail.models import Page

    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise TypeError("add_pages() takes pages of one type at a time.")
    parent = Page.objects.get(pk=parent.pk)
    last_child = parent.get_last_child()
    step = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.go_live_at or now
    # Multi-table inheritance: insert the Page rows, then each subclass table's own columns.
    chain = [m for m in reversed(model._meta.get_parent_list()) if not m._meta.abstract]
    chain.append(model)
    using = router.db_for_write(model)
    for batch in batched(pages, batch_size):
        rows = Page.objects.bulk_create([_as(Page, page) for page in batch])
        for page, row in zip(batch, rows, strict=True):
            page.pk = page.page_ptr_id = page.id = row.pk
        for table_model in chain[1:]:
            fields = list(table_model._meta.local_concrete_fields)
            objs = [_as(table_model, page) for page in batch]
            size = connections[using].ops.bulk_batch_size(fields, objs) or len(objs)
            for part in batched(objs, size):
                table_model._base_manager._insert(list(part), fields=fields, using=using)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return list(pages)


def _as(table_model: type[models.Model], page: Any) -> models.Model:
    """A ``table_model`` instance holding the values of ``page`` for that table's columns."""
    instance = table_model.__new__(table_model)
    instance.__dict__.update(page.__dict__)
    instance._state = models.base.ModelState()
    instance._state.db = None
    instance._state.adding = True
    return instance
