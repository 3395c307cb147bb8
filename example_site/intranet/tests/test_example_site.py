"""The example intranet: the demo command, closed access and the language switcher."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from intranet.management.commands.allyship_demo import UNITS
from intranet.models import HomePage
from wagtail_allyship.models import OrganisationUnit

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row the demo touches, so that a second run can be compared with the first."""
    User = get_user_model()
    state = {}
    for model in (Locale, Page, Site, OrganisationUnit, User):
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if not isinstance(f, models.DateTimeField)
        ]
        state[model.__name__] = sorted(model.objects.values_list(*fields), key=repr)
    return state


@pytest.fixture
def demo(demo_content):
    return demo_content


def test_demo_is_idempotent(demo, django_capture_on_commit_callbacks):
    first = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("allyship_demo", stdout=StringIO())
    assert snapshot() == first


def test_demo_content(demo):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr", "ar"}
    english = OrganisationUnit.objects.filter(locale__language_code="en")
    assert english.count() == len(UNITS) >= 12
    assert OrganisationUnit.objects.filter(locale__language_code="ar").count() == len(UNITS)
    # A tree: the national team, its regions, and the forces in each region.
    forces = english.filter(kind="force")
    assert forces.count() == 9
    assert {u.parent.kind for u in forces} == {"region"}
    regions = english.filter(kind="region")
    assert regions.count() == 3 and {u.parent.kind for u in regions} == {"national"}
    assert all(region.children.count() == 3 for region in regions)
    french = OrganisationUnit.objects.get(name="Police du Northshire")
    assert french.parent.locale.language_code == "fr"
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert {"editor", "local-editor", "coordinator", "ally"} <= usernames
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


def test_demo_prints_logins(db, capsys):
    call_command("allyship_demo")
    out = capsys.readouterr().out
    assert "ally" in out and "demo-ally-2026" in out and "local use only" in out


def test_demo_says_what_it_is_doing(db):
    """Not on a terminal: one plain line per step (no bar), then how long it took."""
    out = StringIO()
    call_command("allyship_demo", stdout=out)
    lines = out.getvalue().splitlines()
    steps = [line for line in lines if line.startswith("[")]
    total = len(steps)
    assert total >= 8
    assert steps[0].startswith(f"[1/{total}] Demo: ")
    assert steps[-1].startswith(f"[{total}/{total}] Demo: ")
    assert any("300 allies" in line for line in steps)
    assert "\r" not in out.getvalue() and "#" not in out.getvalue()
    assert any(line.startswith("Demo: done in ") for line in lines)


def test_demo_is_silent_at_verbosity_0(db):
    out = StringIO()
    call_command("allyship_demo", stdout=out, verbosity=0)
    assert out.getvalue() == ""


def test_whole_intranet_needs_login(demo, client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/accounts/login/").status_code == 200


def test_ally_sees_home_in_three_languages(demo, client, django_assert_max_num_queries):
    client.force_login(get_user_model().objects.get(username="ally"))
    # The home page holds the programme block: its main action, the ally's own next session,
    # coming dates, stories, new resources and the latest report's figures (tests/programme
    # checks that these stay the same whatever the amount of content).
    with django_assert_max_num_queries(30):
        response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert 'hreflang="fr"' in html and 'hreflang="ar"' in html
    # The calendar's next good-practice session, through the package's template tag.
    assert "Next good-practice session" in html
    assert "Good-practice session: mentoring that lasts" in html
    arabic = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "الصفحة الرئيسية" in arabic
    assert "Accueil de l&#x27;intranet" in client.get("/fr/").content.decode()


@override_settings(LANGUAGE_CODE="en")
def test_login_rejects_wrong_password(demo, client):
    response = client.post("/accounts/login/", {"username": "ally", "password": "wrong"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()
