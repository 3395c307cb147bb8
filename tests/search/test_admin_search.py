"""Admin listings of ours that search through Wagtail's search backend never answer a query
with a 500: a query the backend refuses gives an empty list and a message saying why."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse
from wagtail.search.backends.base import BaseSearchResults

from tests.factories import AnnualUpdateFactory, ResourceHubPageFactory, ResourcePageFactory
from wagtail_allyship.models import AnnualUpdate

pytestmark = pytest.mark.django_db

REFUSED = "The search could not be run with these characters."


def annual_updates():
    AnnualUpdateFactory(title="Listening sessions with the leadership")
    return reverse(AnnualUpdate.snippet_viewset.get_url_name("list"))


def resources():
    ResourcePageFactory(parent=ResourceHubPageFactory(), title="Listening sessions guide")
    return reverse("allyship-resources:index")


LISTINGS = [
    pytest.param(annual_updates, id="annual-updates"),
    pytest.param(resources, id="resources"),
]


# Full-text indexes (MariaDB's, Wagtail 7.0's SQLite one) see only committed rows.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_plain_search_finds_the_row(admin_client, listing):
    response = admin_client.get(listing(), {"q": "listening"})
    assert response.status_code == 200
    assert "Listening sessions" in response.content.decode()
    assert REFUSED not in response.content.decode()


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_query_the_backend_refuses(admin_client, listing):
    url = listing()
    refused = OperationalError('fts5: syntax error near ":"')
    with mock.patch.object(BaseSearchResults, "count", side_effect=refused):
        response = admin_client.get(url, {"q": "listening"})
    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSED in html
    assert "Listening sessions" not in html


@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("query", ['say "hello', '"', '=HYPERLINK("http://x")'])
def test_punctuation_in_a_real_search(admin_client, listing, query):
    """SQLite's full-text search rejects these (wagtail/wagtail#13227); other databases
    search them. Either way the page answers."""
    response = admin_client.get(listing(), {"q": query})
    assert response.status_code == 200
    if connection.vendor == "sqlite":
        assert REFUSED in response.content.decode()
