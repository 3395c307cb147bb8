"""The example intranet's Content-Security-Policy: strict on its pages, relaxed in the admin."""

from __future__ import annotations

import pytest

from tests.factories import GlossaryPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_pages_get_the_strict_policy(client, locales):
    page = GlossaryPageFactory()
    client.force_login(UserFactory())
    policy = directives(client.get(page.url))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in str(policy)


def test_the_login_page_too(client):
    assert directives(client.get("/accounts/login/"))["script-src"] == ["'self'"]


def test_wagtails_admin_gets_inline_scripts_and_styles_only(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in str(policy)


@pytest.mark.parametrize(
    "view_name", ["wagtailadmin_pages:preview_on_edit", "wagtailadmin_pages:view_draft"]
)
def test_a_preview_runs_under_the_pages_own_policy(admin_client, locales, view_name):
    """A preview renders the package's templates: the strict policy, not the admin's."""
    from django.urls import reverse

    page = GlossaryPageFactory()
    public = directives(admin_client.get(page.url))
    url = reverse(view_name, args=[page.pk])
    if view_name.endswith("preview_on_edit"):
        from wagtail.test.utils.form_data import nested_form_data

        admin_client.post(url, nested_form_data({"title": page.title, "slug": page.slug}))
    response = admin_client.get(url)
    assert "allyship-glossary" in response.content.decode()  # the page itself, not the admin
    preview = directives(response)
    assert preview["script-src"] == public["script-src"] == ["'self'"]
    assert preview["style-src"] == public["style-src"] == ["'self'"]
