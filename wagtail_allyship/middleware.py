"""The package's guards on every request, in one middleware that hosts add to ``MIDDLEWARE``.

- **Personal data**: a URL that would read a model holding personal data (see
  :mod:`wagtail_allyship.access.personal`) answers 403 to anyone the guard refuses, whichever
  view serves it: Wagtail's snippet views, choosers and APIs, wagtail-localize's snippet API,
  the package's own, and those added later.
- **Unit rights**: a local editor who opens another unit's page to change it gets a 403 that
  names the unit (Wagtail's own refusal would be a redirect to the dashboard).
- **Searches**: a NUL character, which no database can store or search, is taken out of the
  query string; a search that the database still refuses (a query its full-text syntax
  cannot parse) answers 400 with a message, never a server error.
- **Pages that differ per person**: a response whose template showed one person's own data
  (the programme home's main action, for instance) is kept out of shared caches.

The class keeps its first name, ``UnitRightsMiddleware``, so that hosts need not change their
settings; ``AllyshipGuardMiddleware`` is the same class.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse
from wagtail.models import Page

from wagtail_allyship.access.personal import personal_data_refusal, personal_model_of_request
from wagtail_allyship.content.responses import personal
from wagtail_allyship.search.safe import refused_search_response, without_nul_characters
from wagtail_allyship.units.denied import forbidden
from wagtail_allyship.units.rights import editable_unit_ids, page_refusal

#: Set on a request by a template tag that showed the person's own data (the name is also
#: in :mod:`wagtail_allyship.templatetags.allyship_programme`).
PERSONAL_ATTRIBUTE = "_allyship_personal"

#: Wagtail's page views that change a page, and the URL argument naming the page.
PAGE_CHANGING_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:delete": "page_id",
    "wagtailadmin_pages:unpublish": "page_id",
    "wagtailadmin_pages:convert_alias": "page_id",
    "wagtailadmin_pages:move": "page_to_move_id",
    "wagtailadmin_pages:move_confirm": "page_to_move_id",
    "wagtailadmin_pages:copy": "page_id",
    "wagtailadmin_pages:set_privacy": "page_id",
    "wagtailadmin_pages:lock": "page_id",
    "wagtailadmin_pages:unlock": "page_id",
    "wagtailadmin_pages:revisions_revert": "page_id",
    "wagtailadmin_pages:revisions_unschedule": "page_id",
}


def wants_json(request) -> bool:
    return "/api/" in request.path or "application/json" in request.headers.get("Accept", "")


def is_admin_path(request) -> bool:
    return request.path.startswith(reverse("wagtailadmin_home"))


def has_admin_access(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def personal_data_guard(request, view_func, view_kwargs):
    """403 for a request that would read personal data its user may not see."""
    label = personal_model_of_request(request.resolver_match, view_func, view_kwargs)
    if label is None:
        return None
    user = getattr(request, "user", None)
    if is_admin_path(request) and not has_admin_access(user):
        return None  # Wagtail's admin sends them to log in, before any view runs
    reason = personal_data_refusal(user, label)
    if reason is None:
        return None
    if wants_json(request) or user is None or not user.is_authenticated:
        return JsonResponse({"detail": str(reason)}, status=403)
    return forbidden(request, reason)


def unit_rights_guard(request, view_kwargs):
    """403 naming the unit, for a local editor changing another unit's page."""
    match = request.resolver_match
    argument = PAGE_CHANGING_VIEWS.get(match.view_name) if match else None
    if argument is None or argument not in view_kwargs:
        return None
    user = getattr(request, "user", None)
    if editable_unit_ids(user) is None:
        return None
    page = Page.objects.filter(pk=view_kwargs[argument]).first()
    reason = page_refusal(user, page) if page is not None else None
    return forbidden(request, reason) if reason is not None else None


class UnitRightsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        without_nul_characters(request)
        response = self.get_response(request)
        if getattr(request, PERSONAL_ATTRIBUTE, False):
            personal(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        return personal_data_guard(request, view_func, view_kwargs) or unit_rights_guard(
            request, view_kwargs
        )

    def process_exception(self, request, exception):
        return refused_search_response(request, exception)


#: The same middleware under a name that says all it does.
AllyshipGuardMiddleware = UnitRightsMiddleware
