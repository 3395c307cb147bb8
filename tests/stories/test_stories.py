"""Good-practice stories: the index and its filters, pages, feeds, the story body and the admin."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from benchmarks.data import add_pages
from tests.factories import (
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    OrganisationUnitFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    TopicFactory,
)
from wagtail_allyship.models import (
    GoodPracticeIndexPage,
    GoodPracticeStoryPage,
    GoodPracticeStoryTopic,
    UnitKind,
)
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def default_language():
    """Requests for French or Arabic pages leave that language active in the thread; the next
    test starts in the default language again."""
    yield
    translation.deactivate()


@pytest.fixture
def client(client, staff_user):
    """A logged-in member of staff: the example intranet needs a login for every page."""
    client.force_login(staff_user)
    return client


@pytest.fixture
def home():
    return Page.objects.get(depth=2)


@pytest.fixture
def index(home):
    return GoodPracticeIndexPageFactory(parent=home, slug="stories")


def titles(response) -> list[str]:
    return [story.title for story in response.context["stories"]]


def add_stories(index: GoodPracticeIndexPage, count: int, **values) -> list[GoodPracticeStoryPage]:
    """``count`` live stories, one day apart, inserted in bulk (no revisions, no indexing)."""
    start = index.get_children().count()
    stories = [
        GoodPracticeStoryPage(
            title=f"Story {number}",
            slug=f"story-{number}",
            organisation_name="Northshire Police",
            date=date(2025, 1, 1) + timedelta(days=number),
            summary=f"What happened in story {number}.",
            first_published_at=timezone.now(),
            **values,
        )
        for number in range(start, start + count)
    ]
    return add_pages(index, stories)


class TestIndex:
    def test_newest_first_and_only_live_children(self, client, index, home):
        GoodPracticeStoryPageFactory(parent=index, title="Old", date=date(2024, 5, 1))
        GoodPracticeStoryPageFactory(parent=index, title="New", date=date(2025, 6, 1))
        GoodPracticeStoryPageFactory(parent=index, title="Draft", publish=False)
        other_index = GoodPracticeIndexPageFactory(parent=home, slug="elsewhere")
        GoodPracticeStoryPageFactory(parent=other_index, title="Elsewhere")
        response = client.get(index.url)
        assert response.status_code == 200
        assert titles(response) == ["New", "Old"]
        html = response.content.decode()
        assert '<time datetime="2025-06-01">' in html
        assert "2 stories" in html

    def test_story_can_only_live_under_an_index(self, index, home):
        assert GoodPracticeStoryPage.can_create_at(index)
        assert not GoodPracticeStoryPage.can_create_at(home)
        assert GoodPracticeIndexPage.can_create_at(home)

    def test_filter_by_topic(self, client, index):
        mentoring, flexible = TopicFactory(name="Mentoring"), TopicFactory(name="Flexible")
        GoodPracticeStoryPageFactory(parent=index, title="A", topics=[mentoring, flexible])
        GoodPracticeStoryPageFactory(parent=index, title="B", topics=[flexible])
        GoodPracticeStoryPageFactory(parent=index, title="C")
        assert titles(client.get(index.url, {"topic": mentoring.pk})) == ["A"]
        assert sorted(titles(client.get(index.url, {"topic": flexible.pk}))) == ["A", "B"]
        html = client.get(index.url).content.decode()
        assert "<li>Mentoring</li>" in html

    def test_filter_by_unit_includes_sub_units(self, client, index):
        region = OrganisationUnitFactory(name="Eastern Region", kind=UnitKind.REGION)
        force = OrganisationUnitFactory(name="Essex Police", parent=region)
        department = OrganisationUnitFactory(name="Essex HR", parent=force)
        other = OrganisationUnitFactory(name="Kent Police")
        GoodPracticeStoryPageFactory(parent=index, title="Region", unit=region)
        GoodPracticeStoryPageFactory(parent=index, title="Force", unit=force)
        GoodPracticeStoryPageFactory(parent=index, title="Department", unit=department)
        GoodPracticeStoryPageFactory(parent=index, title="Kent", unit=other)
        GoodPracticeStoryPageFactory(parent=index, title="No unit")
        found = set(titles(client.get(index.url, {"unit": region.pk})))
        assert found == {"Region", "Force", "Department"}
        assert set(titles(client.get(index.url, {"unit": force.pk}))) == {"Force", "Department"}
        assert titles(client.get(index.url, {"unit": other.pk})) == ["Kent"]

    def test_filter_by_year_and_combined(self, client, index):
        topic = TopicFactory()
        GoodPracticeStoryPageFactory(parent=index, title="2024", date=date(2024, 3, 1))
        GoodPracticeStoryPageFactory(
            parent=index, title="2025 on topic", date=date(2025, 3, 1), topics=[topic]
        )
        GoodPracticeStoryPageFactory(parent=index, title="2025", date=date(2025, 9, 1))
        response = client.get(index.url)
        assert response.context["filter_form"].fields["year"].choices[1:] == [
            ("2025", "2025"),
            ("2024", "2024"),
        ]
        assert titles(client.get(index.url, {"year": "2024"})) == ["2024"]
        assert titles(client.get(index.url, {"year": 2025, "topic": topic.pk})) == ["2025 on topic"]
        html = client.get(index.url, {"year": "2024"}).content.decode()
        assert "No story matches" not in html
        assert (
            "No story matches"
            in client.get(index.url, {"topic": topic.pk, "year": "2024"}).content.decode()
        )

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"topic": "abc"}, "There is no such topic"),
            ({"topic": "99999"}, "There is no such topic"),
            ({"unit": "x'; --"}, "There is no such unit"),
            ({"unit": "9" * 30}, "There is no such unit"),
            ({"year": "1999"}, "There are no stories from that year"),
            ({"year": "twenty"}, "There are no stories from that year"),
        ],
    )
    def test_bad_filters_are_a_400_with_a_message(self, client, index, params, message):
        GoodPracticeStoryPageFactory(parent=index, date=date(2025, 1, 1))
        response = client.get(index.url, params)
        assert response.status_code == 400
        assert message in response.content.decode()

    def test_unit_of_another_language_is_refused(self, client, index, locales):
        french_unit = OrganisationUnitFactory(locale=locales["fr"])
        assert client.get(index.url, {"unit": french_unit.pk}).status_code == 400

    def test_empty_filters_and_other_parameters_are_ignored(self, client, index):
        GoodPracticeStoryPageFactory(parent=index)
        response = client.get(index.url, {"topic": "", "unit": "", "year": "", "utm": "x"})
        assert response.status_code == 200
        assert len(titles(response)) == 1


class TestPagination:
    @override_settings(WAGTAIL_ALLYSHIP={"STORIES_PER_PAGE": 5})
    def test_pages_and_bad_page_numbers(self, client, index):
        add_stories(index, 12)
        first = client.get(index.url)
        assert len(titles(first)) == 5 and titles(first)[0] == "Story 11"
        assert 'rel="next" href="?page=2"' in first.content.decode()
        third = client.get(index.url, {"page": 3})
        assert titles(third) == ["Story 1", "Story 0"]
        for bad in ("abc", "", "2.5", "-1"):
            response = client.get(index.url, {"page": bad})
            assert response.status_code == 200, bad
        assert titles(client.get(index.url, {"page": "abc"}))[0] == "Story 11"
        assert titles(client.get(index.url, {"page": 999})) == ["Story 1", "Story 0"]

    @override_settings(WAGTAIL_ALLYSHIP={"STORIES_PER_PAGE": 2})
    def test_filters_are_kept_from_page_to_page(self, client, index):
        topic = TopicFactory()
        for _number in range(3):
            GoodPracticeStoryPageFactory(parent=index, topics=[topic])
        html = client.get(index.url, {"topic": topic.pk}).content.decode()
        assert f'href="?topic={topic.pk}&amp;page=2"' in html


class TestQueries:
    def test_index_queries_do_not_grow(self, client, index, django_assert_max_num_queries):
        topics = TopicFactory.create_batch(3)
        region = OrganisationUnitFactory(kind=UnitKind.REGION)
        units = [OrganisationUnitFactory(parent=region) for _ in range(3)]
        Image = get_image_model()
        image = Image.objects.create(title="Team", file=get_test_image_file())
        counts = []
        for size in (40, 400):
            start = index.get_children().count()
            stories = add_stories(index, size - start)
            GoodPracticeStoryTopic.objects.bulk_create(
                GoodPracticeStoryTopic(
                    page_id=story.pk, topic=topics[n % 3], locale_id=story.locale_id, sort_order=0
                )
                for n, story in enumerate(stories)
            )
            for n, unit in enumerate(units):
                GoodPracticeStoryPage.objects.filter(pk__in=[s.pk for s in stories[n::3]]).update(
                    unit=unit, image_alt="The team"
                )
            GoodPracticeStoryPage.objects.filter(pk__in=[s.pk for s in stories[1::2]]).update(
                image=image
            )
            for params in ({}, {"topic": topics[0].pk, "unit": region.pk, "year": 2025}):
                client.get(index.url, params)  # warm caches and renditions
                with django_assert_max_num_queries(21) as captured:
                    response = client.get(index.url, params)
                assert response.status_code == 200
                assert response.context["stories"]
                counts.append(len(captured))
        assert counts[0] == counts[2] and counts[1] == counts[3], counts

    def test_feed_queries_do_not_grow(self, client, index, django_assert_max_num_queries):
        topics = TopicFactory.create_batch(3)
        counts = []
        for size in (40, 400):
            stories = add_stories(index, size - index.get_children().count())
            GoodPracticeStoryTopic.objects.bulk_create(
                GoodPracticeStoryTopic(
                    page_id=story.pk, topic=topics[n % 3], locale_id=story.locale_id, sort_order=0
                )
                for n, story in enumerate(stories)
            )
            client.get(index.url + "feed/")
            with django_assert_max_num_queries(12) as captured:
                response = client.get(index.url + "feed/")
            assert response.status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1], counts


def parse_xml(response) -> ET.Element:
    """Our own feed, not untrusted input."""
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314


def rss_items(response) -> list[ET.Element]:
    return parse_xml(response).findall("./channel/item")


class TestFeeds:
    def test_rss(self, client, index):
        topic = TopicFactory(name="Mentoring")
        GoodPracticeStoryPageFactory(parent=index, title="Older", date=date(2024, 1, 1))
        newer = GoodPracticeStoryPageFactory(
            parent=index, title="Newer", date=date(2025, 1, 1), topics=[topic]
        )
        response = client.get(index.url + "feed/")
        assert response["Content-Type"].startswith("application/rss+xml")
        root = parse_xml(response)
        assert root.findtext("./channel/language") == "en"
        assert root.findtext("./channel/title") == index.title
        items = root.findall("./channel/item")
        assert [item.findtext("title") for item in items] == ["Newer", "Older"]
        assert items[0].findtext("link") == newer.get_full_url()
        assert items[0].findtext("category") == "Mentoring"
        assert items[0].findtext("pubDate")

    def test_atom(self, client, index):
        GoodPracticeStoryPageFactory(parent=index, title="Story", summary="Summary text")
        response = client.get(index.url + "feed/atom/")
        assert response["Content-Type"].startswith("application/atom+xml")
        root = parse_xml(response)
        entries = root.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Story"]
        assert entries[0].findtext(f"{ATOM}summary") == "Summary text"

    def test_text_is_escaped(self, client, index):
        GoodPracticeStoryPageFactory(
            parent=index, title="Pay & <b>parity</b>", summary="<script>x()</script> & more"
        )
        response = client.get(index.url + "feed/")
        raw = response.content.decode()
        assert "<script>" not in raw and "<b>" not in raw
        item = rss_items(response)[0]
        # Feed readers read titles and descriptions as HTML: the text is escaped once more.
        assert item.findtext("title") == "Pay &amp; &lt;b&gt;parity&lt;/b&gt;"
        assert item.findtext("description") == "&lt;script&gt;x()&lt;/script&gt; &amp; more"

    def test_feed_per_language(self, client, index, locales):
        topic = TopicFactory(name="Mentoring")
        translate(topic, locales["fr"], {"Mentoring": "Mentorat"})
        story = GoodPracticeStoryPageFactory(parent=index, title="Mentoring works", topics=[topic])
        translate(index, locales["fr"], {index.title: "Récits de bonnes pratiques"})
        french_story = translate(story, locales["fr"], {"Mentoring works": "Le mentorat marche"})
        french_index = index.get_translation(locales["fr"])
        GoodPracticeStoryPageFactory(parent=index, title="English only")
        english = [i.findtext("title") for i in rss_items(client.get(index.url + "feed/"))]
        response = client.get(french_index.url + "feed/")
        french = rss_items(response)
        assert set(english) == {"Mentoring works", "English only"}
        assert [i.findtext("title") for i in french] == ["Le mentorat marche"]
        assert french[0].findtext("category") == "Mentorat"
        assert parse_xml(response).findtext("./channel/language") == "fr"
        assert french_story.topics[0].locale == locales["fr"]

    def test_index_page_links_to_its_feeds(self, client, index):
        html = client.get(index.url).content.decode()
        assert 'type="application/rss+xml"' in html and 'href="/stories/feed/"' in html
        assert 'type="application/atom+xml"' in html and 'href="/stories/feed/atom/"' in html


class TestStoryPage:
    def test_related_resources(self, client, index, django_assert_max_num_queries):
        hub = ResourceHubPageFactory(title="Resources")
        guide = ResourcePageFactory(parent=hub, title="Mentoring guide", summary="How to start.")
        draft = ResourcePageFactory(parent=hub, title="Draft deck", publish=False)
        course = ResourcePageFactory(parent=hub, title="<Course>")
        story = GoodPracticeStoryPageFactory(
            parent=index,
            body=[
                (
                    "related_resources",
                    {"heading": "", "resources": [guide, draft, course]},
                ),
            ],
        )
        with django_assert_max_num_queries(16):
            html = client.get(story.url).content.decode()
        assert "<h2>Related resources</h2>" in html
        assert f'<a href="{guide.url}">Mentoring guide</a>: How to start.' in html
        assert "&lt;Course&gt;" in html
        assert "Draft deck" not in html

    def test_body_blocks(self, client, index):
        story = GoodPracticeStoryPageFactory(
            parent=index,
            body=[
                ("paragraph", "<p>How it <b>started</b>.</p>"),
                ("quote", {"text": "Named words", "attribution": "Sergeant, Essex Police"}),
                ("quote", {"text": "Anonymous words", "attribution": ""}),
                (
                    "lessons_learned",
                    {"heading": "", "lessons": ["Start small", "Ask <women> first"]},
                ),
                (
                    "outcome_figures",
                    {
                        "heading": "",
                        "figures": [
                            {"value": "60", "label": "allies recruited"},
                            {"value": "80 %", "label": "found it useful"},
                        ],
                    },
                ),
            ],
        )
        html = client.get(story.url).content.decode()
        assert "How it <b>started</b>." in html
        assert "<figcaption>Sergeant, Essex Police</figcaption>" in html
        anonymous = html[html.index("Anonymous words") :]
        assert "<figcaption>" not in anonymous[: anonymous.index("</figure>")]
        assert "<h2>Lessons learned</h2>" in html
        assert "<li>Ask &lt;women&gt; first</li>" in html
        assert "<h2>Outcomes</h2>" in html
        assert "<dt>allies recruited</dt><dd>60</dd>" in html

    def test_video_falls_back_to_a_link_without_network(self, client, index):
        class Unreachable:
            def accept(self, url):
                return True

            def find_embed(self, url, max_width=None, max_height=None):
                raise EmbedNotFoundException("offline")

        story = GoodPracticeStoryPageFactory(
            parent=index,
            body=[
                (
                    "video",
                    {
                        "url": "https://video.example/watch?v=1",
                        "title": "Our story",
                        "transcript": "",
                    },
                )
            ],
        )
        with mock.patch("wagtail.embeds.embeds.get_finders", return_value=[Unreachable()]):
            html = client.get(story.url).content.decode()
        assert '<a href="https://video.example/watch?v=1">Our story</a>' in html
        assert "Watch the video:" in html

    def test_meta_topics_image_and_back_link(self, client, index):
        unit = OrganisationUnitFactory(name="Essex Police")
        Image = get_image_model()
        image = Image.objects.create(title="Team", file=get_test_image_file())
        story = GoodPracticeStoryPageFactory(
            parent=index,
            organisation_name="HeForShe network",
            unit=unit,
            date=date(2025, 3, 8),
            topics=[TopicFactory(name="Mentoring")],
            image=image,
            image_alt="Five officers at a mentoring session",
        )
        html = client.get(story.url).content.decode()
        assert "HeForShe network · Essex Police" in " ".join(html.split())
        assert "<li>Mentoring</li>" in html
        assert 'alt="Five officers at a mentoring session"' in html
        assert f'href="{index.url}"' in html

    def test_image_needs_a_description_unless_decorative(self, index):
        Image = get_image_model()
        image = Image.objects.create(title="Team", file=get_test_image_file())
        story = GoodPracticeStoryPageFactory.build(image=image, image_alt="")
        with pytest.raises(ValidationError) as caught:
            story.clean()
        assert "image_alt" in caught.value.message_dict
        story.image_is_decorative = True
        story.clean()

    def test_copy_keeps_topics(self, index):
        topic = TopicFactory(name="Mentoring")
        story = GoodPracticeStoryPageFactory(parent=index, topics=[topic])
        copy = story.copy(update_attrs={"slug": "copy", "title": "Copy"})
        assert copy.topics == [topic]
        assert GoodPracticeStoryTopic.objects.count() == 2

    def test_translation_maps_topics_and_unit(self, index, locales):
        topic = TopicFactory(name="Mentoring")
        unit = OrganisationUnitFactory(name="Essex Police")
        translate(topic, locales["fr"], {"Mentoring": "Mentorat"})
        translate(unit, locales["fr"], {})
        translate(index, locales["fr"], {})
        story = GoodPracticeStoryPageFactory(parent=index, topics=[topic], unit=unit)
        french = translate(story, locales["fr"], {})
        assert [t.name for t in french.topics] == ["Mentorat"]
        assert french.unit.locale == locales["fr"]


class TestAdmin:
    def form_data(self, index, topic=None, **values):
        data = {
            "title": "Mentoring that works",
            "slug": "mentoring-that-works",
            "organisation_name": "Northshire Police",
            "unit": "",
            "date": "2025-03-08",
            "summary": "Twelve mentoring pairs in a year.",
            "image": "",
            "image_alt": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>How it went.</p>")),
                    ("quote", {"text": "It helped.", "attribution": ""}),
                ]
            ),
            "topic_links": inline_formset([{"topic": topic.pk}] if topic else []),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
        data.update(values)
        return nested_form_data(data)

    def add_url(self, parent):
        return reverse(
            "wagtailadmin_pages:add", args=("wagtail_allyship", "goodpracticestorypage", parent.pk)
        )

    def test_create_with_topics(self, admin_client, index, locales):
        topic = TopicFactory(name="Mentoring")
        french_topic = TopicFactory(name="Mentorat", locale=locales["fr"])
        form_page = admin_client.get(self.add_url(index))
        assert form_page.status_code == 200
        html = form_page.content.decode()
        assert ">Mentoring</option>" in html and ">Mentorat</option>" not in html
        response = admin_client.post(self.add_url(index), self.form_data(index, topic))
        assert response.status_code == 302, response.context["form"].errors
        story = GoodPracticeStoryPage.objects.get()
        assert story.live and story.topics == [topic]
        assert french_topic not in story.topics

    def test_topic_of_another_language_is_refused(self, admin_client, index, locales):
        french_topic = TopicFactory(name="Mentorat", locale=locales["fr"])
        response = admin_client.post(self.add_url(index), self.form_data(index, french_topic))
        assert response.status_code == 200
        assert not GoodPracticeStoryPage.objects.exists()

    def test_bad_input_saves_nothing(self, admin_client, index):
        response = admin_client.post(
            self.add_url(index), self.form_data(index, organisation_name="", date="2025-02-31")
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert {"organisation_name", "date"} <= set(errors)
        assert not GoodPracticeStoryPage.objects.exists()

    def test_admin_preview(self, admin_client, index):
        topic = TopicFactory(name="Mentoring")
        story = GoodPracticeStoryPageFactory(parent=index)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
        assert admin_client.post(url, self.form_data(index, topic)).json()["is_valid"]
        html = admin_client.get(url).content.decode()
        assert "Mentoring that works" in html and "<li>Mentoring</li>" in html
        index_url = reverse("wagtailadmin_pages:preview_on_edit", args=[index.pk])
        data = nested_form_data(
            {
                "title": "Stories draft",
                "slug": "stories",
                "introduction": rich_text(""),
                "comments": inline_formset([]),
            }
        )
        assert admin_client.post(index_url, data).json()["is_valid"]
        assert "Stories draft" in admin_client.get(index_url).content.decode()

    def test_cannot_add_a_story_outside_an_index(self, admin_client, home):
        response = admin_client.get(self.add_url(home))
        assert response.status_code in (302, 403)
