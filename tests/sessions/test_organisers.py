"""The organiser's reader level: names on their own sessions' lists, nothing more."""

from __future__ import annotations

import pytest

from tests.factories import OrganisationUnitFactory, UserFactory, admin_group
from tests.sessions.conftest import make_session
from tests.sessions.test_admin import url
from wagtail_allyship.access.personal import ORGANISERS, PERSONAL_DATA, may_read
from wagtail_allyship.sessions.models import SessionRegistration, SignupStatus
from wagtail_allyship.sessions.organisers import may_read_names, organises

pytestmark = pytest.mark.django_db

ORGANISER_PERMISSIONS = [
    "view_sessionsignup",
    "change_sessionsignup",
    "add_sessionsignup",
    "change_awarenessdate",
]


@pytest.fixture
def units():
    return {"north": OrganisationUnitFactory(name="North"), "south": OrganisationUnitFactory()}


@pytest.fixture
def north_editor(units):
    user = UserFactory(username="north-editor")
    user.groups.add(admin_group("North editors", ORGANISER_PERMISSIONS, units=[units["north"]]))
    return user


def held(unit=None, days=-1):
    signup = make_session(places=5, days=days)
    signup.unit = unit
    signup.save()
    user = UserFactory(username=f"guest-{signup.pk}", first_name="Marker", last_name="Guest")
    user.email = f"guest-{signup.pk}@example.org"
    user.save()
    SessionRegistration.objects.create(signup=signup, user=user, status=SignupStatus.PLACE)
    return signup


def test_session_names_are_at_the_organiser_level():
    assert PERSONAL_DATA["wagtail_allyship.sessionregistration"] == ORGANISERS


def test_the_organiser_of_their_units_session_reads_names_not_emails(client, units, north_editor):
    signup = held(units["north"])
    client.force_login(north_editor)
    assert organises(north_editor, signup) and may_read_names(north_editor, signup)
    # On the generic surfaces, which cannot tell whose session a record is, they read nothing.
    assert not may_read(north_editor, SessionRegistration)
    html = client.get(url("registrations", signup.pk)).content.decode()
    assert "Marker Guest" in html
    assert f"guest-{signup.pk}@example.org" not in html
    body = b"".join(
        client.get(url("registrations", signup.pk) + "?export=csv").streaming_content
    ).decode("utf-8-sig")
    assert "Marker Guest" in body and "@example.org" not in body
    registration = SessionRegistration.objects.get(signup=signup)
    response = client.post(
        url("attendance", signup.pk), {"shown": [registration.pk], "attended": [registration.pk]}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True


def test_another_units_session_and_the_central_teams_are_refused(client, units, north_editor):
    client.force_login(north_editor)
    for signup in (held(units["south"]), held(None)):
        assert not organises(north_editor, signup)
        response = client.get(url("registrations", signup.pk))
        assert response.status_code == 403
        assert "Marker Guest" not in response.content.decode()
        assert client.get(url("registrations", signup.pk) + "?export=csv").status_code == 403
        registration = SessionRegistration.objects.get(signup=signup)
        response = client.post(
            url("attendance", signup.pk),
            {"shown": [registration.pk], "attended": [registration.pk]},
        )
        assert response.status_code == 403
        registration.refresh_from_db()
        assert registration.attended is None
        # Nor may they change it.
        assert client.get(url("edit", signup.pk)).status_code == 403


def test_the_organisers_list_offers_the_names_only_on_their_own(client, units, north_editor):
    own, other = held(units["north"]), held(units["south"])
    client.force_login(north_editor)
    html = client.get(url("list")).content.decode()
    assert url("registrations", own.pk) in html
    assert url("registrations", other.pk) not in html


def test_a_central_editor_organises_every_session(client, units):
    editor = UserFactory(username="central-editor")
    editor.groups.add(admin_group("Central editors", ORGANISER_PERMISSIONS))
    signup = held(units["south"])
    client.force_login(editor)
    html = client.get(url("registrations", signup.pk)).content.decode()
    assert "Marker Guest" in html and "@example.org" not in html


def test_without_the_calendar_permission_an_editor_is_no_organiser(client, units):
    editor = UserFactory(username="signup-only")
    editor.groups.add(admin_group("Sign-up editors", ORGANISER_PERMISSIONS[:3]))
    signup = held(units["north"])
    assert not organises(editor, signup)
    client.force_login(editor)
    assert client.get(url("registrations", signup.pk)).status_code == 403


def test_coordinators_still_read_the_emails(coordinator_client, units):
    signup = held(units["south"])
    html = coordinator_client.get(url("registrations", signup.pk)).content.decode()
    assert "Marker Guest" in html and f"guest-{signup.pk}@example.org" in html


def test_a_local_editor_may_choose_only_their_own_units(client, units, north_editor):
    signup = make_session(places=3, days=5)
    client.force_login(north_editor)
    response = client.post(
        url("add"),
        {"entry": make_session(days=7).entry.pk, "places": 3, "mode": "both", "unit": ""},
    )
    assert response.status_code == 200  # refused: a unit is required of a local editor
    assert "Choose your unit" in response.content.decode()
    response = client.post(
        url("add"),
        {
            "entry": signup.entry.pk,
            "places": 3,
            "mode": "both",
            "unit": units["south"].pk,
        },
    )
    assert response.status_code == 200
    assert "Choose one of your own units" in response.content.decode()


def test_the_organisers_list_and_sign_ups_in_constant_queries(client, units, north_editor):
    from tests.sessions.test_admin import add_people, count_queries

    small, big = held(units["north"]), held(units["north"])
    add_people(small, 10)
    client.force_login(north_editor)
    count_queries(client, url("registrations", small.pk))  # warm the caches
    few = count_queries(client, url("registrations", small.pk))
    listing = count_queries(client, url("list"))
    add_people(big, 1000, start=10)
    assert count_queries(client, url("registrations", big.pk)) == few
    assert count_queries(client, url("list")) == listing
