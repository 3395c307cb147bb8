"""Responses of pages that show personal data: never cached, only for the person logged in.

Shared by every page type that serves one person their own data (the pledge form, "My
allyship" and the like), so that each of them sends the same cache headers, sends people
who are not logged in to the login page, and lists form errors the same way.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers


def personal(response: HttpResponse) -> HttpResponse:
    """Keep a page of personal data out of shared caches and the browser's history cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def login_redirect(request) -> HttpResponse:
    return personal(redirect_to_login(request.get_full_path()))


def page_url(page, request) -> str:
    """The page's address; empty for a page that has none yet (a preview of a new page)."""
    return page.get_url(request=request) or ""


def subpage_url(page, request, name: str, *args) -> str:
    return page_url(page, request) + page.reverse_subpage(name, args=args)


def is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


def error_summary(*labelled_forms) -> list[dict]:
    """Every error of the forms, each with the id of the field to jump to and its label."""
    items = []
    for label, form in labelled_forms:
        if form is None or not form.is_bound:
            continue
        first_field = next((bf for bf in form.visible_fields()), None)
        for name, errors in form.errors.items():
            if name == NON_FIELD_ERRORS or name not in form.fields:
                field = first_field
                field_label = label
            else:
                field = form[name]
                field_label = f"{label}: {field.label}" if label else field.label
            anchor = (field.id_for_label or f"{field.auto_id}_0") if field else ""
            for message in errors:
                items.append({"anchor": anchor, "label": field_label, "message": message})
    return items
