"""Faults the intranet must survive: the cache down, a video site out of reach, a lost file,
a unit deleted while content points at it. Each one degrades to a working page (never a 500)
and saves all of a submission or none of it."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from unittest import mock
from urllib.error import URLError

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db.models import PROTECT, ProtectedError
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry
from wagtail.documents import get_document_model
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.models import Page
from wagtail.models import sites as wagtail_sites

from tests.factories import (
    AllyRegistrationFactory,
    AwarenessDateFactory,
    CalendarPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    OrganisationUnitFactory,
    PledgePageFactory,
    RecruitmentArticlePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    UserFactory,
    in_days,
    pledge_data,
)
from wagtail_allyship.models import AllyRegistration, Commitment, OrganisationUnit
from wagtail_allyship.resources.models import ResourceType

pytestmark = pytest.mark.django_db

#: A Redis server that is not there: a loopback port nothing listens on.
DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        # Give up at once rather than after redis-py's default retries with back-off.
        "OPTIONS": {"retry": Retry(NoBackoff(), 0), "socket_connect_timeout": 1},
    }
}

VIDEO_URL = "https://video.example/watch?v=unreachable"


@contextmanager
def cache_down():
    """Every cache call from here on fails as it does when Redis is down.

    Except one that is Wagtail's, not ours: Wagtail keeps the sites' root paths in the cache
    and needs them for every page address, so on a site whose cache may fail, the cache
    backend itself has to tolerate that. Here Wagtail computes them afresh each time; every
    other cache call, the package's included, reaches the dead Redis.
    """
    with override_settings(CACHES=DEAD_REDIS):
        with pytest.raises(RedisConnectionError):  # the fault is real
            cache.get("anything")
        with mock.patch.object(wagtail_sites, "cache", DummyCache("dummy", {})):
            yield


@contextmanager
def hub_caching_on():
    with override_settings(
        WAGTAIL_ALLYSHIP={**settings.WAGTAIL_ALLYSHIP, "RESOURCES_CACHE_SECONDS": 300}
    ):
        yield


@pytest.fixture
def home():
    return Page.objects.get(depth=2)


@pytest.fixture
def reader(client):
    """A logged-in member of staff: the example intranet needs a login for every page."""
    client.force_login(UserFactory(username="reader"))
    return client


def make_document(title="Slide deck"):
    document = get_document_model()(title=title)
    document.file.save("deck.pdf", ContentFile(b"%PDF-1.4 allyship"), save=False)
    document.save()
    return document


class Unreachable:
    """An embed finder on an intranet whose network cannot reach the video site."""

    def __init__(self, error: Exception):
        self.error = error
        self.calls = 0

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        self.calls += 1
        raise self.error


@contextmanager
def video_site_down(error: Exception):
    finder = Unreachable(error)
    with mock.patch("wagtail.embeds.embeds.get_finders", return_value=[finder]):
        yield finder


# 1. The cache is down ---------------------------------------------------------------------


class TestCacheDown:
    def test_resource_hub_with_its_cache_on(self, reader, home, caplog):
        hub = ResourceHubPageFactory(parent=home)
        ResourcePageFactory(parent=hub, title="Mentoring guide")
        url = hub.url
        with hub_caching_on(), cache_down(), caplog.at_level(logging.ERROR):
            response = reader.get(url)
        assert response.status_code == 200
        assert "Mentoring guide" in response.content.decode()
        assert any("cache" in record.getMessage().lower() for record in caplog.records)

    def test_resource_page_with_a_video(self, reader, home):
        hub = ResourceHubPageFactory(parent=home)
        resource = ResourcePageFactory(
            parent=hub,
            title="Why allies matter",
            resource_type=ResourceType.VIDEO,
            external_url="",
            video_url=VIDEO_URL,
        )
        url = resource.url
        with cache_down(), video_site_down(EmbedNotFoundException("offline")):
            response = reader.get(url)
        assert response.status_code == 200
        assert f'href="{VIDEO_URL}"' in response.content.decode()

    def test_story_index_and_a_story_with_a_video(self, reader, home):
        index = GoodPracticeIndexPageFactory(parent=home)
        story = GoodPracticeStoryPageFactory(
            parent=index,
            title="Listening sessions",
            body=[("video", {"url": VIDEO_URL, "title": "Our story", "transcript": ""})],
        )
        urls = index.url, story.url
        with cache_down(), video_site_down(EmbedNotFoundException("offline")):
            listing = reader.get(urls[0])
            page = reader.get(urls[1])
        assert listing.status_code == 200 and "Listening sessions" in listing.content.decode()
        assert page.status_code == 200
        assert f'href="{VIDEO_URL}"' in page.content.decode()

    def test_recruitment_article_with_a_video(self, reader, home):
        unit = OrganisationUnitFactory(name="Essex Police")
        article = RecruitmentArticlePageFactory(
            parent=home,
            unit=unit,
            body=[("video", {"url": VIDEO_URL, "title": "Join us", "transcript": ""})],
        )
        url = article.url
        with cache_down(), video_site_down(EmbedNotFoundException("offline")):
            response = reader.get(url)
        assert response.status_code == 200
        assert f'href="{VIDEO_URL}"' in response.content.decode()

    def test_calendar(self, reader, home):
        calendar = CalendarPageFactory(parent=home)
        AwarenessDateFactory(title="International Women's Day")
        url = calendar.url + "?months=12"  # the day is in March, whatever the day of the run
        with cache_down():
            response = reader.get(url)
        assert response.status_code == 200
        assert "International Women" in response.content.decode()

    def test_glossary(self, reader, home):
        GlossaryTermFactory(term="Sponsorship")
        glossary = GlossaryPageFactory(parent=home)
        url = glossary.url
        with cache_down():
            response = reader.get(url)
        assert response.status_code == 200
        assert "Sponsorship" in response.content.decode()

    def test_sign_up_and_pledge_are_saved(self, client, home):
        unit = OrganisationUnitFactory(name="Essex Police")
        page = PledgePageFactory(parent=home, slug="pledge")
        user = UserFactory(username="alex")
        client.force_login(user)
        url = page.url
        with cache_down():
            assert client.get(url + "sign-up/").status_code == 200
            response = client.post(url + "sign-up/", {"unit": unit.pk, "role": "Constable"})
            assert response.status_code == 302
            assert client.get(url).status_code == 200
            response = client.post(url, new_pledge())
            assert response.status_code == 302
        assert AllyRegistration.objects.filter(user=user, unit=unit).exists()
        commitment = Commitment.objects.get(pledge__user=user)
        assert commitment.text == "Mentor a woman colleague"


def new_pledge(text: str = "Mentor a woman colleague") -> dict:
    commitment = {"kind": "personal", "text": text, "kpi": "Six sessions held"}
    deadline = in_days(120).isoformat()
    return pledge_data([{**commitment, "deadline": deadline}], visibility="private", consent=False)


# 2. A video provider cannot be reached ------------------------------------------------------

UNREACHABLE = [
    pytest.param(EmbedNotFoundException("provider unreachable"), id="embed-not-found"),
    pytest.param(URLError("connection refused"), id="url-error"),
    pytest.param(TimeoutError("read timed out"), id="timeout"),
]


def assert_link_not_player(html: str, url: str = VIDEO_URL) -> None:
    assert "Watch the video:" in html
    assert f'href="{url}"' in html
    assert "allyship-video-player" not in html and "<iframe" not in html


class TestVideoProviderDown:
    @pytest.mark.parametrize("error", UNREACHABLE)
    def test_resource_page(self, reader, home, error):
        hub = ResourceHubPageFactory(parent=home)
        resource = ResourcePageFactory(
            parent=hub,
            title="Why allies matter",
            resource_type=ResourceType.VIDEO,
            external_url="",
            video_url=VIDEO_URL,
        )
        with video_site_down(error) as finder:
            first = reader.get(resource.url)
            second = reader.get(resource.url)
        assert first.status_code == second.status_code == 200
        assert_link_not_player(first.content.decode())
        assert_link_not_player(second.content.decode())
        assert finder.calls == 1  # the failure is remembered: one attempt, not one a visit

    @pytest.mark.parametrize("error", UNREACHABLE)
    def test_story_page(self, reader, home, error):
        index = GoodPracticeIndexPageFactory(parent=home)
        story = GoodPracticeStoryPageFactory(
            parent=index,
            body=[
                ("video", {"url": VIDEO_URL, "title": "Our story", "transcript": "What we said."})
            ],
        )
        with video_site_down(error):
            response = reader.get(story.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert_link_not_player(html)
        assert "What we said." in html  # the transcript is still there to read

    @pytest.mark.parametrize("error", UNREACHABLE)
    def test_recruitment_article(self, reader, home, error):
        article = RecruitmentArticlePageFactory(
            parent=home,
            unit=OrganisationUnitFactory(name="Essex Police"),
            body=[("video", {"url": VIDEO_URL, "title": "Join us", "transcript": ""})],
        )
        with video_site_down(error):
            response = reader.get(article.url)
        assert response.status_code == 200
        assert_link_not_player(response.content.decode())


# 3. A document's file is missing from the storage ---------------------------------------------

MISSING = "is not available at the moment"
MISSING_MSGID = (
    "The file “%(title)s” is not available at the moment. Please let the intranet team know."
)


class TestDocumentFileMissing:
    @pytest.fixture
    def resource(self, home):
        hub = ResourceHubPageFactory(parent=home)
        return ResourcePageFactory(
            parent=hub,
            title="Allyship slide deck",
            resource_type=ResourceType.DOCUMENT,
            external_url="",
            document=make_document("Slide deck"),
        )

    def test_the_download_link_while_the_file_is_there(self, reader, resource):
        html = reader.get(resource.url).content.decode()
        assert resource.document.url in html and "(PDF)" in html
        assert MISSING not in html

    def test_a_message_instead_of_a_broken_link(self, reader, resource):
        document = resource.document
        document.file.storage.delete(document.file.name)
        response = reader.get(resource.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "The file “Slide deck” is not available at the moment." in html
        assert document.url not in html
        assert "Allyship slide deck" in html  # the rest of the page is there

    def test_the_message_is_translated(self, rf, resource, locales):
        """The message goes through gettext under the msgid handed to the translators."""
        resource.document.file.storage.delete(resource.document.file.name)
        catalog = trans_real.translation("fr")._catalog
        catalog[MISSING_MSGID] = "Le fichier « %(title)s » n’est pas disponible."
        try:
            request = rf.get(resource.url)
            request.user = UserFactory(username="lecteur")
            with translation.override("fr"):
                context = resource.get_context(request)
                html = render_to_string(resource.get_template(request), context, request)
        finally:
            del catalog._catalogs[0][MISSING_MSGID]
        assert "Le fichier « Slide deck » n’est pas disponible." in html
        assert MISSING not in html

    def test_a_storage_that_cannot_answer_keeps_the_link(self, reader, resource, caplog):
        with mock.patch.object(
            InMemoryStorage, "exists", side_effect=OSError("storage unreachable")
        ):
            response = reader.get(resource.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert resource.document.url in html and MISSING not in html
        assert "Could not check" in caplog.text

    def test_the_storage_is_asked_once_per_check_period(self, reader, resource):
        with mock.patch.object(InMemoryStorage, "exists", return_value=True) as exists:
            for _view in range(3):
                assert reader.get(resource.url).status_code == 200
        assert exists.call_count == 1

    def test_a_file_lost_after_a_check_shows_within_the_period(self, reader, resource):
        """The first view is trusted for DOCUMENT_CHECK_SECONDS; then the storage is asked."""
        assert MISSING not in reader.get(resource.url).content.decode()
        resource.document.file.storage.delete(resource.document.file.name)
        assert MISSING not in reader.get(resource.url).content.decode()
        cache.clear()  # the period has passed
        assert MISSING in reader.get(resource.url).content.decode()

    def test_a_replaced_file_is_checked_at_once(self, reader, resource):
        document = resource.document
        document.file.storage.delete(document.file.name)
        assert MISSING in reader.get(resource.url).content.decode()
        document.file.save("deck-v2.pdf", ContentFile(b"%PDF-1.4 v2"), save=True)
        html = reader.get(resource.url).content.decode()
        assert MISSING not in html and "deck-v2" in html

    def test_with_the_cache_down_the_storage_is_asked(self, reader, resource):
        resource.document.file.storage.delete(resource.document.file.name)
        url = resource.url
        with cache_down():
            response = reader.get(url)
        assert response.status_code == 200
        assert MISSING in response.content.decode()

    def test_the_hub_still_lists_the_resource(self, reader, resource):
        resource.document.file.storage.delete(resource.document.file.name)
        response = reader.get(resource.get_parent().url)
        assert response.status_code == 200
        assert "Allyship slide deck" in response.content.decode()


# 4. A unit is deleted while content refers to it ----------------------------------------------


class TestUnitDeletedWhileInUse:
    @pytest.fixture
    def unit(self):
        return OrganisationUnitFactory(name="Essex Police")

    def test_every_reference_to_a_unit_protects_it(self):
        """A new foreign key to a unit must protect it too, or be looked at here."""
        loose = [
            f"{relation.related_model.__name__}.{relation.field.name}"
            for relation in OrganisationUnit._meta.related_objects
            if relation.many_to_one and relation.on_delete is not PROTECT
        ]
        assert loose == []

    def test_a_story_protects_its_unit_and_still_renders(self, reader, home, unit):
        index = GoodPracticeIndexPageFactory(parent=home)
        story = GoodPracticeStoryPageFactory(parent=index, unit=unit, title="Listening sessions")
        with pytest.raises(ProtectedError):
            unit.delete()
        assert OrganisationUnit.objects.filter(pk=unit.pk).exists()
        assert reader.get(story.url).status_code == 200
        listing = reader.get(index.url, {"unit": unit.pk})
        assert listing.status_code == 200
        assert "Listening sessions" in listing.content.decode()

    def test_a_resource_protects_its_owner(self, reader, home, unit):
        hub = ResourceHubPageFactory(parent=home)
        resource = ResourcePageFactory(parent=hub, owner_unit=unit)
        with pytest.raises(ProtectedError):
            unit.delete()
        html = reader.get(resource.url).content.decode()
        assert "Kept up to date by Essex Police." in html

    def test_a_recruitment_article_protects_its_unit(self, reader, home, unit):
        article = RecruitmentArticlePageFactory(parent=home, unit=unit)
        with pytest.raises(ProtectedError):
            unit.delete()
        response = reader.get(article.url)
        assert response.status_code == 200
        assert "Essex Police" in response.content.decode()

    def test_an_ally_registration_protects_the_unit(self, unit):
        registration = AllyRegistrationFactory(unit=unit)
        with pytest.raises(ProtectedError):
            unit.delete()
        registration.refresh_from_db()
        assert registration.unit == unit

    def test_a_refused_deletion_leaves_everything_in_place(self, home, unit):
        """The collector refuses before it deletes: no child unit or link is lost half-way."""
        child = OrganisationUnitFactory(name="Chelmsford", parent=unit)
        index = GoodPracticeIndexPageFactory(parent=home)
        GoodPracticeStoryPageFactory(parent=index, unit=child)
        with pytest.raises(ProtectedError):
            unit.delete()
        with pytest.raises(ProtectedError):
            child.delete()
        assert set(OrganisationUnit.objects.values_list("name", flat=True)) == {
            "Essex Police",
            "Chelmsford",
        }
        assert child.blocking_references() != []

    def test_pages_after_deleting_a_unit_nothing_uses(self, reader, home, unit):
        """Once the last story leaves a unit the unit can go, and the pages that named it
        answer as before; an old filter link to it is turned down with a message."""
        index = GoodPracticeIndexPageFactory(parent=home)
        story = GoodPracticeStoryPageFactory(parent=index, unit=unit, title="Listening sessions")
        story.unit = None
        story.save_revision().publish()
        assert unit.blocking_references() == []
        unit_pk = unit.pk
        unit.delete()
        assert reader.get(story.url).status_code == 200
        assert reader.get(index.url).status_code == 200
        old_link = reader.get(index.url, {"unit": unit_pk})
        assert old_link.status_code == 400
        assert "<html" in old_link.content.decode()

    def test_the_admin_refuses_and_says_why(self, admin_client, home, unit):
        index = GoodPracticeIndexPageFactory(parent=home)
        GoodPracticeStoryPageFactory(parent=index, unit=unit, title="Listening sessions")
        viewset = OrganisationUnit.snippet_viewset
        url = reverse(viewset.get_url_name("delete"), args=[unit.pk])
        response = admin_client.post(url, follow=True)
        assert response.status_code == 200
        assert "cannot be deleted because it is still used by" in response.content.decode()
        assert OrganisationUnit.objects.filter(pk=unit.pk).exists()


# 5. The database goes away in the middle of a request ---------------------------------------
