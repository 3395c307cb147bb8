"""The demo's step 1 content, calendar and stories, in English, French and Arabic."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from intranet import demo_sessions
from wagtail_allyship.models import (
    AllyRoleProfilePage,
    AwarenessDate,
    CalendarPage,
    GlossaryTerm,
    GoodPracticeIndexPage,
    GoodPracticeStoryPage,
    RecruitmentArticlePage,
)


def test_demo_has_calendar_and_stories_in_three_languages(demo_content, client):
    for code in ("en", "fr", "ar"):
        calendar = CalendarPage.objects.get(locale__language_code=code)
        index = GoodPracticeIndexPage.objects.get(locale__language_code=code)
        home = calendar.get_parent()
        assert home.depth == 2 and index.get_parent().pk == home.pk
        assert calendar.live and index.live and calendar.show_in_menus and index.show_in_menus
        stories = GoodPracticeStoryPage.objects.child_of(index).live()
        assert stories.count() == 2
        # The past sessions of the sessions demo (intranet.demo_sessions) are in English only.
        past_sessions = len(demo_sessions.PAST_SESSIONS) if code == "en" else 0
        assert AwarenessDate.objects.filter(locale__language_code=code).count() == 28 + (
            past_sessions
        )
        assert AwarenessDate.objects.filter(locale__language_code=code).next_session()
    client.force_login(get_user_model().objects.get(username="ally"))
    french = CalendarPage.objects.get(locale__language_code="fr")
    html = client.get(french.url).content.decode()
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
    assert "Devenez allié : Police du Southvale" in html
    for code in ("fr", "ar"):
        assert AllyRoleProfilePage.objects.filter(locale__language_code=code, live=True).exists()
        assert GlossaryTerm.objects.filter(locale__language_code=code).count() == 11
        assert RecruitmentArticlePage.objects.filter(locale__language_code=code).count() == 3
