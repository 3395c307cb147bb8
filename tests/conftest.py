import pytest
from wagtail.models import Locale

from tests.factories import SuperuserFactory, UserFactory


@pytest.fixture
def locales(db):
    """English (default), French and Arabic, as in the example intranet."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "ar")}


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def staff_user(db):
    """A logged-in staff member with no admin access: how allies arrive."""
    return UserFactory(username="staff")
