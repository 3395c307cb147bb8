"""Local editors change only their own units' pages: stories, resources, local recruitment articles.

Wagtail's page permissions say where in the tree someone may work (here: everywhere); the
unit of a page narrows a local editor further. Central editors are not narrowed.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from tests.factories import (
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    OrganisationUnitFactory,
    RecruitmentArticlePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    UserFactory,
    admin_group,
)
from wagtail_allyship.checks import MIDDLEWARE_PATH as UNIT_RIGHTS_MIDDLEWARE
from wagtail_allyship.models import UnitKind
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


def editor_group(name: str, *units):
    """A group that may add, change, publish and delete every page; bound to ``units``."""
    return admin_group(name, ["submit_translation"], pages=True, units=units)


@pytest.fixture
def site(locales):
    region = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    alderley = OrganisationUnitFactory(name="Alderley Police", parent=region)
    bramwell = OrganisationUnitFactory(name="Bramwell Police")
    index = GoodPracticeIndexPageFactory()
    hub = ResourceHubPageFactory()
    template = RecruitmentArticlePageFactory(title="Be an ally in [FORCE NAME]")
    return {
        "region": region,
        "alderley": alderley,
        "bramwell": bramwell,
        "index": index,
        "hub": hub,
        "template": template,
        "story_a": GoodPracticeStoryPageFactory(parent=index, unit=alderley, title="A story"),
        "story_b": GoodPracticeStoryPageFactory(parent=index, unit=bramwell, title="B story"),
        "central_story": GoodPracticeStoryPageFactory(parent=index, title="Central story"),
        "resource_a": ResourcePageFactory(parent=hub, owner_unit=alderley, title="A guide"),
        "resource_b": ResourcePageFactory(parent=hub, owner_unit=bramwell, title="B guide"),
        "article_a": RecruitmentArticlePageFactory(unit=alderley, title="Join Alderley"),
        "article_b": RecruitmentArticlePageFactory(unit=bramwell, title="Join Bramwell"),
    }


@pytest.fixture
def local_editor(site):
    user = UserFactory(username="alderley-editor")
    user.groups.add(editor_group("Alderley editors", site["alderley"]))
    return user


@pytest.fixture
def central_editor(site):
    user = UserFactory(username="central-editor")
    user.groups.add(editor_group("Central editors"))
    return user


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("name", ["story_a", "resource_a", "article_a"])
def test_own_units_pages_open_for_editing(client, site, local_editor, name):
    client.force_login(local_editor)
    assert client.get(edit(site[name])).status_code == 200


@pytest.mark.parametrize(
    "name, reason",
    [
        ("story_b", "belongs to Bramwell Police"),
        ("resource_b", "belongs to Bramwell Police"),
        ("article_b", "belongs to Bramwell Police"),
        ("central_story", "shared content of the central team"),
        ("template", "shared content of the central team"),
    ],
)
def test_other_pages_are_refused_with_403(client, site, local_editor, name, reason):
    client.force_login(local_editor)
    response = client.get(edit(site[name]))
    assert response.status_code == 403
    assert reason in response.content.decode()


def test_a_refused_change_saves_nothing(client, site, local_editor):
    client.force_login(local_editor)
    story = site["story_b"]
    revisions = story.revisions.count()
    response = client.post(edit(story), {"title": "Taken over", "action-publish": "publish"})
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.title == "B story"
    assert story.revisions.count() == revisions


@pytest.mark.parametrize("action", ["delete", "copy"])
def test_other_actions_on_another_units_page_are_refused(client, site, local_editor, action):
    client.force_login(local_editor)
    story = site["story_b"]
    url = reverse(f"wagtailadmin_pages:{action}", args=[story.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Page.objects.filter(pk=story.pk, live=True).exists()
    assert Page.objects.filter(title="B story").count() == 1


def test_unpublishing_another_units_page_is_refused(client, site, local_editor):
    client.force_login(local_editor)
    story = site["story_b"]
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.live


def test_moving_another_units_page_is_refused(client, site, local_editor):
    client.force_login(local_editor)
    story = site["story_b"]
    url = reverse("wagtailadmin_pages:move_confirm", args=[story.pk, site["hub"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    story.refresh_from_db()
    assert story.get_parent().pk == site["index"].pk


def test_bulk_actions_leave_out_another_units_page(client, site, local_editor):
    """Wagtail's confirmation lists the other unit's page as not theirs; only theirs changes."""
    client.force_login(local_editor)
    mine, theirs = site["story_a"], site["story_b"]
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        + f"?id={mine.pk}&id={theirs.pk}"
    )
    confirmation = client.get(url)
    assert [item["item"].pk for item in confirmation.context["items_with_no_access"]] == [theirs.pk]
    assert [item["item"].pk for item in confirmation.context["items"]] == [mine.pk]
    client.post(url, {"include_descendants": ""})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert not mine.live
    assert theirs.live


def test_the_unit_field_offers_only_their_units(client, site, local_editor):
    client.force_login(local_editor)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["wagtail_allyship", "goodpracticestorypage", site["index"].pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    units = list(response.context["form"].fields["unit"].queryset)
    assert units == [site["alderley"]]
    assert response.context["form"].fields["unit"].required


def test_a_region_covers_its_forces(client, site):
    user = UserFactory(username="north-editor")
    user.groups.add(editor_group("North editors", site["region"]))
    client.force_login(user)
    assert client.get(edit(site["story_a"])).status_code == 200
    assert client.get(edit(site["story_b"])).status_code == 403


@pytest.mark.parametrize("name", ["story_b", "central_story", "template", "article_b"])
def test_central_editors_are_not_narrowed(client, site, central_editor, name):
    client.force_login(central_editor)
    assert client.get(edit(site[name])).status_code == 200


def test_translations_of_their_units_pages_are_theirs(client, site, local_editor, locales):
    translate(site["region"], locales["ar"], {"North Region": "منطقة الشمال"})
    translate(site["alderley"], locales["ar"], {"Alderley Police": "شرطة ألدرلي"})
    translate(site["bramwell"], locales["ar"], {"Bramwell Police": "شرطة برامويل"})
    home = Page.objects.get(depth=2, locale__language_code="en")
    translate(home, locales["ar"], {})
    arabic_a = translate(site["article_a"], locales["ar"], {})
    arabic_b = translate(site["article_b"], locales["ar"], {})
    client.force_login(local_editor)
    assert client.get(edit(arabic_a)).status_code == 200
    assert client.get(edit(arabic_b)).status_code == 403


def buttons_for(response, page) -> str:
    """The HTML of the explorer row for ``page``, from its id to the next row."""
    html = response.content.decode()
    start = html.index(f'data-object-id="{page.pk}"')
    end = html.find("data-object-id=", start + 1)
    return html[start : end if end != -1 else len(html)]


def test_the_explorer_offers_changes_only_on_their_pages(client, site, local_editor):
    client.force_login(local_editor)
    response = client.get(reverse("wagtailadmin_explore", args=[site["index"].pk]))
    assert response.status_code == 200
    mine = buttons_for(response, site["story_a"])
    assert edit(site["story_a"]) in mine
    assert reverse("wagtailadmin_pages:delete", args=[site["story_a"].pk]) in mine
    for name in ("story_b", "central_story"):
        row = buttons_for(response, site[name])
        for action in ("edit", "delete", "copy", "unpublish"):
            assert reverse(f"wagtailadmin_pages:{action}", args=[site[name].pk]) not in row
        assert reverse("wagtailadmin_pages:move", args=[site[name].pk]) not in row
        assert "/localize/" not in row
    # Adding their story below the central team's index stays possible.
    header = response.content.decode().split('data-object-id="', 1)[0]
    assert reverse("wagtailadmin_pages:add_subpage", args=[site["index"].pk]) in header
    assert edit(site["index"]) not in header


def test_the_explorer_asks_no_more_queries_for_more_pages_of_other_units(
    client, site, local_editor
):
    client.force_login(local_editor)
    url = reverse("wagtailadmin_explore", args=[site["index"].pk])
    counts = []
    for more in (2, 12):
        for number in range(more - len(counts) * 2):
            GoodPracticeStoryPageFactory(
                parent=site["index"], unit=site["bramwell"], title=f"Other {number}"
            )
        client.get(url)  # fills Wagtail's caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_translate_buttons_only_on_their_pages(client, site, local_editor, locales):
    client.force_login(local_editor)
    response = client.get(reverse("wagtailadmin_explore", args=[site["index"].pk]))
    start = reverse("wagtail_localize:submit_page_translation", args=[site["story_a"].pk])
    assert start in buttons_for(response, site["story_a"])
    other = reverse("wagtail_localize:submit_page_translation", args=[site["story_b"].pk])
    assert other not in response.content.decode()


def test_central_editors_see_every_action(client, site, central_editor, locales):
    client.force_login(central_editor)
    response = client.get(reverse("wagtailadmin_explore", args=[site["index"].pk]))
    for name in ("story_a", "story_b", "central_story"):
        row = buttons_for(response, site[name])
        assert edit(site[name]) in row
        assert reverse("wagtail_localize:submit_page_translation", args=[site[name].pk]) in row


@pytest.mark.parametrize("action", ["lock", "set_privacy", "convert_alias"])
def test_every_page_changing_view_is_refused_with_403(client, site, local_editor, action):
    client.force_login(local_editor)
    url = reverse(f"wagtailadmin_pages:{action}", args=[site["story_b"].pk])
    assert client.post(url).status_code == 403
    site["story_b"].refresh_from_db()
    assert site["story_b"].locked is False


def test_without_the_middleware_wagtail_refuses_in_its_own_words(client, site, local_editor):
    middleware = [m for m in settings.MIDDLEWARE if m != UNIT_RIGHTS_MIDDLEWARE]
    client.force_login(local_editor)
    story = site["story_b"]
    with override_settings(MIDDLEWARE=middleware):
        assert client.get(edit(story)).status_code == 302
        response = client.post(edit(story), {"title": "Taken over", "action-publish": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    story.refresh_from_db()
    assert story.title == "B story"


class TestWagtailLocalize:
    """Another unit's translation cannot be started, edited, uploaded, synced or stopped."""

    @pytest.fixture
    def translation_b(self, site, locales):
        from wagtail_localize.models import Translation, TranslationSource

        home = Page.objects.get(depth=2, locale__language_code="en")
        translate(home, locales["ar"], {})
        translate(site["bramwell"], locales["ar"], {"Bramwell Police": "شرطة برامويل"})
        source, _created = TranslationSource.get_or_create_from_instance(site["article_b"])
        translation = Translation.objects.create(source=source, target_locale=locales["ar"])
        translation.save_target(publish=False)
        return translation

    def test_string_edits_are_refused(self, client, local_editor, translation_b):
        from django.utils.http import urlencode

        segment = translation_b.source.stringsegment_set.first()
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translation_b.pk, segment.pk]
        )
        from wagtail_localize.models import StringTranslation

        before = StringTranslation.objects.count()
        client.force_login(local_editor)
        response = client.put(
            url, urlencode({"value": "x"}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 403
        assert StringTranslation.objects.count() == before

    @pytest.mark.parametrize("name", ["upload_pofile", "machine_translate", "stop_translation"])
    def test_other_translation_actions_are_refused(self, client, local_editor, translation_b, name):
        client.force_login(local_editor)
        response = client.post(reverse(f"wagtail_localize:{name}", args=[translation_b.pk]))
        assert response.status_code == 403
        translation_b.refresh_from_db()
        assert translation_b.enabled

    def test_syncing_and_starting_are_refused(self, client, site, local_editor, translation_b):
        client.force_login(local_editor)
        sync = reverse("wagtail_localize:update_translations", args=[translation_b.source.pk])
        assert client.get(sync).status_code == 403
        start = reverse("wagtail_localize:submit_page_translation", args=[site["article_b"].pk])
        assert client.post(start, {"locales": []}).status_code == 403

    def test_their_own_translation_is_theirs(self, client, site, local_editor, locales):
        from wagtail_localize.models import Translation, TranslationSource

        home = Page.objects.get(depth=2, locale__language_code="en")
        translate(home, locales["ar"], {})
        translate(site["region"], locales["ar"], {"North Region": "منطقة الشمال"})
        translate(site["alderley"], locales["ar"], {"Alderley Police": "شرطة ألدرلي"})
        source, _created = TranslationSource.get_or_create_from_instance(site["article_a"])
        translation = Translation.objects.create(source=source, target_locale=locales["ar"])
        translation.save_target(publish=False)
        client.force_login(local_editor)
        sync = reverse("wagtail_localize:update_translations", args=[source.pk])
        assert client.get(sync).status_code == 200
