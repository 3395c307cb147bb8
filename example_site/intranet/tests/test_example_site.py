"""The example intranet: the demo command, closed access and the language switcher."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.test import override_settings
from wagtail.models import Locale, Page, Site

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
    assert OrganisationUnit.objects.filter(locale__language_code="en").count() == 3
    assert OrganisationUnit.objects.filter(locale__language_code="ar").count() == 3
    forces = OrganisationUnit.objects.filter(kind="force", locale__language_code="en")
    assert {u.parent.kind for u in forces} == {"national"}
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


def test_whole_intranet_needs_login(demo, client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/accounts/login/").status_code == 200


def test_ally_sees_home_in_three_languages(demo, client, django_assert_max_num_queries):
    client.force_login(get_user_model().objects.get(username="ally"))
    with django_assert_max_num_queries(20):
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
