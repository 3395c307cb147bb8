"""The resource hub: resources, facets with counts, search, sorting, pages, languages, API."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from benchmarks.data import add_pages
from tests.factories import (
    OrganisationUnitFactory,
    ProgrammeHomePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    TopicFactory,
    UserFactory,
)
from wagtail_allyship.models import ResourcePage, ResourceTopic, ResourceType
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(locales):
    return ResourceHubPageFactory()


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(username="reader"))
    return client


@pytest.fixture
def topics(locales):
    return {
        "mentoring": TopicFactory(name="Mentoring"),
        "menopause": TopicFactory(name="Menopause"),
    }


def titles(response) -> list[str]:
    return [resource.title for resource in response.context["hub"].resources.object_list]


def facet(response, name) -> dict[str, tuple[int, bool]]:
    for facet_name, _label, values in response.context["hub"].facets:
        if facet_name == name:
            return {value.label: (value.count, value.selected) for value in values}
    raise AssertionError(name)


def make_document(title="Slide deck"):
    document = get_document_model()(title=title)
    document.file.save("deck.pdf", ContentFile(b"%PDF-1.4 allyship"), save=False)
    document.save()
    return document


def card_image():
    Image = get_image_model()
    image = Image.objects.filter(title="Team").first()
    return image or Image.objects.create(title="Team", file=get_test_image_file())


def check(resource: ResourcePage) -> None:
    """Validate a resource that is not in the page tree yet."""
    resource.full_clean(exclude=["path", "depth", "slug"])


class TestResourceModel:
    def test_needs_a_document_a_link_or_a_video(self, hub):
        resource = ResourcePage(title="Empty", summary="Nothing to get", external_url="")
        resource.locale = hub.locale
        with pytest.raises(ValidationError) as caught:
            check(resource)
        assert "at least one of them" in str(caught.value.message_dict["external_url"])
        resource.video_url = "https://video.example.org/watch/1"
        check(resource)

    def test_script_links_are_refused(self, hub):
        resource = ResourcePage(title="Bad", summary="x", external_url="javascript:alert(1)")
        resource.locale = hub.locale
        with pytest.raises(ValidationError) as caught:
            check(resource)
        assert "external_url" in caught.value.message_dict
        resource.external_url = "data:text/html,<script>alert(1)</script>"
        resource.video_url = "javascript:alert(1)"
        with pytest.raises(ValidationError) as caught:
            check(resource)
        assert {"external_url", "video_url"} <= set(caught.value.message_dict)

    def test_lives_only_under_a_hub(self, hub):
        assert ResourcePage.parent_page_types == ["wagtail_allyship.ResourceHubPage"]
        root = Page.objects.get(depth=2)
        assert not ResourcePage.can_create_at(root)
        assert ResourcePage.can_create_at(hub)

    def test_topic_of_another_language_is_refused(self, hub, locales):
        french = TopicFactory(name="Mentorat", locale=locales["fr"])
        resource = ResourcePageFactory(parent=hub)
        link = ResourceTopic(page=resource, topic=french, locale=resource.locale)
        with pytest.raises(ValidationError) as caught:
            link.full_clean()
        assert "another language" in str(caught.value)

    def test_review_flag(self, hub):
        today = timezone.localdate()
        late = ResourcePageFactory(parent=hub, review_date=today - datetime.timedelta(days=1))
        fine = ResourcePageFactory(parent=hub, review_date=today)
        assert late.needs_review and not fine.needs_review


class TestResourcePage:
    def test_shows_the_resource_and_its_download(self, hub, reader, topics):
        unit = OrganisationUnitFactory(name="Northshire Police")
        resource = ResourcePageFactory(
            parent=hub,
            title="Ally induction deck",
            resource_type=ResourceType.PRESENTATION_TEMPLATE,
            document=make_document(),
            external_url="",
            duration="12 slides",
            owner_unit=unit,
            topics=[topics["mentoring"]],
            tags=["induction"],
        )
        response = reader.get(resource.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Presentation template" in html and "12 slides" in html
        assert resource.document.url in html and "(PDF)" in html
        assert "Mentoring" in html and "induction" in html
        assert "Kept up to date by Northshire Police." in html
        assert f'href="{hub.url}"' in html

    def test_image_on_the_page_the_hub_card_and_the_programme_home(self, hub, reader, locales):
        resource = ResourcePageFactory(
            parent=hub, title="Ally induction deck", image=card_image(), image_alt="Two allies"
        )
        decorative = ResourcePageFactory(
            parent=hub, title="Poster", image=card_image(), image_is_decorative=True
        )
        home = ProgrammeHomePageFactory(parent=hub.get_parent(), slug="programme")
        page_html = reader.get(resource.url).content.decode()
        assert 'alt="Two allies"' in page_html and "width-960" in page_html
        for url in (hub.url, home.url):
            html = reader.get(url).content.decode()
            assert html.count("fill-480x270") == 2, url
            assert 'alt="Two allies"' in html and 'alt=""' in html, url
        assert decorative.title in html

    def test_image_needs_a_description_unless_decorative(self, hub):
        resource = ResourcePageFactory.build(image=card_image(), image_alt=" ")
        with pytest.raises(ValidationError) as caught:
            resource.clean()
        assert "image_alt" in caught.value.message_dict
        resource.image_is_decorative = True
        resource.clean()

    def test_video_falls_back_to_a_link_offline(self, hub, reader):
        resource = ResourcePageFactory(
            parent=hub, title="Why allyship", external_url="", video_url="https://youtu.be/x"
        )
        html = reader.get(resource.url).content.decode()
        assert "Watch the video:" in html and 'href="https://youtu.be/x"' in html
        assert "<iframe" not in html

    def test_text_is_escaped(self, hub, reader):
        resource = ResourcePageFactory(
            parent=hub, title="<script>alert(1)</script>", summary='"><img src=x onerror=alert(1)>'
        )
        for url in (resource.url, hub.url):
            html = reader.get(url).content.decode()
            assert "<script>alert(1)</script>" not in html
            assert "<img src=x" not in html

    def test_queries(self, hub, reader, topics, django_assert_max_num_queries):
        resource = ResourcePageFactory(
            parent=hub, topics=list(topics.values()), tags=["a", "b", "c"]
        )
        with django_assert_max_num_queries(24):
            assert reader.get(resource.url).status_code == 200


class TestFacets:
    @pytest.fixture
    def library(self, hub, topics):
        ResourcePageFactory(
            parent=hub,
            title="Mentoring guide",
            resource_type=ResourceType.GUIDE,
            audience="allies",
            toolkit_step=2,
            topics=[topics["mentoring"]],
            tags=["induction"],
        )
        ResourcePageFactory(
            parent=hub,
            title="Mentoring video",
            resource_type=ResourceType.VIDEO,
            audience="leaders",
            toolkit_step=2,
            topics=[topics["mentoring"]],
        )
        ResourcePageFactory(
            parent=hub,
            title="Menopause guide",
            resource_type=ResourceType.GUIDE,
            audience="allies",
            toolkit_step=3,
            topics=[topics["menopause"]],
            tags=["induction", "wellbeing"],
        )
        ResourcePageFactory(
            parent=hub,
            title="Both topics course",
            resource_type=ResourceType.TRAINING,
            topics=[topics["mentoring"], topics["menopause"]],
        )

    def test_lists_everything_with_counts(self, hub, reader, library):
        response = reader.get(hub.url)
        assert response.status_code == 200
        assert len(titles(response)) == 4
        assert facet(response, "topic") == {"Mentoring": (3, False), "Menopause": (2, False)}
        assert facet(response, "type") == {
            "Video": (1, False),
            "Training course": (1, False),
            "Guide": (2, False),
        }
        assert facet(response, "tag") == {"induction": (2, False), "wellbeing": (1, False)}
        assert facet(response, "step")["Step 2: building an active network"] == (2, False)
        assert "4 resources" in response.content.decode()

    def test_each_facet_filters(self, hub, reader, library, topics):
        mentoring = topics["mentoring"].pk
        assert sorted(titles(reader.get(hub.url, {"topic": mentoring}))) == [
            "Both topics course",
            "Mentoring guide",
            "Mentoring video",
        ]
        assert sorted(titles(reader.get(hub.url, {"type": "guide"}))) == [
            "Menopause guide",
            "Mentoring guide",
        ]
        assert titles(reader.get(hub.url, {"audience": "leaders"})) == ["Mentoring video"]
        assert titles(reader.get(hub.url, {"step": "3"})) == ["Menopause guide"]
        assert titles(reader.get(hub.url, {"tag": "wellbeing"})) == ["Menopause guide"]

    def test_or_within_a_facet_and_across_facets(self, hub, reader, library, topics):
        response = reader.get(hub.url, {"type": ["guide", "video"]})
        assert len(titles(response)) == 3
        response = reader.get(
            hub.url, {"type": ["guide", "video"], "topic": topics["menopause"].pk}
        )
        assert titles(response) == ["Menopause guide"]

    def test_counts_follow_the_other_filters(self, hub, reader, library, topics):
        response = reader.get(hub.url, {"topic": topics["menopause"].pk})
        # The type facet counts within Menopause; the topic facet ignores its own choice.
        assert facet(response, "type") == {"Training course": (1, False), "Guide": (1, False)}
        assert facet(response, "topic") == {"Mentoring": (3, False), "Menopause": (2, True)}
        response = reader.get(hub.url, {"type": "video"})
        assert facet(response, "topic") == {"Mentoring": (1, False)}

    # MariaDB's full-text index sees only committed rows: searches need real transactions.
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_search_sort_and_state_in_the_url(self, hub, reader, library):
        response = reader.get(hub.url, {"q": "menopause"})
        assert set(titles(response)) <= {"Menopause guide", "Both topics course"}
        assert "Menopause guide" in titles(response)
        response = reader.get(hub.url, {"q": "guide", "sort": "title"})
        assert titles(response) == ["Menopause guide", "Mentoring guide"]
        html = reader.get(hub.url, {"sort": "title"}).content.decode()
        assert '<option value="title" selected>' in html
        response = reader.get(hub.url, {"sort": "title"})
        assert titles(response) == sorted(titles(response))
        assert titles(reader.get(hub.url))[0] == "Both topics course"  # newest first

    # MariaDB's full-text index sees only committed rows: searches need real transactions.
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_search_within_filters(self, hub, reader, library):
        response = reader.get(hub.url, {"q": "mentoring", "type": "video"})
        assert titles(response) == ["Mentoring video"]
        assert facet(response, "type") == {"Video": (1, True), "Guide": (1, False)}

    # MariaDB's full-text index sees only committed rows: searches need real transactions.
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_a_search_cut_by_its_cap_says_so(self, hub, reader, library, settings):
        everything = reader.get(hub.url, {"q": "guide"})
        assert len(titles(everything)) == 2
        assert "data-allyship-search-capped" not in everything.content.decode()
        settings.WAGTAIL_ALLYSHIP = {
            **getattr(settings, "WAGTAIL_ALLYSHIP", {}),
            "RESOURCES_SEARCH_LIMIT": 1,
            "RESOURCES_CACHE_SECONDS": 0,
        }
        capped = reader.get(hub.url, {"q": "guide"})
        assert len(titles(capped)) == 1
        assert "Only the best match of the search is counted and listed." in (
            capped.content.decode()
        )

    def test_filters_sit_behind_one_control_that_counts_the_chosen_ones(
        self, hub, reader, library, topics
    ):
        html = reader.get(hub.url).content.decode()
        assert '<details class="allyship-hub-filters" data-allyship-hub-filters>' in html
        assert "active)" not in html
        html = reader.get(
            hub.url, {"topic": topics["mentoring"].pk, "type": ResourceType.GUIDE}
        ).content.decode()
        # Still closed, so that the results come first on a phone; the count says why.
        assert '<details class="allyship-hub-filters" data-allyship-hub-filters>' in html
        assert "(2 active)" in html

    def test_what_narrows_the_list_is_shown_and_each_part_can_be_taken_off(
        self, hub, reader, library, topics
    ):
        params = {"topic": topics["mentoring"].pk, "type": ResourceType.GUIDE, "q": "guide"}
        response = reader.get(hub.url, params)
        active = {item.label: item.remove_url for item in response.context["hub"].active}
        assert set(active) == {"Search: “guide”", "Topic: Mentoring", "Type: Guide"}
        # Each address keeps the rest: taking the search off keeps both filters.
        without_search = reader.get(hub.url + active["Search: “guide”"])
        assert {item.label for item in without_search.context["hub"].active} == {
            "Topic: Mentoring",
            "Type: Guide",
        }
        without_topic = reader.get(hub.url + active["Topic: Mentoring"])
        assert {item.label for item in without_topic.context["hub"].active} == {
            "Search: “guide”",
            "Type: Guide",
        }
        # (Results of a search depend on the search backend; those of filters do not.)
        filtered = reader.get(
            hub.url, {"topic": topics["mentoring"].pk, "type": ResourceType.GUIDE}
        )
        remove_topic = {item.label: item.remove_url for item in filtered.context["hub"].active}
        widened = reader.get(hub.url + remove_topic["Topic: Mentoring"])
        assert sorted(titles(widened)) == ["Menopause guide", "Mentoring guide"]
        assert "Showing resources that match:" in response.content.decode()

    def test_no_match_says_which_filters_are_in_the_way(self, hub, reader, library, topics):
        html = reader.get(
            hub.url, {"topic": topics["menopause"].pk, "type": ResourceType.VIDEO}
        ).content.decode()
        assert "No resource matches all 2 of these together" in html
        assert "Type: Video" in html

    @override_settings(WAGTAIL_ALLYSHIP={"RESOURCES_PER_PAGE": 3, "RESOURCES_CACHE_SECONDS": 0})
    def test_pages_keep_the_filters(self, hub, reader, library):
        response = reader.get(hub.url)
        assert len(titles(response)) == 3
        html = response.content.decode()
        assert 'href="?page=2"' in html
        response = reader.get(hub.url, {"page": 2})
        assert len(titles(response)) == 1
        html = reader.get(hub.url, {"type": ["guide", "video", "training"]}).content.decode()
        assert 'href="?type=video&amp;type=guide&amp;type=training&amp;page=2"' in html or (
            "page=2" in html and "type=guide" in html
        )


class TestBadInput:
    @pytest.mark.parametrize(
        "params",
        [
            {"topic": "99999"},
            {"topic": "not-a-number"},
            {"type": "spaceship"},
            {"step": "9"},
            {"tag": "no-such-tag"},
            {"sort": "random"},
        ],
    )
    def test_unknown_filter_is_left_out_with_a_message(self, hub, reader, params):
        ResourcePageFactory(parent=hub, title="Kept")
        response = reader.get(hub.url, params)
        assert response.status_code == 200
        assert titles(response) == ["Kept"]
        html = response.content.decode()
        assert 'role="alert"' in html
        assert "left out" in html or "not a way to sort" in html

    @pytest.mark.parametrize("number", ["99999", "0", "-1", "abc", "1e9"])
    def test_page_out_of_range_shows_a_page_with_a_message(self, hub, reader, number):
        ResourcePageFactory(parent=hub, title="Only")
        response = reader.get(hub.url, {"page": number})
        assert response.status_code == 200
        assert titles(response) == ["Only"]
        assert "There is no page" in response.content.decode()

    @pytest.mark.parametrize(
        "text", ["\x00\x01", "' OR 1=1 --", "a" * 5000, "((((", '"unbalanced', "*:*", "AND OR NOT"]
    )
    def test_garbage_search_never_fails(self, hub, reader, text):
        ResourcePageFactory(parent=hub, title="Sturdy")
        response = reader.get(hub.url, {"q": text})
        assert response.status_code == 200

    def test_message_is_translated(self, hub, reader, locales):
        french_hub = translate(hub, locales["fr"], {"Resource hub": "Ressources"})
        with translation.override("fr"):
            response = reader.get(french_hub.url, {"topic": "99999"})
        assert "n’existe pas ici" in response.content.decode() or "n'existe pas ici" in (
            response.content.decode()
        )


class TestLanguages:
    def test_hub_lists_its_language_and_labels_untranslated(self, hub, reader, locales, topics):
        translated = ResourcePageFactory(parent=hub, title="Mentoring guide")
        ResourcePageFactory(parent=hub, title="Only in English", topics=[topics["mentoring"]])
        french_hub = translate(hub, locales["fr"], {"Resource hub": "Ressources"})
        translate(translated, locales["fr"], {"Mentoring guide": "Guide du mentorat"})
        french_topic = translate(topics["mentoring"], locales["fr"], {"Mentoring": "Mentorat"})
        with translation.override("fr"):
            response = reader.get(french_hub.url)
        assert sorted(titles(response)) == ["Guide du mentorat", "Only in English"]
        html = response.content.decode()
        assert html.count("Pas encore traduit") == 1
        assert 'lang="en"' in html
        # The English resource's topic shows under its French name, and filters by it.
        assert facet(response, "topic") == {"Mentorat": (1, False)}
        # The chips on the card say it in French too, like the facet.
        cards = html[html.index('class="allyship-resource-list"') :]
        assert "<li>Mentorat</li>" in cards and "<li>Mentoring</li>" not in cards
        with translation.override("fr"):
            response = reader.get(french_hub.url, {"topic": french_topic.pk})
        assert titles(response) == ["Only in English"]

    @override_settings(
        WAGTAIL_ALLYSHIP={"RESOURCES_SHOW_UNTRANSLATED": False, "RESOURCES_CACHE_SECONDS": 0}
    )
    def test_untranslated_can_be_hidden(self, hub, reader, locales):
        ResourcePageFactory(parent=hub, title="Only in English")
        french_hub = translate(hub, locales["fr"], {"Resource hub": "Ressources"})
        assert titles(reader.get(french_hub.url)) == []

    def test_translation_keeps_synchronised_fields(self, hub, locales, topics):
        unit = OrganisationUnitFactory()
        resource = ResourcePageFactory(
            parent=hub,
            title="Deck",
            summary="A deck for team meetings.",
            document=make_document(),
            owner_unit=unit,
            review_date=datetime.date(2030, 1, 1),
            tags=["induction"],
        )
        translate(hub, locales["fr"], {"Resource hub": "Ressources"})
        french_unit = translate(unit, locales["fr"], {})
        french_topic = translate(topics["mentoring"], locales["fr"], {"Mentoring": "Mentorat"})
        ResourceTopic.objects.create(
            page=resource, topic=topics["mentoring"], sort_order=0, locale=resource.locale
        )
        resource.save_revision().publish()
        french = translate(resource, locales["fr"], {"A deck for team meetings.": "Un support."})
        assert french.summary == "Un support."
        # Units and topics are those of the translation's language.
        assert french.owner_unit_id == french_unit.pk
        assert french.topics == [french_topic]
        assert french.document_id == resource.document_id
        assert french.review_date == resource.review_date
        assert french.tag_names == ["induction"]


class TestQueries:
    """Constant queries at 50 and 5,000 resources, with and without filters and search."""

    CASES = (
        {},
        {"topic": "first", "type": "guide", "audience": ["allies", "all"]},
        {"step": "2", "tag": "induction", "sort": "title", "page": "2"},
        {"q": "resource", "type": "guide"},
        {"q": "resource", "sort": "title", "page": "3"},
    )

    def add(self, hub, start, size, topics):
        image = card_image()
        pages = [
            ResourcePage(
                image=image if n % 2 else None,
                image_alt="The team",
                title=f"Resource {n}",
                slug=f"resource-{n}",
                summary="Summary",
                resource_type=ResourceType.values[n % len(ResourceType.values)],
                audience=["all", "allies", "leaders", "editors"][n % 4],
                toolkit_step=1 + n % 3,
                external_url="https://example.org/",
            )
            for n in range(start, start + size)
        ]
        add_pages(hub, pages)
        ResourceTopic.objects.bulk_create(
            [
                ResourceTopic(
                    page_id=page.pk, topic=topics[n % 2], sort_order=0, locale_id=hub.locale_id
                )
                for n, page in enumerate(pages)
            ]
        )
        tagged = ResourcePage.objects.get(pk=pages[0].pk)
        tagged.tags.add("induction", f"tag-{start}")
        tagged.save()
        get_search_backend().add_bulk(ResourcePage, pages)

    def counts(self, reader, hub, topics) -> list[int]:
        reader.get(hub.url)  # the site's root paths are cached after the first request
        counts = []
        for params in self.CASES:
            params = {**params, **({"topic": topics[0].pk} if "topic" in params else {})}
            with CaptureQueriesContext(connection) as captured:
                response = reader.get(hub.url, params)
            assert response.status_code == 200
            if "q" in params:
                assert response.context["hub"].resources.object_list, params
            counts.append(len(captured.captured_queries))
        return counts

    # MariaDB's full-text index sees only committed rows: searches need real transactions.
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_hub_queries_do_not_grow(self, hub, reader, topics):
        topic_list = list(topics.values())
        self.add(hub, 0, 50, topic_list)
        small = self.counts(reader, hub, topic_list)
        self.add(hub, 50, 4950, topic_list)
        large = self.counts(reader, hub, topic_list)
        assert small == large
        # Session, user, site and page lookups, then the hub's own: topics, tags, the search
        # (in a savepoint), five facet counts, the resources and their topics and tags.
        assert max(large) <= 25, large


class TestApi:
    def test_fields_in_api_v2(self, hub, reader, topics):
        resource = ResourcePageFactory(
            parent=hub,
            title="Deck",
            document=make_document(),
            topics=[topics["mentoring"]],
            tags=["induction"],
            toolkit_step=1,
        )
        response = reader.get(
            "/api/v2/pages/", {"type": "wagtail_allyship.ResourcePage", "fields": "*"}
        )
        assert response.status_code == 200, response.content[:300]
        [item] = response.json()["items"]
        assert item["id"] == resource.pk
        assert item["resource_type"] == "link"
        assert item["topic_names"] == ["Mentoring"]
        assert item["tag_names"] == ["induction"]
        assert item["toolkit_step"] == 1
        assert item["document_url"].endswith(".pdf")
        assert re.match(r"https?://", item["external_url"])


class TestAdmin:
    def test_editor_creates_a_resource(self, hub, admin_client, topics):
        url = f"/admin/pages/add/wagtail_allyship/resourcepage/{hub.pk}/"
        assert admin_client.get(url).status_code == 200
        data = {
            "title": "New guide",
            "slug": "new-guide",
            "summary": "How to start.",
            "resource_type": "guide",
            "external_url": "https://example.org/guide",
            "video_url": "",
            "audience": "all",
            "toolkit_step": "1",
            "duration": "",
            "review_date": "",
            "tags": "induction, mentoring",
            "topic_links-TOTAL_FORMS": "1",
            "topic_links-INITIAL_FORMS": "0",
            "topic_links-MIN_NUM_FORMS": "0",
            "topic_links-MAX_NUM_FORMS": "1000",
            "topic_links-0-topic": str(topics["mentoring"].pk),
            "topic_links-0-ORDER": "1",
            "topic_links-0-id": "",
            "topic_links-0-DELETE": "",
            "action-publish": "publish",
        }
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors
        resource = ResourcePage.objects.get(slug="new-guide")
        assert resource.live and resource.topics == [topics["mentoring"]]
        assert resource.tag_names == ["induction", "mentoring"]

    def test_bad_input_saves_nothing(self, hub, admin_client):
        url = f"/admin/pages/add/wagtail_allyship/resourcepage/{hub.pk}/"
        data = {
            "title": "Nothing to get",
            "slug": "nothing",
            "summary": "x",
            "resource_type": "guide",
            "external_url": "javascript:alert(1)",
            "audience": "all",
            "topic_links-TOTAL_FORMS": "0",
            "topic_links-INITIAL_FORMS": "0",
            "action-publish": "publish",
        }
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert not ResourcePage.objects.filter(slug="nothing").exists()

    def test_allies_cannot_add_resources(self, hub, reader):
        url = f"/admin/pages/add/wagtail_allyship/resourcepage/{hub.pk}/"
        assert reader.get(url).status_code in (302, 403)

    def test_review_report_flags_overdue(self, hub, admin_client):
        today = timezone.localdate()
        ResourcePageFactory(
            parent=hub, title="Old policy", review_date=today - datetime.timedelta(days=30)
        )
        ResourcePageFactory(parent=hub, title="Fresh", review_date=today + datetime.timedelta(1))
        response = admin_client.get("/admin/reports/allyship-resources-review/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Old policy" in html and "Fresh" not in html
        assert "Resources due for review" in html
        export = admin_client.get("/admin/reports/allyship-resources-review/", {"export": "csv"})
        assert b"Old policy" in b"".join(export.streaming_content)

    def test_review_report_is_for_editors_and_coordinators(self, hub):
        from django.test import Client

        url = "/admin/reports/allyship-resources-review/"
        ally = Client()
        ally.force_login(UserFactory(username="ally"))
        assert ally.get(url).status_code in (302, 403)
        staff = Client()
        staff.force_login(UserFactory(username="admin-only", is_staff=True))
        assert staff.get(url).status_code in (302, 403)

    def test_resource_listing_flags_overdue(self, hub, admin_client):
        today = timezone.localdate()
        ResourcePageFactory(
            parent=hub, title="Old policy", review_date=today - datetime.timedelta(days=30)
        )
        ResourcePageFactory(parent=hub, title="Fresh", review_date=today + datetime.timedelta(1))
        response = admin_client.get("/admin/allyship-resources/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Old policy" in html and "Fresh" in html
        flags = re.findall(r'<span class="w-status w-status--label">\s*Review overdue', html)
        assert len(flags) == 1
        only_overdue = admin_client.get("/admin/allyship-resources/", {"overdue": "true"})
        assert "Fresh" not in only_overdue.content.decode()


def test_default_locale_is_english(locales):
    assert Locale.get_default().language_code == "en"


class TestCache:
    @pytest.fixture(autouse=True)
    def _caching_on(self, settings):
        settings.WAGTAIL_ALLYSHIP = {"RESOURCES_CACHE_SECONDS": 300}

    def hub_region(self, response) -> str:
        html = response.content.decode()
        return html[html.index("data-allyship-hub>") : html.index("</article>")]

    def test_second_request_is_served_from_the_cache(self, hub, reader, topics):
        ResourcePageFactory(parent=hub, title="Cached guide", topics=[topics["mentoring"]])
        first = reader.get(hub.url, {"type": "link"})
        assert first.context.get("hub") is not None
        with CaptureQueriesContext(connection) as captured:
            second = reader.get(hub.url, {"type": "link"})
        assert second.context.get("hub") is None
        assert self.hub_region(second) == self.hub_region(first)
        assert len(captured.captured_queries) < 15
        assert reader.get(hub.url, {"type": "guide"}).context.get("hub") is not None

    def test_changes_show_at_once(self, hub, reader, topics):
        resource = ResourcePageFactory(parent=hub, title="First", topics=[topics["mentoring"]])
        assert "First" in self.hub_region(reader.get(hub.url))
        ResourcePageFactory(parent=hub, title="Second")
        assert "Second" in self.hub_region(reader.get(hub.url))
        topics["mentoring"].name = "Coaching and mentoring"
        topics["mentoring"].save()
        assert "Coaching and mentoring" in self.hub_region(reader.get(hub.url))
        resource.unpublish()
        assert "First" not in self.hub_region(reader.get(hub.url))
        resource.save_revision().publish()
        assert "First" in self.hub_region(reader.get(hub.url))
        resource.delete()
        assert "First" not in self.hub_region(reader.get(hub.url))

    def test_each_language_has_its_own_results(self, hub, reader, locales):
        ResourcePageFactory(parent=hub, title="Only in English")
        french_hub = translate(hub, locales["fr"], {"Resource hub": "Ressources"})
        reader.get(hub.url)
        with translation.override("fr"):
            html = self.hub_region(reader.get(french_hub.url))
        assert "Pas encore traduit" in html
