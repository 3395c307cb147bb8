"""The programme home's queries do not grow with stories, dates, resources, pledges or units."""

from __future__ import annotations

import pytest

from tests.factories import PledgePageFactory, UserFactory
from tests.test_query_counts import (
    LARGE,
    SMALL,
    ally,  # noqa: F401  (fixture)
    annual_report_published,
    calendar_with_entries,
    count_queries,
    home,  # noqa: F401  (fixture)
    my_allyship_with_history,
    page_under,
    resource_hub_with_resources,
    story_index_with_stories,
)
from wagtail_allyship.models import ProgrammeHomePage

pytestmark = pytest.mark.django_db

#: Wagtail's routing and the session 9, navigation 1, the pledge links 1, registration 1, the
#: ally's pledges with commitments and progress 3, stories with their images 3, resources
#: with their images 3, calendar and its dates 3, the next session with its sign-up state 4,
#: the report 1.
#: With the reader's own next session (one query, whether or not he has one).
MAX_QUERIES = {"staff_user": 27, "ally": 30}


def programme_home_with_content(home_page, n: int) -> str:
    page = home_page.get_children().filter(slug="allies").first()
    if page is None:
        page = home_page.add_child(instance=ProgrammeHomePage(title="Allies", slug="allies"))
        page.save_revision().publish()
        page_under(home_page, PledgePageFactory, "pledge")
    story_index_with_stories(home_page, n)
    calendar_with_entries(home_page, n)
    resource_hub_with_resources(home_page, n)
    my_allyship_with_history(home_page, n)
    annual_report_published(home_page, n)
    return page.url


@pytest.mark.parametrize("user", ["staff_user", "ally"])
def test_programme_home_queries_do_not_grow(
    user,
    request,
    client,
    home,  # noqa: F811
    django_assert_max_num_queries,
):
    request.getfixturevalue("ally")  # the content below includes the ally's pledges
    # Staff who are not allies are asked to join; the ally sees his next deadline.
    client.force_login(request.getfixturevalue("staff_user") if user == "ally" else UserFactory())
    url = programme_home_with_content(home, SMALL)
    few = count_queries(client, url, MAX_QUERIES[user], django_assert_max_num_queries)
    url = programme_home_with_content(home, LARGE - SMALL)
    many = count_queries(client, url, MAX_QUERIES[user], django_assert_max_num_queries)
    assert many == few, f"{few} queries with {SMALL} items, {many} with {LARGE}"
    print(f"programme home as {user}: {few} queries")
