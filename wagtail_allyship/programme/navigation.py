"""Where a programme page sits: the programme's section navigation and breadcrumbs.

Both come from one query: the live programme pages of the page's language (the main page of
each kind, in :data:`SECTIONS` order) and the page's ancestors, whose paths Wagtail's tree
encoding gives without asking the database. Hosts switch either off with the settings
``PROGRAMME_NAVIGATION`` and ``BREADCRUMBS``, e.g. when their base template has its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.conf import get_setting
from wagtail_allyship.glossary.models import GlossaryPage
from wagtail_allyship.pledges.pages import MyAllyshipPage, PledgePage, PledgeWallPage
from wagtail_allyship.profile.models import AllyRoleProfilePage
from wagtail_allyship.programme.pages import ProgrammeHomePage
from wagtail_allyship.reports.pages import AnnualReportPage
from wagtail_allyship.resources.hub import ResourceHubPage
from wagtail_allyship.stories.models import GoodPracticeIndexPage

#: The programme's main page types, in the order the section navigation lists them. The
#: navigation links the first live page of each type in the page's language (for reports,
#: the newest), under the title its editors gave it.
SECTIONS = (
    ProgrammeHomePage,
    AllyRoleProfilePage,
    PledgePage,
    MyAllyshipPage,
    PledgeWallPage,
    ResourceHubPage,
    GoodPracticeIndexPage,
    CalendarPage,
    GlossaryPage,
    AnnualReportPage,
)
NEWEST_FIRST = (AnnualReportPage,)


@dataclass
class Link:
    """One entry of the section navigation or of the breadcrumbs."""

    title: str
    url: str
    current: bool = False  # the page itself
    in_section: bool = False  # the page is this entry or below it
    kind: str = ""  # the model name of a section's page type, e.g. "myallyshippage"


def ancestor_paths(page) -> list[str]:
    """Paths of the pages above ``page`` from the site roots (depth 2) down, from its own."""
    step = page.steplen
    return [page.path[:depth] for depth in range(2 * step, len(page.path), step)]


def kinds() -> dict[int, type]:
    return {ContentType.objects.get_for_model(kind).pk: kind for kind in SECTIONS}


#: Where a request keeps its navigation once worked out: the end of a flow reuses it.
CACHE_ATTRIBUTE = "_allyship_navigation"


def programme_navigation(request, page) -> dict:
    """The section links and the breadcrumbs of ``page``, each empty where switched off."""
    cached = getattr(request, CACHE_ATTRIBUTE, None)
    if cached is not None and cached[0] == getattr(page, "pk", None):
        return cached[1]
    found = find_navigation(request, page)
    if request is not None:
        setattr(request, CACHE_ATTRIBUTE, (getattr(page, "pk", None), found))
    return found


def way_on(request, page) -> list[Link]:
    """Where to go at the end of a flow: the programme home and My allyship, or the site home.

    Read from the navigation the page already shows (no further query when it does).
    """
    navigation = programme_navigation(request, page)
    wanted = ("programmehomepage", "myallyshippage")
    links = [link for link in navigation["sections"] if link.kind in wanted and not link.current]
    if not links and navigation["breadcrumbs"]:
        links = [navigation["breadcrumbs"][0]]
    return links


def find_navigation(request, page) -> dict:
    show_sections = get_setting("PROGRAMME_NAVIGATION")
    show_crumbs = get_setting("BREADCRUMBS")
    if page is None or not getattr(page, "pk", None) or not (show_sections or show_crumbs):
        return {"sections": [], "breadcrumbs": []}
    by_type = kinds()
    paths = ancestor_paths(page) if show_crumbs else []
    wanted = Q(path__in=paths)
    if show_sections:
        wanted |= Q(content_type_id__in=by_type, locale_id=page.locale_id)
    found = list(
        Page.objects.live()
        .filter(wanted)
        .only("pk", "title", "path", "depth", "url_path", "content_type_id", "locale_id")
        .order_by("depth", "path")
    )
    return {
        "sections": sections(request, page, found, by_type) if show_sections else [],
        "breadcrumbs": crumbs(request, page, [p for p in found if p.path in paths]),
    }


def sections(request, page, found: list[Page], by_type: dict[int, type]) -> list[Link]:
    chosen: dict[type, Page] = {}
    for candidate in found:
        kind = by_type.get(candidate.content_type_id)
        if kind is None or candidate.locale_id != page.locale_id:
            continue
        if kind not in chosen or (
            kind in NEWEST_FIRST and candidate.pk > chosen[kind].pk  # added later
        ):
            chosen[kind] = candidate
    links = []
    for kind in SECTIONS:
        if kind in chosen:
            target = chosen[kind]
            url = target.get_url(request=request)
            if url:
                links.append(
                    Link(
                        target.title,
                        url,
                        current=target.pk == page.pk and at(request, url),
                        in_section=page.path.startswith(target.path),
                        kind=kind._meta.model_name,
                    )
                )
    # A section nav of one link (the page itself) only repeats the title.
    return links if len(links) > 1 else []


def at(request, url: str) -> bool:
    """Whether the visitor is at ``url`` itself, not at an address below it."""
    return request is None or request.path == url


def crumbs(request, page, ancestors: list[Page]) -> list[Link]:
    """The page's ancestors, then the page: a link too when the visitor is below it."""
    if not ancestors:
        return []
    links = [Link(p.title, p.get_url(request=request) or "") for p in ancestors]
    own_url = page.get_url(request=request) or ""
    links.append(Link(page.title, own_url, current=at(request, own_url)))
    return [link for link in links if link.url]
