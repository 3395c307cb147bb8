"""The ally role profile: the actions catalogue and the profile page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import AllyActionFactory, AllyRoleProfilePageFactory, UserFactory
from wagtail_allyship.models import ActionKind, ActionsShown, AllyAction, AllyRoleProfilePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches each site's root paths; another module's sites must not leak in."""
    cache.clear()
    yield
    cache.clear()


def snippet_url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_allyaction:{name}", args=args)


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2)


@pytest.fixture
def profile(home):
    return AllyRoleProfilePageFactory(
        parent=home,
        slug="role-profile",
        introduction="<p>Why the programme matters.</p>",
        commitments=[("commitment", "Close the gap in middle management.")],
        qualities=[("quality", "listens first"), ("quality", "learns about other lives")],
        responsibilities=[("responsibility", "speak up when a colleague is belittled")],
        closing_note="<p>The lists are not complete.</p>",
        call_to_action_label="Sign up as an ally",
        call_to_action_url="https://intranet.example.org/join/",
    )


class TestAllyAction:
    def test_order_is_given_per_kind_and_language(self, locales):
        first = AllyActionFactory()
        second = AllyActionFactory()
        structural = AllyActionFactory(kind=ActionKind.STRUCTURAL)
        french = AllyActionFactory(locale=locales["fr"])
        chosen = AllyActionFactory(order=10)
        assert (first.order, second.order, structural.order, french.order) == (1, 2, 1, 1)
        assert chosen.order == 10
        assert AllyActionFactory().order == 11

    def test_default_ordering(self):
        late = AllyActionFactory(title="Late", order=5)
        early = AllyActionFactory(title="Early", order=1)
        structural = AllyActionFactory(kind=ActionKind.STRUCTURAL, order=1)
        assert list(AllyAction.objects.all()) == [early, late, structural]

    def test_admin_create_and_edit(self, admin_client):
        assert admin_client.get(snippet_url("add")).status_code == 200
        response = admin_client.post(
            snippet_url("add"),
            {
                "kind": ActionKind.STRUCTURAL,
                "title": "Review promotion panels",
                "description": "Check that panels are mixed.",
                "order": "",
                "source_title": "",
                "source_url": "",
            },
        )
        assert response.status_code == 302
        action = AllyAction.objects.get()
        assert action.order == 1
        response = admin_client.post(
            snippet_url("edit", action.pk),
            {
                "kind": ActionKind.STRUCTURAL,
                "title": "Review promotion panels every year",
                "description": "Check that panels are mixed.",
                "order": "3",
                "source_title": "Guide",
                "source_url": "https://www.example.org/guide",
            },
        )
        assert response.status_code == 302
        action.refresh_from_db()
        assert (action.title, action.order) == ("Review promotion panels every year", 3)
        listing = admin_client.get(snippet_url("list"), {"kind": ActionKind.STRUCTURAL})
        assert "Review promotion panels every year" in listing.content.decode()

    def test_bad_input_saves_nothing(self, admin_client):
        response = admin_client.post(
            snippet_url("add"),
            {"kind": "heroic", "title": "", "description": "", "source_url": "not a url"},
        )
        assert response.status_code == 200
        assert {"kind", "title", "description", "source_url"} <= set(
            response.context["form"].errors
        )
        assert not AllyAction.objects.exists()

    def test_admin_needs_permission(self, client):
        action = AllyActionFactory()
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        assert client.get(snippet_url("list")).status_code in (302, 403)
        assert client.post(snippet_url("delete", action.pk)).status_code in (302, 403)
        assert AllyAction.objects.filter(pk=action.pk).exists()

    def test_listing_queries_do_not_grow(self, admin_client):
        """One full page of actions and three pages cost the same queries."""
        counts = []
        for total in (25, 70):
            AllyActionFactory.create_batch(total - AllyAction.objects.count())
            with CaptureQueriesContext(connection) as queries:
                assert admin_client.get(snippet_url("list")).status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], counts


@pytest.mark.skipif(
    WAGTAIL_VERSION < (7, 1),
    reason="Wagtail 7.0 has no drag-and-drop ordering of snippets; editors type the order number",
)
class TestReordering:
    """Drag-and-drop in the actions list moves an action among its own kind and language."""

    @pytest.fixture
    def catalogue(self, locales):
        def make(kind, locale, *titles):
            return [AllyActionFactory(kind=kind, locale=locale, title=title) for title in titles]

        return {
            "everyday": make(ActionKind.EVERYDAY, locales["en"], "E1", "E2", "E3"),
            "structural": make(ActionKind.STRUCTURAL, locales["en"], "S1", "S2"),
            "french": make(ActionKind.EVERYDAY, locales["fr"], "F1", "F2", "F3"),
        }

    @staticmethod
    def orders(actions):
        return [AllyAction.objects.get(pk=action.pk).order for action in actions]

    @staticmethod
    def titles(kind, locale):
        return list(
            AllyAction.objects.filter(kind=kind, locale=locale)
            .order_by("order")
            .values_list("title", flat=True)
        )

    def move(self, client, action, position):
        response = client.post(snippet_url("reorder", action.pk) + f"?position={position}")
        assert response.status_code == 200
        return response

    def test_moving_changes_only_its_kind_and_language(self, admin_client, catalogue, locales):
        # The list shows one language grouped by kind: E1 E2 E3 S1 S2. E3 goes to the top.
        self.move(admin_client, catalogue["everyday"][2], 0)
        assert self.titles(ActionKind.EVERYDAY, locales["en"]) == ["E3", "E1", "E2"]
        assert self.orders(catalogue["everyday"]) == [2, 3, 1]
        assert self.orders(catalogue["structural"]) == [1, 2]
        assert self.orders(catalogue["french"]) == [1, 2, 3]

    def test_moving_down_within_a_later_kind(self, admin_client, catalogue, locales):
        # S1 sits at row 3 of E1 E2 E3 S1 S2; dropping it on row 4 puts it after S2.
        self.move(admin_client, catalogue["structural"][0], 4)
        assert self.titles(ActionKind.STRUCTURAL, locales["en"]) == ["S2", "S1"]
        assert self.orders(catalogue["everyday"]) == [1, 2, 3]
        assert self.orders(catalogue["french"]) == [1, 2, 3]

    def test_dropping_among_another_kind_stops_at_the_edge(self, admin_client, catalogue, locales):
        self.move(admin_client, catalogue["everyday"][0], 4)
        assert self.titles(ActionKind.EVERYDAY, locales["en"]) == ["E2", "E3", "E1"]
        self.move(admin_client, catalogue["structural"][1], 0)
        assert self.titles(ActionKind.STRUCTURAL, locales["en"]) == ["S2", "S1"]

    def test_reordering_a_translation(self, admin_client, catalogue, locales):
        self.move(admin_client, catalogue["french"][0], 2)
        assert self.titles(ActionKind.EVERYDAY, locales["fr"]) == ["F2", "F3", "F1"]
        assert self.orders(catalogue["everyday"]) == [1, 2, 3]

    def test_missing_position_moves_to_the_end_of_its_kind(self, admin_client, catalogue, locales):
        admin_client.post(snippet_url("reorder", catalogue["everyday"][0].pk))
        assert self.titles(ActionKind.EVERYDAY, locales["en"]) == ["E2", "E3", "E1"]
        assert self.orders(catalogue["structural"]) == [1, 2]

    def test_list_in_order_mode_groups_kinds(self, admin_client, catalogue):
        response = admin_client.get(snippet_url("list"), {"ordering": "order"})
        html = response.content.decode()
        rows = [html.index(f">{title}<") for title in ("E1", "E2", "E3", "S1", "S2")]
        assert rows == sorted(rows)

    def test_reordering_needs_permission(self, client, catalogue):
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        response = client.post(snippet_url("reorder", catalogue["everyday"][2].pk) + "?position=0")
        assert response.status_code in (302, 403)
        assert self.orders(catalogue["everyday"]) == [1, 2, 3]


class TestProfilePage:
    def test_renders_every_part(self, admin_client, profile):
        AllyActionFactory(title="Share the airtime", order=2)
        AllyActionFactory(
            title="Listen first",
            order=1,
            source_title="A guide",
            source_url="https://www.example.org/g",
        )
        AllyActionFactory(title="Fair promotion panels", kind=ActionKind.STRUCTURAL)
        html = admin_client.get(profile.url).content.decode()
        for text in (
            "Why the programme matters.",
            "Our commitments",
            "<li>Close the gap in middle management.</li>",
            "An ally is someone who…",
            "<li>listens first</li>",
            "An ally will…",
            "<li>speak up when a colleague is belittled</li>",
            "The lists are not complete.",
            '<a href="https://www.example.org/g">A guide</a>',
            'href="https://intranet.example.org/join/">Sign up as an ally</a>',
            "allyship.css",
        ):
            assert text in html, text
        everyday = html.index("Everyday actions")
        structural = html.index("Working for structural change")
        assert everyday < html.index("Listen first") < html.index("Share the airtime") < structural
        assert structural < html.index("Fair promotion panels")

    def test_only_actions_in_the_page_language(self, admin_client, profile, locales):
        AllyActionFactory(title="English action")
        AllyActionFactory(title="Action en français", locale=locales["fr"])
        html = admin_client.get(profile.url).content.decode()
        assert "English action" in html and "Action en français" not in html

    def test_selected_actions_in_chosen_order(self, admin_client, profile):
        first, second, hidden = AllyActionFactory.create_batch(3)
        structural = AllyActionFactory(kind=ActionKind.STRUCTURAL)
        profile.actions_shown = ActionsShown.SELECTED
        profile.selected_actions = [
            ("action", second),
            ("action", structural),
            ("action", first),
            ("action", first),
        ]
        profile.save_revision().publish()
        html = admin_client.get(profile.url).content.decode()
        assert hidden.title not in html
        assert html.count(first.title) == 1
        assert html.index(second.title) < html.index(first.title) < html.index(structural.title)
        assert profile.get_actions()[ActionKind.EVERYDAY] == [second, first]

    def test_button_to_a_page(self, admin_client, profile, home):
        target = home.add_child(instance=Page(title="Pledge", slug="pledge"))
        profile.call_to_action_page = target
        profile.save_revision().publish()
        assert (
            'href="/pledge/">Sign up as an ally</a>'
            in admin_client.get(profile.url).content.decode()
        )

    def test_no_button_without_label(self, admin_client, profile):
        profile.call_to_action_label = ""
        profile.save_revision().publish()
        assert "allyship-button" not in admin_client.get(profile.url).content.decode()

    @pytest.mark.parametrize("mode", [ActionsShown.ALL, ActionsShown.SELECTED])
    def test_queries_do_not_grow_with_actions(
        self, admin_client, home, mode, django_assert_max_num_queries
    ):
        counts = []
        for size in (5, 50):
            actions = AllyActionFactory.create_batch(size) + AllyActionFactory.create_batch(
                size, kind=ActionKind.STRUCTURAL
            )
            page = AllyRoleProfilePageFactory(
                parent=home,
                slug=f"profile-{size}",
                actions_shown=mode,
                selected_actions=[("action", action) for action in actions],
                call_to_action_label="Join",
                call_to_action_page=home,
            )
            admin_client.get(page.url)  # warm the site's cached root paths, as in production
            # 14 with the programme's breadcrumbs and sections (one query).
            with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(14):
                response = admin_client.get(page.url)
            assert response.content.decode().count('class="allyship-action"') == (
                2 * size if mode == ActionsShown.SELECTED else AllyAction.objects.count()
            )
            counts.append(len(queries))
            AllyAction.objects.all().delete()
        assert counts[0] == counts[1], counts


class TestProfileAdmin:
    def form(self, **fields):
        data = {
            "title": "Role profile",
            "slug": "role-profile",
            "introduction": rich_text("<p>Intro</p>"),
            "commitments": streamfield([("commitment", "Report every year")]),
            "qualities": streamfield([("quality", "listens"), ("quality", "learns")]),
            "responsibilities": streamfield([("responsibility", "challenges sexism")]),
            "closing_note": rich_text(""),
            "actions_shown": ActionsShown.ALL,
            "selected_actions": streamfield([]),
            "call_to_action_label": "",
            "call_to_action_page": "",
            "call_to_action_url": "",
            "comments": inline_formset([]),
        }
        data.update(fields)
        return nested_form_data(data)

    def add_url(self, home):
        return reverse(
            "wagtailadmin_pages:add", args=("wagtail_allyship", "allyroleprofilepage", home.pk)
        )

    def test_create_and_edit(self, admin_client, home):
        action = AllyActionFactory()
        assert admin_client.get(self.add_url(home)).status_code == 200
        response = admin_client.post(
            self.add_url(home),
            self.form(
                actions_shown=ActionsShown.SELECTED,
                selected_actions=streamfield([("action", action.pk)]),
                **{"action-publish": "publish"},
            ),
        )
        assert response.status_code == 302
        page = AllyRoleProfilePage.objects.get()
        assert [item.value for item in page.qualities] == ["listens", "learns"]
        assert page.get_actions()[ActionKind.EVERYDAY] == [action]
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert admin_client.get(edit).status_code == 200
        response = admin_client.post(
            edit,
            self.form(
                qualities=streamfield([("quality", "listens well")]),
                call_to_action_label="Join",
                call_to_action_url="https://intranet.example.org/join/",
                **{"action-publish": "publish"},
            ),
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert [item.value for item in page.qualities] == ["listens well"]
        assert page.call_to_action_label == "Join"

    def test_button_without_target_saves_nothing(self, admin_client, home):
        response = admin_client.post(self.add_url(home), self.form(call_to_action_label="Sign up"))
        assert response.status_code == 200
        assert "needs somewhere to go" in str(response.context["form"].errors)
        assert not AllyRoleProfilePage.objects.exists()


def test_each_list_item_is_one_translation_segment(profile, locales):
    source, _created = TranslationSource.update_or_create_from_instance(profile)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    msgids = {entry.msgid for entry in translation.export_po()}
    assert {"listens first", "learns about other lives", "Close the gap in middle management."} <= (
        msgids
    )
