"""Queries per page stay the same however much content there is (DESIGN section 6).

Each entry of ``PAGES`` adds content its page shows (menu pages, units, resources...) and
returns the page's URL. The page is requested with a little content and again with much more:
both times within its budget of queries, and with the same count, so a page whose queries
grow with the amount of content fails ``make test``. A new page type adds one entry; the
benchmarks (``make bench``) measure the same pages at realistic volumes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from wagtail.models import Page, Site

from intranet.models import HomePage, StandardPage
from tests.factories import OrganisationUnitFactory

pytestmark = pytest.mark.django_db

#: The two amounts of content each page is measured with.
SMALL, LARGE = 2, 25


@dataclass(frozen=True)
class QueryCase:
    """A page, how to give it ``n`` more items of content, and its budget of queries."""

    name: str
    add_content: Callable[[HomePage, int], str]  # adds n items, returns the page's URL
    max_queries: int
    user: str = "staff_user"  # the fixture that logs in: "staff_user" or "superuser"


def add_child_pages(parent: Page, n: int, *, in_menu: bool = True) -> list[Page]:
    start = parent.get_children().count()
    pages = []
    for number in range(start + 1, start + n + 1):
        page = parent.add_child(
            instance=StandardPage(
                title=f"Page {number}",
                slug=f"page-{number}",
                body=f"<p>Text of page {number}.</p>",
                show_in_menus=in_menu,
            )
        )
        page.save_revision().publish()
        pages.append(page)
    return pages


def home_page_with_menu(home: HomePage, n: int) -> str:
    """The home page lists the pages in its menu: more pages must not mean more queries."""
    add_child_pages(home, n)
    return home.url


def plain_page_among_siblings(home: HomePage, n: int) -> str:
    """The baseline page, in a site with more pages and more organisation units."""
    about = home.get_children().filter(slug="about").first()
    if about is None:
        about = home.add_child(
            instance=StandardPage(title="About", slug="about", body="<p>About us.</p>")
        )
        about.save_revision().publish()
    add_child_pages(home, n, in_menu=False)
    OrganisationUnitFactory.create_batch(n)
    return about.url


PAGES = [
    QueryCase("home page", home_page_with_menu, max_queries=10),
    QueryCase("standard page", plain_page_among_siblings, max_queries=10),
]


@pytest.fixture
def home(locales) -> HomePage:
    """The site's home page (in English, with a French translation), as the default site."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="intranet-home", intro="<p>Welcome.</p>")
    )
    home.save_revision().publish()
    french = home.copy_for_translation(locales["fr"])
    french.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def count_queries(client, url: str, max_queries: int, django_assert_max_num_queries) -> int:
    assert client.get(url).status_code == 200  # fills Wagtail's per-site caches
    with django_assert_max_num_queries(max_queries) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name)
def test_queries_do_not_grow_with_content(
    case, request, client, home, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(case.user))
    url = case.add_content(home, SMALL)
    few = count_queries(client, url, case.max_queries, django_assert_max_num_queries)
    url = case.add_content(home, LARGE - SMALL)
    many = count_queries(client, url, case.max_queries, django_assert_max_num_queries)
    assert many == few, f"{case.name}: {few} queries with {SMALL} items, {many} with {LARGE}"
