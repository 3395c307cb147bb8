"""Fixtures shared by the package's tests and the example intranet's: users, locales, no network."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from tests.factories import SuperuserFactory, UserFactory
from tests.offline import network_off

__all__ = [
    "_fresh_cache",
    "_language_reset",
    "_offline",
    "admin_client",
    "coordinator",
    "coordinator_client",
    "locales",
    "network_off",
    "staff_user",
    "superuser",
]


@pytest.fixture(autouse=True)
def _offline(network_off):
    """No test reaches beyond this machine: embeds, feeds and links must cope offline."""


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths; a test must not see another test's sites."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _language_reset():
    """A request to /fr/ or /ar/ leaves its language active; the next test starts afresh."""
    yield
    translation.deactivate()


@pytest.fixture
def locales(db):
    """English (default), French and Arabic, as in the example intranet."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "ar")
    }


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def coordinator(db):
    """A programme coordinator: admin access and the registry's view permission."""
    return UserFactory(
        username="coordinator",
        permissions=["wagtailadmin.access_admin", "wagtail_allyship.view_allyregistration"],
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def staff_user(db):
    """A logged-in staff member with no admin access: how allies arrive."""
    return UserFactory(username="staff")
