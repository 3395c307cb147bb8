"""The example intranet's answers to faults: its own Redis settings with Redis down, and a
page that says to try again (503) when the database cannot be reached."""

from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site
from wagtail.models import sites as wagtail_sites

from intranet.settings.base import redis_cache
from tests.factories import (
    AllyRegistrationFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    PledgePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    UserFactory,
    in_days,
    pledge_data,
)
from wagtail_allyship.models import Commitment, Pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def reader(client):
    """A logged-in member of staff: the example intranet needs a login for every page."""
    client.force_login(UserFactory(username="reader"))
    return client


class TestTheExampleIntranetsCacheDown:
    """With the example intranet's own Redis settings, nothing needs patching: misses only."""

    def test_pages_with_redis_down(self, client, home):
        hub = ResourceHubPageFactory(parent=home)
        ResourcePageFactory(parent=hub, title="Mentoring guide")
        index = GoodPracticeIndexPageFactory(parent=home)
        story = GoodPracticeStoryPageFactory(parent=index, title="Listening sessions")
        urls = [hub.url, index.url, story.url]
        client.force_login(UserFactory(username="reader"))
        with (
            override_settings(CACHES=redis_cache("redis://127.0.0.1:1/0")),
            override_settings(
                WAGTAIL_ALLYSHIP={**settings.WAGTAIL_ALLYSHIP, "RESOURCES_CACHE_SECONDS": 300}
            ),
        ):
            responses = [client.get(url) for url in urls]
        assert [response.status_code for response in responses] == [200, 200, 200]
        assert "Mentoring guide" in responses[0].content.decode()
        assert "Listening sessions" in responses[2].content.decode()


def database_down():
    """The database no longer answers: the error page's own check finds it unreachable.

    (The test's database itself must stay up for the test to read what was saved.)
    """
    return mock.patch("intranet.views.database_reachable", return_value=False)


def cut_after(calls: int):
    """A ``Model.save`` that works ``calls`` times, then fails as a restarting server does."""
    real_save = Commitment.save
    done = []

    def save(self, *args, **kwargs):
        if len(done) >= calls:
            raise OperationalError("terminating connection due to administrator command")
        done.append(self)
        return real_save(self, *args, **kwargs)

    return save


@pytest.fixture
def ally(client, home):
    """A signed-up ally, logged in, with the pledge page's address."""
    user = UserFactory(username="fault-ally")
    AllyRegistrationFactory(user=user)
    client.force_login(user)
    client.raise_request_exception = False
    return client, PledgePageFactory(parent=home, slug="fault-pledge").url


def two_commitments() -> dict:
    deadline = in_days(120).isoformat()
    return pledge_data(
        [
            {
                "kind": "personal",
                "text": "Mentor a colleague",
                "kpi": "Six sessions held",
                "deadline": deadline,
            },
            {
                "kind": "organisational",
                "text": "Review the rota",
                "kpi": "Rota published",
                "deadline": deadline,
            },
        ],
        visibility="private",
        consent=False,
    )


class TestDatabaseUnavailable:
    """A restart of the database cuts the connections of the requests running at that moment:
    the person gets a page that says to try again (503), and nothing half-saved stays."""

    def test_a_pledge_cut_between_its_commitments_leaves_nothing(self, ally):
        client, url = ally
        with mock.patch.object(Commitment, "save", cut_after(1)), database_down():
            response = client.post(url, two_commitments())
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "could not reach its database" in response.content.decode()
        assert not Pledge.objects.filter(user__username="fault-ally").exists()
        assert not Commitment.objects.filter(pledge__user__username="fault-ally").exists()

    def test_sending_it_again_saves_it_once(self, ally):
        client, url = ally
        with mock.patch.object(Commitment, "save", cut_after(1)), database_down():
            assert client.post(url, two_commitments()).status_code == 503
        assert client.post(url, two_commitments()).status_code == 302
        pledge = Pledge.objects.get(user__username="fault-ally")
        assert sorted(pledge.commitments.values_list("text", flat=True)) == [
            "Mentor a colleague",
            "Review the rota",
        ]

    def test_a_database_refusing_connections_before_the_page(self, reader, home):
        """The failure comes before any of the package's code (finding the site)."""
        reader.raise_request_exception = False
        refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed')
        with (
            mock.patch.object(wagtail_sites.Site, "find_for_request", side_effect=refused),
            database_down(),
        ):
            response = reader.get("/")
        assert response.status_code == 503
        assert "<script" not in response.content.decode()

    def test_the_page_is_translated(self, reader, locales):
        reader.raise_request_exception = False
        with translation.override("fr"):
            expected = translation.gettext("Please try again in a moment")
        assert expected != "Please try again in a moment"
        refused = OperationalError("the database system is starting up")
        with (
            mock.patch.object(wagtail_sites.Site, "find_for_request", side_effect=refused),
            database_down(),
        ):
            response = reader.get("/fr/")
        assert response.status_code == 503
        assert expected in response.content.decode()

    def test_any_other_error_is_a_plain_500_page(self, ally):
        client, url = ally
        with mock.patch.object(Commitment, "save", side_effect=RuntimeError("a bug")):
            response = client.post(url, two_commitments())
        assert response.status_code == 500
        assert "Something went wrong" in response.content.decode()
        assert "a bug" not in response.content.decode()
        assert not Pledge.objects.filter(user__username="fault-ally").exists()


class TestRefusedQueries:
    """A query the database refuses while it answers others is not an outage: no 503."""

    def test_a_refused_query_is_a_500_not_a_503(self, ally):
        client, url = ally
        refused = OperationalError('fts5: syntax error near """')
        with mock.patch.object(Commitment, "save", side_effect=refused):
            response = client.post(url, two_commitments())
        assert response.status_code == 500
        assert "Retry-After" not in response

    @pytest.mark.parametrize("query", ['"', 'a"b:c*', "\x00", "x" * 3000])
    def test_the_apis_search_never_answers_with_a_server_error(self, reader, query):
        reader.raise_request_exception = False
        for endpoint in ("pages", "documents"):
            response = reader.get(f"/api/v2/{endpoint}/", {"search": query})
            assert response.status_code in (200, 400), (endpoint, response.status_code)
