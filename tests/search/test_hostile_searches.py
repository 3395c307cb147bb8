"""No search answers with a server error, whatever is typed, on every database CI runs.

NUL characters, lone quotes, colons, ``*``, search syntax and very long strings go into every
search of ours (the resource hub, every admin listing of the package's models) and into
Wagtail's APIs: the answer is a result, or none and a message (200), or for the APIs a 400
that says why; never a 5xx.
"""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.db import DatabaseError
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from tests.factories import (
    AnnualUpdateFactory,
    GlossaryTermFactory,
    OrganisationUnitFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
)
from wagtail_allyship.search.safe import (
    REFUSED_SEARCH_MESSAGE,
    refused_search_response,
    without_nul_characters,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "\x00",
    "listening\x00sessions",
    '"',
    'say "hello',
    'a"b:c*',
    ":",
    "*",
    "title:listening",
    "listening*",
    "(",
    ")",
    "-listening",
    "+listening -sessions",
    "' OR 1=1 --",
    "%_\\",
    '"""',
    "AND OR NOT",
    "listening " * 600,
    "x" * 5000,
]
IDS = [repr(payload[:20]) + f"({len(payload)})" for payload in PAYLOADS]


@pytest.fixture
def content(locales):
    unit = OrganisationUnitFactory(name="Listening sessions unit")
    AnnualUpdateFactory(unit=unit, title="Listening sessions with the leadership")
    GlossaryTermFactory(term="Listening")
    hub = ResourceHubPageFactory(slug="hub")
    ResourcePageFactory(parent=hub, title="Listening sessions guide")
    return hub


def our_listings() -> list[str]:
    """Every admin listing of the package's models, whatever the package adds later."""
    urls = [
        reverse(model.snippet_viewset.get_url_name("list"))
        for model in get_snippet_models()
        if model._meta.app_label == "wagtail_allyship"
    ]
    return [*urls, reverse("allyship-resources:index")]


@pytest.mark.parametrize("query", PAYLOADS, ids=IDS)
def test_admin_listings_answer_every_search(admin_client, content, query):
    listings = our_listings()
    assert len(listings) >= 8
    for url in listings:
        response = admin_client.get(url, {"q": query})
        assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("query", PAYLOADS, ids=IDS)
def test_the_resource_hub_answers_every_search(client, content, query):
    response = client.get(content.url, {"q": query})
    assert response.status_code == 200
    assert "allyship-hub" in response.content.decode()


#: Wagtail's API searches: v2's pages and documents, and v3's pages where Wagtail has it.
API_SEARCHES = ["/api/v2/pages/", "/api/v2/documents/"] + (
    ["/api/v3/pages/"] if settings.WAGTAIL_API_V3 else []
)


def api_client(endpoint, user) -> Client:
    """A client for ``endpoint``; API v3 needs a bearer token."""
    if not endpoint.startswith("/api/v3/"):
        return Client(raise_request_exception=False)
    from wagtail.models import APIToken

    token = APIToken.create_token(user=user, name="tests")
    token = token[1] if isinstance(token, tuple) else token
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.parametrize("query", PAYLOADS, ids=IDS)
@pytest.mark.parametrize("endpoint", API_SEARCHES)
def test_wagtails_apis_answer_every_search(content, admin_user, endpoint, query):
    response = api_client(endpoint, admin_user).get(endpoint, {"search": query})
    assert response.status_code in (200, 400, 422), response.status_code
    if response.status_code != 200:
        assert response.json()


def test_nul_characters_leave_the_query_string():
    request = RequestFactory().get("/admin/", {"q": "a\x00b", "x\x00": "c"})
    without_nul_characters(request)
    assert request.GET["q"] == "ab"
    assert request.GET["x"] == "c"


def test_a_refused_search_is_a_400_with_the_reason():
    request = RequestFactory().get("/api/v2/pages/", {"search": '"'})
    response = refused_search_response(request, DatabaseError("fts5: syntax error"))
    assert response.status_code == 400
    assert json.loads(response.content)["message"] == REFUSED_SEARCH_MESSAGE


def test_other_errors_are_left_alone():
    assert refused_search_response(RequestFactory().get("/x/"), DatabaseError("x")) is None
    searching = RequestFactory().get("/x/", {"q": "a"})
    assert refused_search_response(searching, ValueError("x")) is None


def test_a_long_admin_search_is_shortened_and_says_so(admin_client, content):
    url = reverse("wagtailsnippets_wagtail_allyship_annualupdate:list")
    response = admin_client.get(url, {"q": " ".join(["listening"] * 30)})
    assert response.status_code == 200
    assert "Only the first 20 words of the search were used." in response.content.decode()
