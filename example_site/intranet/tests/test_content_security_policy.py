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
