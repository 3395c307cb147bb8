"""The package's stylesheets load whatever the host's base template calls its head block."""

from __future__ import annotations

import pytest
from django.test import override_settings
from wagtail.models import Page

from tests.factories import GlossaryPageFactory, UserFactory

#: A host base template with a content block and no ``extra_css`` (bakerydemo names its
#: head block differently, for instance).
HOST_BASE = (
    "<!DOCTYPE html><html lang='en'><head><title>Host</title>"
    "{% block extra_head %}{% endblock %}</head>"
    "<body><main>{% block content %}{% endblock %}</main></body></html>"
)


@pytest.mark.django_db
def test_stylesheets_load_without_an_extra_css_block(client, tmp_path, settings):
    (tmp_path / "host_base.html").write_text(HOST_BASE)
    templates = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    page = GlossaryPageFactory(parent=Page.objects.get(depth=2), slug="glossary")
    client.force_login(UserFactory(username="reader"))
    with override_settings(
        TEMPLATES=templates,
        WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "host_base.html", "RESOURCES_CACHE_SECONDS": 0},
    ):
        html = client.get(page.url).content.decode()
    assert "<title>Host</title>" in html, "the page is drawn inside the host's template"
    assert 'href="/static/wagtail_allyship/css/allyship.css"' in html


@pytest.mark.django_db
def test_stylesheets_are_linked_once(client):
    page = GlossaryPageFactory(parent=Page.objects.get(depth=2), slug="glossary")
    html = client.get(page.url).content.decode()
    assert html.count("wagtail_allyship/css/allyship.css") == 1
