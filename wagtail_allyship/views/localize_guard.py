"""Local editors' unit rights, applied to wagtail-localize's own views too.

wagtail-localize checks Wagtail's page permissions only, so without this a local editor with
page permissions could start, sync, edit or publish the translation of another unit's page.
Each write-side URL of wagtail-localize is shadowed by a view that finds the page concerned,
answers 403 when it belongs to another unit (or to the central team), and otherwise hands
the request to wagtail-localize unchanged.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from ..unit_permissions import page_refusal
from . import po_upload
from .denied import forbidden


def _source_page(source: TranslationSource) -> Page | None:
    instance = source.get_source_instance()
    return instance if isinstance(instance, Page) else None


def _page_of_translation(translation_id: int) -> Page | None:
    translation = get_object_or_404(Translation, id=translation_id)
    return _source_page(translation.source)


def guarded(view, find_page):
    """``view``, refused with 403 when ``find_page(**kwargs)`` is a page the user may not change."""

    def guarded_view(request, *args, **kwargs):
        page = find_page(**kwargs)
        if page is not None:
            reason = page_refusal(request.user, page)
            if reason is not None:
                return forbidden(request, reason)
        return view(request, *args, **kwargs)

    guarded_view.__name__ = getattr(view, "__name__", "guarded_view")
    return guarded_view


def by_translation(translation_id, **kwargs):
    return _page_of_translation(translation_id)


def by_page(page_id, **kwargs):
    return get_object_or_404(Page, id=page_id)


def by_source(translation_source_id, **kwargs):
    return _source_page(get_object_or_404(TranslationSource, id=translation_source_id))


#: wagtail-localize's write-side routes (below ``localize/``): view, and how to find the page.
GUARDED = [
    (
        "submit/page/<int:page_id>/",
        submit_translations.SubmitPageTranslationView.as_view(),
        by_page,
        "submit_page_translation",
    ),
    (
        "update/<int:translation_source_id>/",
        update_translations.UpdateTranslationsView.as_view(),
        by_source,
        "update_translations",
    ),
    (
        "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        edit_translation.edit_string_translation,
        by_translation,
        "edit_string_translation",
    ),
    (
        "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        edit_translation.edit_override,
        by_translation,
        "edit_override",
    ),
    (
        "translate/<int:translation_id>/pofile/upload/",
        po_upload.upload_pofile,
        by_translation,
        "upload_pofile",
    ),
    (
        "translate/<int:translation_id>/machine_translate/",
        edit_translation.machine_translate,
        by_translation,
        "machine_translate",
    ),
    (
        "translate/<int:translation_id>/disable/",
        edit_translation.stop_translation,
        by_translation,
        "stop_translation",
    ),
]


def urls() -> list:
    """The shadowing URLs, to be registered before wagtail-localize's own."""
    return [
        path(f"localize/{route}", guarded(view, find_page), name=f"wagtail_allyship_{name}")
        for route, view, find_page, name in GUARDED
    ]
