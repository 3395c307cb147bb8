"""The glossary: terms, their stable anchors, locale-aware A–Z sorting, the page and its search."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.factories import GlossaryPageFactory, GlossaryTermFactory, UserFactory
from wagtail_allyship.models import GlossaryPage, GlossaryTerm
from wagtail_allyship.text.collation import group_by_letter, heading_letter, sorted_by_collation
from wagtail_allyship.translations.translate import translate


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches each site's root paths; another module's sites must not leak in."""
    cache.clear()
    yield
    cache.clear()


def snippet_url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_glossaryterm:{name}", args=args)


class TestCollation:
    """Plain functions: no database."""

    def test_french_accents_sort_with_their_letter(self):
        words = ["Zèbre", "égalité", "Equité", "ally", "Être", "etre", "Parité"]
        assert sorted_by_collation(words, str, "fr") == [
            "ally",
            "égalité",
            "Equité",
            "etre",
            "Être",
            "Parité",
            "Zèbre",
        ]

    def test_arabic_sorts_in_alphabet_order(self):
        words = ["مساواة", "إنصاف", "جندر", "تكافؤ", "حليف", "أمل"]
        assert sorted_by_collation(words, str, "ar") == [
            "أمل",
            "إنصاف",
            "تكافؤ",
            "جندر",
            "حليف",
            "مساواة",
        ]

    def test_plain_code_point_order_would_be_wrong(self):
        """The reason for collation: Python's own order puts accented capitals after z."""
        assert sorted(["Égalité", "zone"]) == ["zone", "Égalité"]
        assert sorted_by_collation(["Égalité", "zone"], str, "fr") == ["Égalité", "zone"]

    def test_heading_letters(self):
        assert heading_letter("égalité") == "E"
        assert heading_letter("  Œuvre") == "Œ"
        assert heading_letter("إنصاف") == "ا"
        assert heading_letter("آخر") == "ا"
        assert heading_letter("3 ways") == "#"
        assert heading_letter("") == "#"

    def test_group_by_letter(self):
        groups = group_by_letter(["Gender", "égalité", "Equity", "Ally", "gender parity"], str)
        assert groups == [
            ("A", ["Ally"]),
            ("E", ["égalité", "Equity"]),
            ("G", ["Gender", "gender parity"]),
        ]


@pytest.mark.django_db
class TestGlossaryTerm:
    def test_anchor_is_made_from_the_term_and_kept(self):
        term = GlossaryTermFactory(term="Gender Parity")
        assert term.slug == "gender-parity"
        term.term = "Gender parity (balance)"
        term.save()
        term.refresh_from_db()
        assert term.slug == "gender-parity"

    def test_anchors_are_unique_per_language(self, locales):
        first = GlossaryTermFactory(term="Ally")
        second = GlossaryTermFactory(term="ally")
        french = GlossaryTermFactory(term="Ally", locale=locales["fr"])
        arabic = GlossaryTermFactory(term="حليف", locale=locales["ar"])
        assert (first.slug, second.slug, french.slug) == ("ally", "ally-2", "ally")
        assert arabic.slug == "حليف"

    def test_duplicate_anchor_is_refused_clearly(self):
        GlossaryTermFactory(term="Ally")
        term = GlossaryTermFactory.build(term="Allies", slug="ally")
        with pytest.raises(ValidationError) as error:
            term.full_clean()
        assert "already uses the anchor 'ally'" in str(error.value.message_dict["slug"])

    def test_translation_keeps_the_anchor(self, locales):
        term = GlossaryTermFactory(term="Gender equality", definition="<p>Equal rights.</p>")
        french = translate(
            term,
            locales["fr"],
            {"Gender equality": "Égalité des genres", "Equal rights.": "Droits égaux."},
        )
        assert french.term == "Égalité des genres"
        assert french.slug == "gender-equality"
        assert "Droits égaux." in french.definition

    def test_admin_create_and_edit(self, admin_client):
        assert admin_client.get(snippet_url("add")).status_code == 200
        data = {
            "term": "Intersectionality",
            "slug": "",
            "definition": rich_text("<p>Overlapping kinds of disadvantage.</p>"),
            "source_title": "UN Women",
            "source_url": "https://www.unwomen.org/",
        }
        assert admin_client.post(snippet_url("add"), data).status_code == 302
        term = GlossaryTerm.objects.get()
        assert term.slug == "intersectionality"
        data["term"] = "Intersectionality (overlap)"
        data["slug"] = term.slug
        assert admin_client.post(snippet_url("edit", term.pk), data).status_code == 302
        term.refresh_from_db()
        assert (term.term, term.slug) == ("Intersectionality (overlap)", "intersectionality")
        listing = admin_client.get(snippet_url("list"), {"q": "overlap"})
        assert "Intersectionality (overlap)" in listing.content.decode()

    def test_bad_input_saves_nothing(self, admin_client):
        GlossaryTermFactory(term="Ally")
        response = admin_client.post(
            snippet_url("add"),
            {"term": "", "slug": "ally", "definition": rich_text(""), "source_url": "nope"},
        )
        assert response.status_code == 200
        assert {"term", "slug", "definition", "source_url"} <= set(response.context["form"].errors)
        assert GlossaryTerm.objects.count() == 1

    def test_admin_needs_permission(self, client):
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        assert client.get(snippet_url("list")).status_code in (302, 403)


@pytest.mark.django_db
class TestGlossaryPage:
    @pytest.fixture
    def home(self):
        return Page.objects.get(depth=2)

    def test_a_to_z_with_jump_links_and_anchors(self, admin_client, home):
        for term in ("Sponsorship", "Ally", "Gender", "égalité", "Gender parity"):
            GlossaryTermFactory(term=term)
        page = GlossaryPageFactory(parent=home, introduction="<p>Words we use.</p>")
        html = admin_client.get(page.url).content.decode()
        letters = re.findall(r'<li><a href="#allyship-letter-(\d+)">(.+?)</a></li>', html)
        assert [letter for _n, letter in letters] == ["A", "E", "G", "S"]
        for number, _letter in letters:
            assert f'id="allyship-letter-{number}"' in html
        order = [
            html.index(f">{term}</a></dt>")
            for term in ("Ally", "égalité", "Gender", "Gender parity", "Sponsorship")
        ]
        assert order == sorted(order)
        assert '<dt id="gender-parity"><a class="allyship-term-link" href="#gender-parity">' in html
        assert "Words we use." in html
        assert 'href="https://www.example.org/source">A public source</a>' in html

    def test_search(self, admin_client, home):
        GlossaryTermFactory(
            term="Mentorship", definition="<p>Guidance from someone with experience.</p>"
        )
        GlossaryTermFactory(term="Sponsorship", definition="<p>Speaking up for a protégé.</p>")
        page = GlossaryPageFactory(parent=home)
        html = admin_client.get(page.url, {"q": "PROTÉGÉ"}).content.decode()
        assert "Sponsorship" in html and "Mentorship</a>" not in html
        assert "1 term matches “PROTÉGÉ”." in html
        html = admin_client.get(page.url, {"q": "zzz"}).content.decode()
        assert "No term matches your search." in html
        response = admin_client.get(page.url, {"q": "x" * 5000})
        assert response.status_code == 200

    def test_sorts_by_page_language(
        self, admin_client, home, locales, django_capture_on_commit_callbacks
    ):
        for term in ("Égalité", "Zone", "Ally"):
            GlossaryTermFactory(term=term, locale=locales["fr"])
        GlossaryTermFactory(term="English only")
        page = GlossaryPageFactory(parent=home)
        with django_capture_on_commit_callbacks(execute=True):
            french = translate(page, locales["fr"], {"Glossary": "Glossaire"})
        html = admin_client.get(french.url).content.decode()
        assert "English only" not in html
        assert html.index(">Ally<") < html.index(">Égalité<") < html.index(">Zone<")

    def test_arabic_page(self, admin_client, home, locales, django_capture_on_commit_callbacks):
        for term in ("مساواة", "إنصاف", "حليف"):
            GlossaryTermFactory(term=term, locale=locales["ar"])
        page = GlossaryPageFactory(parent=home)
        with django_capture_on_commit_callbacks(execute=True):
            arabic = translate(page, locales["ar"], {"Glossary": "مسرد المصطلحات"})
        html = admin_client.get(arabic.url).content.decode()
        assert 'dir="rtl"' in html
        assert html.index(">إنصاف<") < html.index(">حليف<") < html.index(">مساواة<")

    def test_queries_do_not_grow_with_terms(
        self, admin_client, home, django_assert_max_num_queries
    ):
        counts = []
        for size in (5, 50):
            GlossaryTermFactory.create_batch(size - GlossaryTerm.objects.count())
            page = GlossaryPageFactory(parent=home, slug=f"glossary-{size}")
            admin_client.get(page.url)  # warm the site's cached root paths, as in production
            with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(12):
                response = admin_client.get(page.url)
            assert response.content.decode().count('class="allyship-term"') == size
            counts.append(len(queries))
        assert counts[0] == counts[1], counts

    def test_admin_create_and_edit(self, admin_client, home):
        url = reverse("wagtailadmin_pages:add", args=("wagtail_allyship", "glossarypage", home.pk))
        assert admin_client.get(url).status_code == 200
        data = {
            "title": "Glossary",
            "slug": "glossary",
            "introduction": rich_text("<p>Terms.</p>"),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
        assert admin_client.post(url, nested_form_data(data)).status_code == 302
        page = GlossaryPage.objects.get()
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert admin_client.get(edit).status_code == 200
        data["title"] = "Words we use"
        assert admin_client.post(edit, nested_form_data(data)).status_code == 302
        page.refresh_from_db()
        assert page.title == "Words we use"

    def test_bad_input_saves_nothing(self, admin_client, home):
        url = reverse("wagtailadmin_pages:add", args=("wagtail_allyship", "glossarypage", home.pk))
        data = {
            "title": "",
            "slug": "",
            "introduction": rich_text(""),
            "comments": inline_formset([]),
        }
        response = admin_client.post(url, nested_form_data(data))
        assert response.status_code == 200
        assert "title" in response.context["form"].errors
        assert not GlossaryPage.objects.exists()
