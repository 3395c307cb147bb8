"""What the pledge pages' views share: the links between the three pages, the ally's unit.

Each view serves one address of a page type in :mod:`wagtail_allyship.pledges.pages` (see
:mod:`wagtail_allyship.pledges.urls`). All of them need a logged-in user and send
``Cache-Control: private, no-store``, because they show personal data; a user only ever
reaches their own pledge, registration and progress log, or pledges that others published
(404 for anything else).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from wagtail_allyship.content.responses import personal
from wagtail_allyship.pledges.pages import MyAllyshipPage, PledgePage, PledgeWallPage
from wagtail_allyship.registry.models import AllyRegistration
from wagtail_allyship.units.models import OrganisationUnit


def render(page, request, template: str, context: dict) -> HttpResponse:
    full_context = page.get_context(request)
    full_context.update(context)
    full_context.setdefault("links", allyship_links(page, request))
    return personal(TemplateResponse(request, template, full_context))


def allyship_links(page, request) -> dict[str, str]:
    """Addresses of the pledge page, the wall and My allyship in the page's language.

    One query; pages in another language are used only where the page's language has none.
    """
    kinds = {
        ContentType.objects.get_for_model(PledgePage).pk: "pledge",
        ContentType.objects.get_for_model(PledgeWallPage).pk: "wall",
        ContentType.objects.get_for_model(MyAllyshipPage).pk: "mine",
    }
    found: dict[str, tuple[bool, Page]] = {}
    for candidate in (
        Page.objects.live().filter(content_type_id__in=kinds).order_by("depth", "path")
    ):
        kind = kinds[candidate.content_type_id]
        same_language = candidate.locale_id == page.locale_id
        if kind not in found or (same_language and not found[kind][0]):
            found[kind] = (same_language, candidate)
    links = {kind: candidate.get_url(request=request) for kind, (_same, candidate) in found.items()}
    return {kind: url for kind, url in links.items() if url}


def localized_unit(registration: AllyRegistration | None, page) -> OrganisationUnit | None:
    """The ally's unit in the page's language, where it has been translated."""
    if registration is None:
        return None
    unit = registration.unit
    if unit.locale_id != page.locale_id:
        unit = unit.get_translation_or_none(page.locale_id) or unit
    return unit
