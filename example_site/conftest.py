"""The example intranet's tests: the demo is loaded once per test run (and per worker), and
every test runs in a transaction that is rolled back, so each sees the demo as it was loaded."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.fixtures import *  # noqa: F403


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("allyship_demo", stdout=StringIO())


@pytest.fixture
def demo_content(db):
    """The demo content, loaded once for the whole run (see ``django_db_setup``)."""
