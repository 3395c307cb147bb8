"""A hand-made or cut-short admin POST gets a form error on the damaged field, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import RecruitmentArticlePageFactory
from wagtail_allyship.editing.forms import DAMAGED_FIELD_MESSAGE
from wagtail_allyship.models import GlossaryTerm, RecruitmentArticlePage

pytestmark = pytest.mark.django_db


def article_form(**changes):
    data = nested_form_data(
        {
            "title": "Become an ally",
            "slug": "become-an-ally",
            "unit": "",
            "body": streamfield([("rich_text", rich_text("<p>Join us.</p>"))]),
        }
    )
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data.pop("body-count"), id="no-count"),
        pytest.param(lambda data: data.update({"body-count": "many"}), id="bad-count"),
        pytest.param(lambda data: data.update({"body-0-value": "not JSON"}), id="bad-block"),
    ],
)
def test_a_page_form_with_a_damaged_stream_is_refused(admin_client, locales, damage):
    home = Page.objects.get(depth=2)
    url = reverse(
        "wagtailadmin_pages:add", args=["wagtail_allyship", "recruitmentarticlepage", home.pk]
    )
    data = article_form()
    damage(data)
    admin_client.raise_request_exception = False
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not RecruitmentArticlePage.objects.exists()
    if response.context and response.context.get("form") is not None:
        form = response.context["form"]
        assert not form.is_valid()


def test_editing_keeps_the_saved_value_of_a_damaged_field(admin_client, locales):
    page = RecruitmentArticlePageFactory(title="Become an ally")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = article_form(slug=page.slug)
    data.pop("body-count")
    admin_client.raise_request_exception = False
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert str(DAMAGED_FIELD_MESSAGE) in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Become an ally"


def test_a_snippet_form_with_damaged_rich_text_is_refused(admin_client, locales):
    url = reverse(GlossaryTerm.snippet_viewset.get_url_name("add"))
    admin_client.raise_request_exception = False
    response = admin_client.post(
        url, {"term": "Ally", "slug": "ally", "definition": "not JSON", "locale": locales["en"].pk}
    )
    assert response.status_code == 200
    assert not GlossaryTerm.objects.filter(slug="ally").exists()


def test_the_message_is_translated():
    from django.utils import translation

    with translation.override("fr"):
        assert "rien n’a été enregistré" in str(DAMAGED_FIELD_MESSAGE)
