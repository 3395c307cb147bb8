"""Local editors' unit rights, applied to wagtail-localize's own views and buttons too.

wagtail-localize checks Wagtail's model and page permissions only, so without this a local
editor could start, sync, edit or publish the translation of another unit's page or annual
update. Each write-side URL of wagtail-localize is shadowed by a view that finds the object
concerned, answers 403 when it belongs to another unit (or, for pages, to the central team),
and otherwise hands the request to wagtail-localize unchanged. Its "Translate" and "Sync"
buttons are offered only on objects the user may change.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from wagtail_allyship.translations import po_files as po_upload
from wagtail_allyship.units.denied import forbidden
from wagtail_allyship.units.rights import editable_unit_ids, may_change_page, object_refusal

logger = logging.getLogger(__name__)


def guarded(view, find_object):
    """``view``, refused with 403 when ``find_object(**kwargs)`` is not the user's to change."""

    def guarded_view(request, *args, **kwargs):
        if editable_unit_ids(request.user) is not None:
            reason = object_refusal(request.user, find_object(**kwargs))
            if reason is not None:
                return forbidden(request, reason)
        return view(request, *args, **kwargs)

    guarded_view.__name__ = getattr(view, "__name__", "guarded_view")
    return guarded_view


def by_translation(translation_id, **kwargs):
    return get_object_or_404(Translation, id=translation_id).source.get_source_instance()


def by_page(page_id, **kwargs):
    return get_object_or_404(Page, id=page_id)


def by_source(translation_source_id, **kwargs):
    return get_object_or_404(TranslationSource, id=translation_source_id).get_source_instance()


def by_snippet(app_label, model_name, pk, **kwargs):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    return get_object_or_404(model, pk=unquote(pk))


#: wagtail-localize's write-side routes (below ``localize/``): view, and how to find the page.
GUARDED = [
    (
        "submit/page/<int:page_id>/",
        submit_translations.SubmitPageTranslationView.as_view(),
        by_page,
        "submit_page_translation",
    ),
    (
        "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        submit_translations.SubmitSnippetTranslationView.as_view(),
        by_snippet,
        "submit_snippet_translation",
    ),
    (
        "page/<int:page_id>/convert_to_alias/",
        convert.convert_to_alias,
        by_page,
        "convert_to_alias",
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


def _localize_url_prefix() -> str:
    return reverse("wagtail_localize:update_translations", args=[0]).rsplit("update/", 1)[0]


def hide_refused_snippet_translation_buttons(buttons, snippet, user, *args, **kwargs):
    if object_refusal(user, snippet) is None:
        return
    prefix = _localize_url_prefix()
    buttons[:] = [button for button in buttons if not str(button.url).startswith(prefix)]


def narrow_page_translation_buttons() -> None:
    """Offer wagtail-localize's page buttons ("Translate this page", "Sync") only where allowed.

    Wagtail has no hook to change another app's page header buttons (there is no
    ``construct_page_header_buttons``, wagtail/wagtail#10637), so wagtail-localize's button
    hook is wrapped where Wagtail keeps the registered hooks, its one non-public detail we
    rely on. Should that or the hook ever be missing, nothing is wrapped, a warning is
    logged, and the buttons' URLs are still refused above; ``test_unit_rights`` fails then.
    """
    from wagtail_localize import wagtail_hooks as localize_hooks

    original = getattr(localize_hooks, "page_listing_more_buttons", None)
    if original is None:  # pragma: no cover - a wagtail-localize without this hook
        return

    def buttons(page, user, *args, **kwargs):
        if may_change_page(user, page):
            yield from original(page, user, *args, **kwargs)

    registry = getattr(hooks, "_hooks", None)
    if not isinstance(registry, dict):  # pragma: no cover - a Wagtail that keeps hooks elsewhere
        logger.warning(
            "Cannot narrow wagtail-localize's page buttons: Wagtail's hook registry moved. "
            "Its translation views are still refused for pages the user may not change."
        )
        return
    for hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
        registered = registry.get(hook_name, [])
        registered[:] = [(buttons if fn is original else fn, order) for fn, order in registered]
