"""A unit's local editor translates its recruitment article into Arabic; another unit's is refused.

The units, the group, the local editor and the pages this journey needs are not in the demo
content: ``prepare_the_units`` makes them with the ORM, in a process of its own on the example
site's database (the site runs in another process). The demo already has the Arabic locale and
the Arabic home page that Arabic pages live under. Then, in the browser:

1. Alderley Police's local editor opens the unit's recruitment article in the admin, chooses
   "Translate" in the page header's menu and translates it into Arabic.
2. In wagtail-localize's translation editor, they translate the title and the first paragraph
   (each keeping its ``[FORCE NAME]`` placeholder) and publish the translation.
3. An ally opens the English article on the site and switches to Arabic: the page is right to
   left, its title is the Arabic one, and the placeholders hold the unit's Arabic name.
4. The local editor opens the edit form of Bramwell Police's story by its address: 403, with
   the reason that it belongs to Bramwell Police; so does the address that would start its
   translation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from . import support
from .support import Visitor

#: For the person this journey creates; the database lives as long as the test session.
PASSWORD = "translation-journey-2026"
LOCAL_EDITOR = "alderley-translator"
#: Not "Alderley editors": the annual report journey creates that group in the same database.
GROUP = "Alderley translators"

OWN_UNIT = "Alderley Police"
OWN_UNIT_AR = "شرطة ألدرلي"
OTHER_UNIT = "Bramwell Police"
OTHER_UNIT_AR = "شرطة برامويل"

ARTICLE_TITLE = "Could you be an ally in [FORCE NAME]?"
ARTICLE_SLUG = "alderley-could-you-be-an-ally"
#: The source strings the translator sees: the title is stored filled in with the unit's name.
TITLE_SOURCE = f"Could you be an ally in {OWN_UNIT}?"
PARAGRAPH_SOURCE = "Join the allies of [FORCE NAME] today."
#: What the translator types: Arabic wording, placeholders copied as they are.
TITLE_AR = "هل يمكنك أن تكون حليفًا في [FORCE NAME]؟"
PARAGRAPH_AR = "انضموا اليوم إلى حلفاء [FORCE NAME]."

#: wagtail-localize 1.14's translation editor (React, styled-components) fails two WCAG AA rules
#: that this package cannot fix; left out by selector, as ``support.WAGTAIL_KNOWN_ISSUES`` does.
STORY_TITLE = "Night-shift listening circles in Bramwell"
STORY_INDEX_SLUG = "translation-journey-stories"


def fill(text: str, unit_name: str) -> str:
    return text.replace("[FORCE NAME]", unit_name)


def prepare_the_units(output: str) -> None:
    """Make the journey's units, group, local editor and pages; write their addresses.

    Runs inside the example site (``python -c``, Django set up with its settings), never in
    the test process, whose Django points at the unit tests' database. Units that another
    journey of the session already made under these names are used as they are.
    """
    from django.contrib.auth.models import Group, Permission
    from django.urls import reverse
    from wagtail.models import GroupPagePermission, Locale, Page

    from intranet.models import HomePage
    from tests.factories import (
        GoodPracticeIndexPageFactory,
        GoodPracticeStoryPageFactory,
        OrganisationUnitFactory,
        RecruitmentArticlePageFactory,
        UserFactory,
    )
    from wagtail_allyship.models import OrganisationUnit, UnitEditorGroup
    from wagtail_allyship.translations.translate import translate

    english = Locale.objects.get(language_code="en")
    arabic = Locale.objects.get(language_code="ar")
    home = HomePage.objects.get(locale=english)
    assert home.has_translation(arabic), "The demo content has no Arabic home page"

    def unit(name: str, short_name: str) -> OrganisationUnit:
        found = OrganisationUnit.objects.filter(name=name, locale=english).first()
        return found or OrganisationUnitFactory(name=name, short_name=short_name)

    def in_arabic(made: OrganisationUnit, strings: dict[str, str]) -> None:
        # A unit's translation needs its parent's (the annual report journey gives Alderley
        # a region).
        if made.parent is not None:
            in_arabic(made.parent, strings)
        if not made.has_translation(arabic):
            translate(made, arabic, strings)

    alderley = unit(OWN_UNIT, "AP")
    bramwell = unit(OTHER_UNIT, "BP")
    names = {OWN_UNIT: OWN_UNIT_AR, OTHER_UNIT: OTHER_UNIT_AR}
    in_arabic(alderley, names)
    in_arabic(bramwell, names)

    article = RecruitmentArticlePageFactory(
        parent=home, unit=alderley, title=ARTICLE_TITLE, slug=ARTICLE_SLUG
    )
    assert article.title == TITLE_SOURCE, article.title
    index = GoodPracticeIndexPageFactory(parent=home, slug=STORY_INDEX_SLUG)
    story = GoodPracticeStoryPageFactory(
        parent=index, unit=bramwell, title=STORY_TITLE, organisation_name=OTHER_UNIT
    )

    group = Group.objects.create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    )
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    UnitEditorGroup.objects.create(group=group).units.add(alderley)
    user = UserFactory(username=LOCAL_EDITOR, first_name="Tara", last_name="Translator")
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(group)

    addresses = {
        "article": article.get_url_parts()[2],
        "edit_article": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "translate_article": reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        "article_ar": f"{home.get_translation(arabic).get_url_parts()[2]}{ARTICLE_SLUG}/",
        "edit_story": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "translate_story": reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
    }
    Path(output).write_text(json.dumps(addresses), encoding="utf-8")


@pytest.fixture(scope="module")
def addresses(live_site, tmp_path_factory) -> dict[str, str]:
    """Run ``prepare_the_units`` against the live site's database; the addresses it made."""
    return support.prepare_in_site(
        tmp_path_factory, "tests.browser.test_local_translation_journey:prepare_the_units"
    )


def messages(visitor: Visitor) -> str:
    return visitor.page.locator(".messages").inner_text()


def log_in(visitor_for, username: str) -> Visitor:
    visitor = visitor_for(None)
    visitor.log_in(username, PASSWORD)
    return visitor


def translate_string(visitor: Visitor, source: str, translation: str) -> None:
    """In wagtail-localize's editor, translate the string whose original is ``source``."""
    page = visitor.page
    segment = page.locator(".js-translation-editor li").filter(has_text=source).last
    segment.get_by_role("button", name="Translate", exact=True).click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save", exact=True).click()
    # Saved: the segment shows the translation, with an Edit button, and is no longer pending.
    segment.get_by_role("button", name="Edit", exact=True).wait_for()
    page.wait_for_function(
        "(li) => li.classList.contains('complete')", arg=segment.element_handle()
    )


def test_a_local_editor_translates_their_units_article_and_not_another_units(
    visitor_for, addresses
):
    # 1. The local editor opens Alderley's article and asks for an Arabic translation.
    local = log_in(visitor_for, LOCAL_EDITOR)
    page = local.page
    local.visit(addresses["edit_article"])
    page.locator("header").get_by_role("button", name="Actions", exact=True).first.click()
    local.follow(page.get_by_role("link", name="Translate this page", exact=True))
    assert local.path == addresses["translate_article"]
    page.get_by_label("Arabic").check()
    local.follow(page.get_by_role("button", name="Submit"))

    # 2. The translation editor: translate the title and the first paragraph, then publish.
    edit_article_ar = local.path
    assert re.fullmatch(r"/admin/pages/\d+/edit/", edit_article_ar), edit_article_ar
    assert edit_article_ar != addresses["edit_article"]
    assert "submitted for translation into Arabic" in messages(local)
    translate_string(local, TITLE_SOURCE, TITLE_AR)
    translate_string(local, PARAGRAPH_SOURCE, PARAGRAPH_AR)
    local.check()
    local.follow(page.get_by_role("button", name="Publish in Arabic"))
    assert local.path == edit_article_ar
    assert "Published" in messages(local)
    title = page.locator(".js-translation-editor li").filter(has_text=TITLE_SOURCE).last
    assert TITLE_AR in title.inner_text()

    # 3. An ally reads the article in Arabic, reached from the English one.
    ally = visitor_for("ally")
    page = ally.page
    ally.visit(addresses["article"])
    assert page.locator("h1").inner_text() == TITLE_SOURCE
    ally.follow(page.locator(".language-switcher a[hreflang=ar]"))
    assert ally.path == addresses["article_ar"]
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == fill(TITLE_AR, OWN_UNIT_AR)
    assert page.title().startswith(fill(TITLE_AR, OWN_UNIT_AR))
    article = page.locator("main").inner_text()
    assert fill(PARAGRAPH_AR, OWN_UNIT_AR) in article
    # The ally has signed up already: the sign-up button gives way to his next step, in
    # Arabic (his pledge made, that is his own page).
    assert fill("Sign up in [FORCE NAME]", OWN_UNIT_AR) not in article
    assert "الانتقال إلى مشاركتي كحليف" in article
    assert "[" not in article and OWN_UNIT not in article

    # 4. Bramwell's story, opened by its address, is refused with a real 403.
    page = local.page
    local.visit(addresses["edit_story"], status=403)
    refusal = page.locator("main").inner_text()
    assert f"belongs to {OTHER_UNIT}" in refusal
    assert STORY_TITLE in refusal
    # Nor can they start its translation, which would publish an Arabic copy straight away.
    local.visit(addresses["translate_story"], status=403)
    assert f"belongs to {OTHER_UNIT}" in page.locator("main").inner_text()
