"""The starter command: what it loads, that it loads it once, and its errors."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from wagtail.models import Page

from tests.factories import OrganisationUnitFactory
from tests.offline import network_off  # noqa: F401  (fixture)
from wagtail_allyship.models import (
    ActionKind,
    AllyAction,
    AllyRoleProfilePage,
    GlossaryTerm,
    RecruitmentArticlePage,
)
from wagtail_allyship.starter.step1 import load_starter
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache(request):
    """Wagtail caches each site's root paths; another module's sites must not leak in."""
    request.getfixturevalue("network_off")
    cache.clear()
    yield
    cache.clear()


def run(*args):
    out = StringIO()
    call_command("allyship_starter", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (AllyAction, GlossaryTerm, AllyRoleProfilePage, RecruitmentArticlePage)
    }


def test_loads_the_starter_set():
    output = run()
    assert AllyAction.objects.filter(kind=ActionKind.EVERYDAY).count() == 10
    assert AllyAction.objects.filter(kind=ActionKind.STRUCTURAL).count() == 4
    assert list(
        AllyAction.objects.filter(kind=ActionKind.EVERYDAY).values_list("order", flat=True)
    ) == list(range(1, 11))
    terms = set(GlossaryTerm.objects.values_list("term", flat=True))
    assert {"Ally", "Gender", "Gender equity", "Gender parity", "Sponsorship"} <= terms
    assert not GlossaryTerm.objects.filter(source_title="").exists()
    assert GlossaryTerm.objects.get(slug="intersectionality").source_url.startswith(
        "https://www.unwomen.org/"
    )
    profile = AllyRoleProfilePage.objects.get()
    template = RecruitmentArticlePage.objects.get()
    home = Page.objects.get(depth=2)
    assert profile.get_parent().pk == home.pk and not profile.live
    assert template.is_template and "[FORCE NAME]" in template.title
    assert len(profile.qualities) == 7 and len(profile.responsibilities) == 6
    assert "created" in output


def test_second_run_changes_nothing():
    run("--publish")
    action = AllyAction.objects.first()
    action.title = "Changed by an editor"
    action.save()
    before = counts()
    output = run("--publish")
    assert counts() == before
    assert "0 created" in output
    action.refresh_from_db()
    assert action.title == "Changed by an editor"


def test_pages_are_published_on_request(client, superuser):
    run("--publish", "--sign-up-url", "https://intranet.example.org/join/")
    profile = AllyRoleProfilePage.objects.get()
    assert profile.live
    client.force_login(superuser)
    html = client.get(profile.url).content.decode()
    assert 'href="https://intranet.example.org/join/">Sign up as an ally</a>' in html
    assert html.count('class="allyship-action"') == 14


def test_template_is_valid_and_fills_for_a_unit(client, superuser):
    result = load_starter(Page.objects.get(depth=2).locale, Page.objects.get(depth=2), True)
    result.template.full_clean()
    unit = OrganisationUnitFactory(name="Northshire Police")
    local = result.template.create_local_version(unit, Page.objects.get(depth=2))
    assert local.publishing_error() is None
    local.save_revision().publish()
    client.force_login(superuser)
    html = client.get(local.url).content.decode()
    assert "Become an ally in Northshire Police" in html
    assert "[" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_other_language_and_no_pages(locales):
    run("--locale", "fr", "--no-pages")
    assert AllyAction.objects.filter(locale=locales["fr"]).count() == 14
    assert GlossaryTerm.objects.get(locale=locales["fr"], slug="ally").term == "Allié"
    assert not AllyRoleProfilePage.objects.exists()


def test_loading_into_a_translated_language_adds_nothing(locales):
    result = load_starter(locales["en"])
    for action in result.actions:
        translate(action, locales["fr"], {})
    before = AllyAction.objects.count()
    run("--locale", "fr", "--no-pages")
    # English and French were both there already; Arabic gets its translations.
    assert AllyAction.objects.exclude(locale=locales["ar"]).count() == before
    assert AllyAction.objects.filter(locale=locales["ar"]).count() == 14


def test_unknown_locale_is_a_clear_error():
    with pytest.raises(CommandError, match="There is no locale 'xx'"):
        run("--locale", "xx")
    assert not AllyAction.objects.exists()


def test_home_page_without_translation_is_a_clear_error(locales):
    with pytest.raises(CommandError, match="has no 'fr' version"):
        run("--locale", "fr")
    assert not AllyAction.objects.exists()


def test_parent_in_other_language_is_refused(locales):
    home = Page.objects.get(depth=2)
    with pytest.raises(CommandError, match="Choose a page in that language"):
        run("--locale", "fr", "--parent", str(home.pk))


def test_says_what_it_is_doing_and_that_drafts_need_publishing():
    """Not on a terminal: one plain line per step, then the summary and a note on drafts."""
    lines = run().splitlines()
    assert lines[:3] == [
        "[1/3] Starter: actions, glossary, role profile and recruitment article",
        "[2/3] Starter: topics, awareness dates and the calendar page",
        "[3/3] Starter: translations into the site's other languages",
    ]
    assert lines[3].startswith("Starter: done in ")
    assert "run this command again with --publish" in lines[-1]
    assert "--publish" not in run("--publish")


def test_no_translations_has_two_steps():
    lines = run("--no-translations").splitlines()
    assert [line[:5] for line in lines[:2]] == ["[1/2]", "[2/2]"]


def test_verbosity_0_is_silent():
    out = StringIO()
    call_command("allyship_starter", "--publish", stdout=out, verbosity=0)
    assert out.getvalue() == ""
    assert AllyRoleProfilePage.objects.get().live
