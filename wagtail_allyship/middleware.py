"""Answer 403, with the reason, when a local editor opens another unit's page to change it.

Our page types narrow Wagtail's page permissions for local editors
(:class:`~wagtail_allyship.unit_permissions.UnitPagePermissionTester`), so the explorer and
the page header offer only what they may do. Wagtail's admin answers a refused page view
with a redirect to the dashboard and a general message; this middleware answers the same
request first, with status 403 and the page's unit named. Without it, the refusal still
holds, in Wagtail's own words.
"""

from __future__ import annotations

from wagtail.models import Page

from wagtail_allyship.units.denied import forbidden
from wagtail_allyship.units.rights import editable_unit_ids, page_refusal

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


class UnitRightsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
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
