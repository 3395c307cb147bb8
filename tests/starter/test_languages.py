"""The starter content in every language of the site: translations wagtail-localize knows."""

from __future__ import annotations

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import GlossaryPageFactory
from wagtail_allyship.models import (
    AllyAction,
    AllyRoleProfilePage,
    AwarenessDate,
    CalendarPage,
    GlossaryPage,
    GlossaryTerm,
    RecruitmentArticlePage,
    Topic,
)
from wagtail_allyship.recruitment.tokens import translated_string_error, used_tokens
from wagtail_allyship.starter import catalogue, step1
from wagtail_allyship.starter.loader import starter_key
from wagtail_allyship.starter.texts import SHIPPED
from wagtail_allyship.text import placeholders
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "pt": "Portuguese"}
SNIPPETS = (Topic, AwarenessDate, AllyAction, GlossaryTerm)
PAGES = (AllyRoleProfilePage, RecruitmentArticlePage, CalendarPage)
ALL_ITEMS = list(catalogue.item_keys())


def site_languages(settings, *codes: str) -> dict[str, Locale]:
    """The site has these languages (English first), its home page translated into each."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        (code, NAMES[code]) for code in ("en", *codes)
    ]
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    for locale in locales.values():
        if not home.has_translation(locale):
            translate(home, locale, {})
    return {"en": Locale.objects.get(language_code="en"), **locales}


def run(*args) -> str:
    out = StringIO()
    call_command("allyship_starter", *args, stdout=out)
    return out.getvalue()


def english(obj):
    return obj.get_translation(Locale.objects.get(language_code="en"))


def starter_objects():
    keys = {starter_key(key) for key in ALL_ITEMS}
    return [
        obj for model in (*SNIPPETS, Page) for obj in model.objects.filter(translation_key__in=keys)
    ]


def footprint() -> dict[str, int]:
    """How many rows of each kind there are: a second load must not change any of them."""
    return {
        model.__name__: model.objects.count()
        for model in (
            *SNIPPETS,
            Page,
            Revision,
            PageLogEntry,
            TranslationSource,
            Translation,
            StringTranslation,
        )
    }


def english_sentences() -> set[str]:
    """The English starter texts a reader would recognise: every string of two words or more,
    but not the titles of cited sources (a source keeps its own language) or bare tokens."""
    sources = {step1.UN_WOMEN_ECA_ACTIONS[0], *(source[0] for *_rest, source in step1.GLOSSARY)}
    found = set()
    for key in ALL_ITEMS:
        for text in catalogue.strings("en", key):
            text = html.unescape(re.sub(r"<[^>]+>", "", text))
            if " " in text and text not in sources and not placeholders.TOKEN_RE.fullmatch(text):
                found.add(text)
    return found


def page_text(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


class TestTexts:
    """The starter texts themselves: no database."""

    @pytest.mark.parametrize("language", [code for code in SHIPPED if code != "en"])
    def test_every_item_pairs_off_string_by_string(self, language):
        for key in ALL_ITEMS:
            english_strings = catalogue.strings("en", key)
            assert len(catalogue.strings(language, key)) == len(english_strings), key
            assert len(catalogue.translations("en", language, key)) == len(set(english_strings))

    @pytest.mark.parametrize("language", [code for code in SHIPPED if code != "en"])
    def test_tokens_are_kept_and_the_guard_accepts_them(self, language):
        checked = 0
        for key in ALL_ITEMS:
            for original, translation in catalogue.translations("en", language, key).items():
                assert translated_string_error(original, translation) is None, (key, original)
                checked += bool(placeholders.find_tokens(original))
        assert checked == 5  # the template's title, heading, button label and link, contact

    @pytest.mark.parametrize("language", [code for code in SHIPPED if code != "en"])
    def test_written_in_the_language_not_copied(self, language):
        copied = {
            original
            for key in ALL_ITEMS
            for original, translation in catalogue.translations("en", language, key).items()
            if original == translation and original in english_sentences()
        }
        # Proper names and the UN's own names for an event read the same in some languages.
        assert copied <= {"CSW69 / Beijing+30"}, copied


def test_every_item_in_every_language_as_an_up_to_date_translation(settings):
    locales = site_languages(settings, "fr", "es", "ar", "pt")
    output = run("--publish")
    assert "Translations: 268 created, 0 already there." in output
    for key in ALL_ITEMS:
        originals = [obj for obj in starter_objects() if obj.translation_key == starter_key(key)]
        assert {obj.locale.language_code for obj in originals} == set(SHIPPED), key
    sources = TranslationSource.objects.filter(
        object_id__in=[starter_key(key) for key in ALL_ITEMS]
    )
    assert sources.count() == len(ALL_ITEMS)
    assert {source.locale_id for source in sources} == {locales["en"].pk}
    translations = Translation.objects.filter(source__in=sources).select_related("source")
    assert translations.count() == len(ALL_ITEMS) * 4
    for translation in translations:
        total, done = translation.get_progress()
        assert total and total == done, translation.source.object_repr
        assert str(translation.get_status_display()) == "Up to date"
        assert translation.enabled
    made = StringTranslation.objects.filter(
        locale__in=[locales[c] for c in ("fr", "es", "ar", "pt")]
    )
    assert not made.filter(has_error=True).exists()
    assert set(made.values_list("translation_type", flat=True)) == {"manual"}
    english_template = RecruitmentArticlePage.objects.get(locale=locales["en"])
    tokens = used_tokens(english_template.title, english_template.body)
    assert set(tokens) == {"FORCE NAME", "SIGN-UP LINK", "CONTACT NAME", "CONTACT EMAIL"}
    for code in ("fr", "es", "ar", "pt"):
        template = RecruitmentArticlePage.objects.get(locale=locales[code])
        template.full_clean()  # the guard: a translation that lost a token is refused here
        assert used_tokens(template.title, template.body) == tokens, code
        assert english(template).pk == english_template.pk
    assert RecruitmentArticlePage.objects.get(locale=locales["pt"]).title == (
        "Seja um aliado: [FORCE NAME]"
    )
    assert all(page.live for page in Page.objects.filter(locale=locales["es"], depth=3))
    assert AllyAction.objects.get(
        locale=locales["es"], translation_key=starter_key("action:listen")
    ).title == ("Escuchar a las mujeres de tu entorno")


def test_second_run_creates_nothing_and_a_new_language_gets_only_its_own(settings):
    locales = site_languages(settings, "fr")
    output = run()
    assert "Translations: 67 created" in output
    assert not Page.objects.filter(locale=locales["fr"], depth=3, live=True).exists()
    assert {obj.locale.language_code for obj in starter_objects()} == {"en", "fr"}
    before = footprint()
    output = run()
    assert footprint() == before
    assert "0 created, 67 already there" in output
    french = {
        (type(obj), obj.pk): str(obj)
        for obj in starter_objects()
        if obj.locale_id == locales["fr"].pk
    }
    action = AllyAction.objects.get(
        locale=locales["fr"], translation_key=starter_key("action:mentor")
    )
    action.title = "Mentorat (revu par un éditeur)"
    action.save()

    locales = site_languages(settings, "fr", "ar")
    output = run("--publish")
    assert "Translations: 67 created, 67 already there." in output
    after = footprint()
    assert after["AllyAction"] == before["AllyAction"] + 14
    assert after["Translation"] == before["Translation"] + 68  # and the home page's
    still_french = {
        (type(obj), obj.pk): str(obj)
        for obj in starter_objects()
        if obj.locale_id == locales["fr"].pk
    }
    assert still_french == {**french, (AllyAction, action.pk): "Mentorat (revu par un éditeur)"}
    assert all(page.live for page in Page.objects.filter(locale=locales["ar"], depth=3))


def test_pages_wait_for_their_parent_in_that_language(settings):
    site_languages(settings, "fr")
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("en", "English"),
        ("fr", "French"),
        ("es", "Spanish"),
    ]
    spanish = Locale.objects.create(language_code="es")
    output = run("--publish")
    assert "not translated, its parent page has no version in that language" in output
    assert AllyAction.objects.filter(locale=spanish).count() == 14
    assert not Page.objects.filter(locale=spanish).exists()
    assert RecruitmentArticlePage.objects.filter(locale__language_code="fr").exists()


def test_no_translations_on_request(locales):
    run("--no-translations", "--no-pages")
    assert not AllyAction.objects.exclude(locale=locales["en"]).exists()
    assert not Translation.objects.exists()


def test_originals_in_another_language(settings):
    locales = site_languages(settings, "fr")
    run("--locale", "fr", "--publish")
    french = AllyRoleProfilePage.objects.get(locale=locales["fr"])
    assert french.title == "Le profil de l'allié" and french.slug == "profil-de-l-allie"
    assert TranslationSource.objects.filter(locale=locales["fr"]).count() == len(ALL_ITEMS)
    profile = english(french)
    assert profile.title == step1.PROFILE_TITLE and profile.slug == "ally-role-profile"
    for translation in Translation.objects.all():
        total, done = translation.get_progress()
        assert total == done
    term = GlossaryTerm.objects.get(locale=locales["en"], slug="gender-equity")
    assert "<em>gender equality</em>" in term.definition


def render_all(client, locale) -> dict[str, tuple[str, int]]:
    """Each starter page of ``locale`` and a glossary page, as text, with its query count."""
    pages = [model.objects.get(locale=locale) for model in (*PAGES, GlossaryPage)]
    rendered = {}
    for page in pages:
        page_text(client, page)  # Wagtail caches the site's root paths on the first request
        with CaptureQueriesContext(connection) as queries:
            text = page_text(client, page)
        rendered[type(page).__name__] = (text, len(queries))
    return rendered


def test_french_and_arabic_pages_show_no_english_and_queries_do_not_grow(settings, client):
    locales = site_languages(settings, "fr", "ar")
    run("--publish")
    home = Page.objects.get(depth=2, locale=locales["en"])
    for code, title in (("en", "Glossary"), ("fr", "Glossaire"), ("ar", "مسرد المصطلحات")):
        GlossaryPageFactory(
            title=title, slug="glossary", parent=home.get_translation(locales[code])
        )
    sentences = english_sentences()
    rendered = {code: render_all(client, locales[code]) for code in ("en", "fr", "ar")}
    for page, (text, _count) in rendered["en"].items():
        assert any(sentence in text for sentence in sentences), page
    for code in ("fr", "ar"):
        for page, (text, _count) in rendered[code].items():
            left = sorted(sentence for sentence in sentences if sentence in text)
            assert not left, (code, page, left)
    assert "Le profil de l'allié" in rendered["fr"]["AllyRoleProfilePage"][0]
    assert "اليوم الدولي للمرأة" in rendered["ar"]["CalendarPage"][0]

    site_languages(settings, "fr", "ar", "es", "pt")
    run("--publish")
    for code in ("fr", "ar"):
        again = render_all(client, locales[code])
        assert {page: count for page, (_text, count) in again.items()} == {
            page: count for page, (_text, count) in rendered[code].items()
        }, code


def test_translators_find_them_in_wagtail_localize_editor(settings, admin_client):
    locales = site_languages(settings, "fr")
    run("--publish")
    action = AllyAction.objects.get(
        locale=locales["fr"], translation_key=starter_key("action:respect")
    )
    calendar = CalendarPage.objects.get(locale=locales["fr"])
    for url, text in (
        (
            reverse("wagtailsnippets_wagtail_allyship_allyaction:edit", args=[action.pk]),
            action.title,
        ),
        (reverse("wagtailadmin_pages:edit", args=[calendar.pk]), "Calendrier des alli"),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "wagtail_localize/admin/edit_translation.html" in [
            template.name for template in response.templates
        ]
        assert text in response.content.decode()
