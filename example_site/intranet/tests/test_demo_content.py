"""The demo's step 1 content, calendar and stories, in English, French and Arabic."""

import html as html_lib
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import Translation

from intranet import demo_circles, demo_sessions
from wagtail_allyship.models import (
    AllyRoleProfilePage,
    AwarenessDate,
    CalendarPage,
    GlossaryPage,
    GlossaryTerm,
    GoodPracticeIndexPage,
    GoodPracticeStoryPage,
    RecruitmentArticlePage,
)
from wagtail_allyship.starter import catalogue, step1
from wagtail_allyship.starter.loader import starter_key
from wagtail_allyship.text import placeholders


def test_demo_has_calendar_and_stories_in_three_languages(demo_content, client):
    for code in ("en", "fr", "ar"):
        calendar = CalendarPage.objects.get(locale__language_code=code)
        index = GoodPracticeIndexPage.objects.get(locale__language_code=code)
        home = calendar.get_parent()
        assert home.depth == 2 and index.get_parent().pk == home.pk
        assert calendar.live and index.live and calendar.show_in_menus and index.show_in_menus
        stories = GoodPracticeStoryPage.objects.child_of(index).live()
        assert stories.count() == 2
        # The past sessions of the sessions demo (intranet.demo_sessions) and the circle's
        # meetings (intranet.demo_circles) are in English only; the sessions demo's one-place
        # session is in every language.
        past_sessions = (
            len(demo_sessions.PAST_SESSIONS) + len(demo_circles.MEETINGS) if code == "en" else 0
        )
        assert AwarenessDate.objects.filter(locale__language_code=code).count() == 28 + 1 + (
            past_sessions
        )
        assert AwarenessDate.objects.filter(locale__language_code=code).next_session()
    client.force_login(get_user_model().objects.get(username="ally"))
    french = CalendarPage.objects.get(locale__language_code="fr")
    # Twelve months, so that 8 March is on the page whatever the day of the run.
    html = client.get(french.url + "?months=12").content.decode()
    assert "Journée internationale des droits des femmes" in html
    assert "Séance de bonnes pratiques" in html
    arabic_index = GoodPracticeIndexPage.objects.get(locale__language_code="ar")
    html = client.get(arabic_index.url).content.decode()
    assert 'dir="rtl"' in html and "حلقات الإرشاد في نورثشاير" in html


def test_demo_shows_step1_content_in_three_languages(demo_content, client):
    client.force_login(get_user_model().objects.get(username="ally"))
    home = client.get("/").content.decode()
    for title in ("The ally role profile", "Glossary", "Become an ally in Northshire Police"):
        assert title in home
    local = RecruitmentArticlePage.objects.get(
        unit__name="Southvale Police", locale__language_code="en"
    )
    html = client.get(local.url).content.decode()
    assert "Tom Evans" in html and "allies@southvale.example.org" in html
    french = local.get_translation(Locale.objects.get(language_code="fr"))
    html = client.get(french.url).content.decode()
    assert "Police du Southvale : devenez allié" in html
    for code in ("fr", "ar"):
        assert AllyRoleProfilePage.objects.filter(locale__language_code=code, live=True).exists()
        assert GlossaryTerm.objects.filter(locale__language_code=code).count() == 11
        assert RecruitmentArticlePage.objects.filter(locale__language_code=code).count() == 3


def english_starter_sentences() -> set[str]:
    """Every English starter string of two words or more, but not the titles of the sources
    cited (a source keeps its own language) or bare tokens."""
    sources = {step1.UN_WOMEN_ECA_ACTIONS[0], *(source[0] for *_rest, source in step1.GLOSSARY)}
    sentences = set()
    for key in catalogue.item_keys():
        for text in catalogue.strings("en", key):
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", text))
            if " " in text and text not in sources and not placeholders.TOKEN_RE.fullmatch(text):
                sentences.add(text)
    return sentences


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_french_and_arabic_starter_pages_show_no_english(demo_content, client, code):
    client.force_login(get_user_model().objects.get(username="ally"))
    locale = Locale.objects.get(language_code=code)
    pages = [
        model.objects.get(locale=locale)
        for model in (AllyRoleProfilePage, GlossaryPage, CalendarPage)
    ]
    pages += RecruitmentArticlePage.objects.filter(locale=locale)  # template and local versions
    sentences = english_starter_sentences()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        text = html_lib.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
        left = sorted(sentence for sentence in sentences if sentence in text)
        assert not left, (page.url, left)


def test_starter_translations_are_up_to_date_in_wagtail_localize(demo_content):
    keys = [starter_key(key) for key in catalogue.item_keys()]
    translations = Translation.objects.filter(source__object_id__in=keys)
    assert translations.count() == len(keys) * 2
    for translation in translations:
        total, done = translation.get_progress()
        assert total == done, translation.source.object_repr
