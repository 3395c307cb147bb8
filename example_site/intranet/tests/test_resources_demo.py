"""The example intranet's resource hub: 45 resources in three languages, and what allies see.

Each test loads the whole demo (``demo_content``, some 25 s), so the checks come in two tests.
"""

from __future__ import annotations

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation, TranslationSource

from intranet import demo_resources
from wagtail_allyship.models import (
    Audience,
    ResourceHubPage,
    ResourcePage,
    ResourceTopic,
    ResourceType,
    ToolkitStep,
    Topic,
)
from wagtail_allyship.resources.models import ResourceTag, TaggedResource, overdue_resources
from wagtail_allyship.starter import calendar as starter_calendar
from wagtail_allyship.starter.loader import starter_key

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


@pytest.fixture
def ally_client(client):
    client.force_login(get_user_model().objects.get(username="ally"))
    return client


def card_languages(html: str) -> dict[str, str]:
    """The title of each resource card on a hub page, and the language it is marked up in."""
    soup = BeautifulSoup(html, "html.parser")
    languages = {}
    for card in soup.select(".allyship-resource-card"):
        link = card.select_one(".allyship-resource-title a")
        marked = [link, *link.parents]
        languages[link.get_text(strip=True)] = next(e["lang"] for e in marked if e.get("lang"))
    return languages


def resources(code: str):
    return ResourcePage.objects.live().filter(locale__language_code=code)


def snapshot() -> dict:
    """Every row the resources part of the demo adds, to compare a second run with the first."""
    pages = ResourcePage.objects.order_by("pk").values_list(
        "pk", "locale_id", "title", "slug", "summary", "duration", "review_date", "document_id"
    )
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "path", "live")),
        "resources": list(pages),
        "topics": list(ResourceTopic.objects.order_by("pk").values_list("pk", "page_id", "topic")),
        "tags": list(
            TaggedResource.objects.order_by("pk").values_list("pk", "content_object_id", "tag")
        ),
        "documents": list(
            get_document_model().objects.order_by("pk").values_list("pk", "file", "file_hash")
        ),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "sources": TranslationSource.objects.count(),
    }


def test_demo_resources_cover_everything_in_three_languages_once(
    demo_content, django_capture_on_commit_callbacks
):
    english = resources("en")
    assert english.count() == len(demo_resources.RESOURCES) >= 40
    assert set(english.values_list("resource_type", flat=True)) == set(ResourceType.values)
    assert set(english.values_list("audience", flat=True)) == set(Audience.values)
    steps = set(english.values_list("toolkit_step", flat=True))
    assert steps >= set(ToolkitStep.values) and None in steps
    topic_keys = set(
        ResourceTopic.objects.filter(page__in=english).values_list(
            "topic__translation_key", flat=True
        )
    )
    demo_topics = set(
        Topic.objects.filter(locale__language_code="en").values_list("translation_key", flat=True)
    )
    assert demo_topics == {starter_key(f"topic:{key}") for key, *_ in starter_calendar.TOPICS}
    assert topic_keys == demo_topics, "every topic of the demo has resources"
    tags = set(
        ResourceTag.objects.filter(tagged_items__content_object__in=english).values_list(
            "name", flat=True
        )
    )
    assert {"induction", "meetings", "leaders", "wellbeing"} <= tags

    for resource in english:
        assert resource.document_id or resource.external_url or resource.video_url, resource
        assert resource.owner_unit.locale_id == resource.locale_id
        assert resource.review_date
        for url in (resource.external_url, resource.video_url):
            assert not url or ".example.org/" in url, url
    with_files = english.filter(document__isnull=False).select_related("document")
    file_types = {
        ResourceType.DOCUMENT,
        ResourceType.PRESENTATION_TEMPLATE,
        ResourceType.DOCUMENT_TEMPLATE,
        ResourceType.BRANDING,
    }
    assert set(with_files.values_list("resource_type", flat=True)) >= file_types
    assert {r.document.file_extension for r in with_files} == {"pdf", "docx", "svg"}
    for resource in with_files:
        assert 0 < resource.document.file_size < 10_000
    pdf = english.get(slug="male-allyship-programme-overview").document
    with pdf.open_file() as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
    assert len(content) == pdf.file_size

    overdue = overdue_resources().filter(locale__language_code="en")
    assert overdue.count() == 3
    assert all(resource.needs_review for resource in overdue)
    assert english.filter(review_date__gte=timezone.localdate()).count() == english.count() - 3

    # The hub, in the menu, in three languages; all but five resources translated.
    untranslated = [data for data in demo_resources.RESOURCES if not data.fr]
    assert len(untranslated) == 5
    for code, title in (("en", "Resources"), ("fr", "Ressources"), ("ar", "الموارد")):
        hub = ResourceHubPage.objects.get(locale__language_code=code)
        assert hub.title == title and hub.live and hub.show_in_menus
        assert hub.get_parent().depth == 2
        if code != "en":
            assert resources(code).child_of(hub).count() == english.count() - len(untranslated)
    french = resources("fr").get(slug="male-allyship-programme-overview")
    assert french.title == "Présentation du programme des alliés masculins"
    assert french.summary.startswith("Un résumé de quatre pages")
    assert french.duration == "4 pages" and "Téléchargez le fichier" in french.body
    arabic = resources("ar").get(slug="pledge-planning-template")
    assert arabic.title == "نموذج لتخطيط التعهّد"
    assert arabic.duration == "صفحة واحدة"
    # Topics and owner units of translations are those of their language.
    assert not ResourceTopic.objects.exclude(topic__locale=F("page__locale")).exists()
    assert not ResourcePage.objects.exclude(owner_unit__locale=F("locale")).exists()
    assert [topic.name for topic in arabic.topics] == ["الإرشاد"]
    assert arabic.owner_unit.name == "الفريق الوطني للحلفاء"
    source = resources("en").get(slug="pledge-planning-template")
    # Synchronised fields follow the English resource.
    assert arabic.document_id == source.document_id
    assert arabic.review_date == source.review_date
    assert arabic.tag_names == source.tag_names == ["induction"]
    assert arabic.resource_type == ResourceType.DOCUMENT_TEMPLATE

    # A second run of the demo adds nothing and changes nothing.
    first = snapshot()
    translated = sum(1 for data in demo_resources.RESOURCES if data.fr)
    assert len(first["resources"]) == len(demo_resources.RESOURCES) + 2 * translated
    assert len(first["documents"]) >= 20
    with django_capture_on_commit_callbacks(execute=True):
        call_command("allyship_demo", stdout=StringIO())
    assert snapshot() == first


def test_ally_opens_the_hub_in_three_languages(demo_content, ally_client):
    response = ally_client.get("/resources/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert response.context["hub"].resources.paginator.count == len(demo_resources.RESOURCES)
    assert "Not yet translated" not in html
    assert 'href="/resources/"' in ally_client.get("/").content.decode(), "the hub is in the menu"

    response = ally_client.get("/fr/resources/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html and "<h1>Ressources</h1>" in html
    # The five resources not yet translated are the newest: they open the first page, in
    # English, labelled.
    assert html.count("Pas encore traduit") == 5
    cards = card_languages(html)
    assert list(cards.values()).count("en") == 5 and list(cards.values()).count("fr") == 15
    assert cards["Trans inclusion at work: a briefing for allies"] == "en"
    assert "Mentorat" in html and "Santé et bien-être" in html  # topics in French
    listed = response.context["hub"].resources.paginator.count
    assert listed == len(demo_resources.RESOURCES)

    response = ally_client.get("/ar/resources/", {"type": "document-template"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "<h1>الموارد</h1>" in html
    titles = [page.title for page in response.context["hub"].resources.object_list]
    assert "نموذج لتخطيط التعهّد" in titles
    assert "Allies' network meeting agenda" in titles  # not yet translated
    assert html.count("لم يُترجم بعد") == 1
    assert "الإرشاد" in html  # the Mentoring topic, in Arabic

    page = ally_client.get("/ar/resources/pledge-planning-template/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'dir="rtl"' in html and "تنزيل «Pledge planning template» (DOCX)" in html
    document = get_document_model().objects.get(title="Pledge planning template")
    assert f'href="{document.url}"' in html
    assert document.url.endswith("/pledge-planning-template.docx")
    # The file itself (a Word file is a zip); the browser journey downloads it for real.
    with document.file.open("rb") as file:
        assert file.read().startswith(b"PK")

    video = ally_client.get("/fr/resources/why-allies-matter-a-message-from-the-chief-constable/")
    assert video.status_code == 200
    # No network: the video is a plain link.
    assert "Regarder la vidéo" in video.content.decode()


def test_two_resources_show_an_image_on_their_cards(demo_content, ally_client):
    with_image = ResourcePage.objects.filter(locale__language_code="en", image__isnull=False)
    assert {page.translation_key for page in with_image} == {
        demo_resources.resource_key(data)
        for data in demo_resources.RESOURCES
        if data.key in ("programme-overview", "menopause-at-work")
    }
    decorative = with_image.get(image_is_decorative=True)
    assert not decorative.image_alt
    for prefix, alt in (("", "Five colleagues talking around a meeting table"), ("/fr", "Cinq")):
        response = ally_client.get(f"{prefix}/resources/")
        pages = [response.content.decode()] + [
            ally_client.get(f"{prefix}/resources/", {"page": number}).content.decode()
            for number in response.context["hub"].resources.paginator.page_range[1:]
        ]
        html = "".join(pages)
        assert html.count("fill-480x270") == 2, prefix
        assert f'alt="{alt}' in html and 'alt=""' in html, prefix
