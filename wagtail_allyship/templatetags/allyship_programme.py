"""Template tags of the programme: its home, its section navigation and its breadcrumbs.

``{% load allyship_programme %}{% allyship_programme_nav %}`` shows where the current page
sits in the programme (the package's page template includes it); ``{% allyship_programme_home
%}`` shows the programme home, as the programme home page and its block do.
"""

from __future__ import annotations

from django import template

from wagtail_allyship.programme.navigation import programme_navigation, way_on
from wagtail_allyship.programme.summary import is_personal, programme_home

register = template.Library()

#: Set on a request whose response shows one person's own data; the package's middleware
#: then keeps the response out of shared caches.
PERSONAL_ATTRIBUTE = "_allyship_personal"


@register.inclusion_tag("wagtail_allyship/programme/includes/navigation.html", takes_context=True)
def allyship_programme_nav(context) -> dict:
    """Section navigation and breadcrumbs for the current page."""
    request = context.get("request")
    return programme_navigation(request, context.get("page"))


@register.inclusion_tag("wagtail_allyship/programme/includes/way_on.html", takes_context=True)
def allyship_way_on(context) -> dict:
    """Links on from the end of a flow (survey sent, already answered): never a dead end."""
    return {"links": way_on(context.get("request"), context.get("page"))}


@register.inclusion_tag("wagtail_allyship/programme/includes/home.html", takes_context=True)
def allyship_programme_home(
    context, heading="", introduction="", story_count=3, show_figures=True, heading_level=2
) -> dict:
    """The programme home for the visitor: main action, stories, dates and figures."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return {}
    if is_personal(request):
        setattr(request, PERSONAL_ATTRIBUTE, True)
    return {
        "request": request,
        "page": page,
        "heading": heading,
        "introduction": introduction,
        "heading_level": heading_level,
        **programme_home(request, page, int(story_count or 0), bool(show_figures)),
    }
