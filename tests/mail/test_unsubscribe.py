"""One-click unsubscribe (RFC 8058) from the reminder emails: the headers, the link in the body,
the page (no login), and links that are forged, altered, replayed or out of date."""

from __future__ import annotations

import datetime

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    UserFactory,
)
from wagtail_allyship.mail.unsubscribe import REMINDERS, SALT, make_token
from wagtail_allyship.models import AllyRegistration, ReminderDelivery
from wagtail_allyship.pledges.reminders import send_reminders
from wagtail_allyship.translations.translate import translate

TODAY = datetime.date(2026, 3, 10)
ONE_CLICK = {"List-Unsubscribe": "One-Click"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return OrganisationUnitFactory(name="Essex Police")


def make_ally(unit, username: str, language: str = "") -> AllyRegistration:
    user = UserFactory(username=username, first_name=username.title(), last_name="Ally")
    registration = AllyRegistrationFactory(user=user, unit=unit, role="Sergeant")
    if language:
        UserProfile.objects.create(user=user, preferred_language=language)
    pledge = PledgeFactory(user=user, programme_year=2026)
    CommitmentFactory(pledge=pledge, deadline=TODAY - datetime.timedelta(days=2))
    return registration


def stranger() -> Client:
    """A mail client or a browser with no session, that sends no CSRF token."""
    return Client(enforce_csrf_checks=True)


def fields(registration: AllyRegistration) -> dict:
    registration.refresh_from_db()
    return {
        field.name: getattr(registration, field.name)
        for field in AllyRegistration._meta.concrete_fields
        if field.name != "updated_at"
    }


def link_of(inbox, address: str) -> str:
    [received] = inbox.to(address)
    # Folded onto a line of its own (it is long); unfolding leaves a space before it.
    header = received.message["List-Unsubscribe"].strip()
    assert header.startswith("<http://localhost/allyship/email/unsubscribe/") and header[-1] == ">"
    return header[1:-1]


class TestTheEmail:
    def test_headers_and_link_in_the_body(self, smtp, unit):
        make_ally(unit, "alex")
        send_reminders(today=TODAY)
        [received] = smtp.to("alex@example.org")
        assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = link_of(smtp, "alex@example.org")
        assert url in received.text  # the same link, for readers whose client shows none
        assert "To stop these reminders, open this link" in received.text

    def test_each_ally_gets_his_own_link(self, smtp, unit):
        make_ally(unit, "alex")
        make_ally(unit, "sam")
        send_reminders(today=TODAY)
        assert link_of(smtp, "alex@example.org") != link_of(smtp, "sam@example.org")

    def test_an_ally_who_stopped_them_gets_none_and_coordinators_still_get_the_digest(
        self, smtp, unit, coordinator
    ):
        registration = make_ally(unit, "alex")
        registration.set_reminders(False)
        run = send_reminders(today=TODAY)
        assert run.ally_emails == 0 and run.digests == 1
        assert smtp.counts() == {coordinator.email: 1}
        assert not ReminderDelivery.objects.filter(user=registration.user).exists()


class TestOneClick:
    @pytest.fixture
    def sent(self, smtp, unit):
        alex = make_ally(unit, "alex")
        sam = make_ally(unit, "sam")
        send_reminders(today=TODAY)
        return alex, sam, link_of(smtp, "alex@example.org")

    def test_a_get_only_asks(self, sent):
        alex, _sam, url = sent
        before = fields(alex)
        response = stranger().get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Stop the reminder emails?" in page
        assert '<form method="post"' in page and "Stop reminder emails" in page
        assert "Alex" not in page and "alex@example.org" not in page  # a forwarded link
        assert "no-store" in response["Cache-Control"]
        assert fields(alex) == before

    def test_the_one_click_post_turns_off_that_allys_reminders_only(self, sent):
        alex, sam, url = sent
        before, other = fields(alex), fields(sam)
        response = stranger().post(url, ONE_CLICK)
        assert response.status_code == 200
        assert "Reminder emails stopped" in response.content.decode()
        after = fields(alex)
        assert after.pop("reminders_on") is False and before.pop("reminders_on") is True
        assert after.pop("email_link_version") == before.pop("email_link_version") + 1
        assert after == before  # nothing else about him changed
        assert fields(sam) == other  # nor anyone else

    def test_the_pages_button_does_the_same(self, sent):
        alex, _sam, url = sent
        assert stranger().post(url).status_code == 200
        alex.refresh_from_db()
        assert alex.reminders_on is False

    def test_a_replayed_link_changes_nothing(self, sent, client):
        alex, _sam, url = sent
        stranger().post(url, ONE_CLICK)
        client.force_login(alex.user)
        page = MyAllyshipPageFactory(slug="mine")
        client.post(page.url + "reminders/", {"reminders": "on"})
        alex.refresh_from_db()
        assert alex.reminders_on is True
        before = fields(alex)
        for method in (stranger().post, stranger().get):
            response = method(url, ONE_CLICK)
            assert response.status_code == 410
            assert "This link no longer works" in response.content.decode()
        assert fields(alex) == before

    def test_the_next_reminder_is_not_sent_after_stopping(self, sent, smtp):
        alex, sam, url = sent
        stranger().post(url, ONE_CLICK)
        for registration in (alex, sam):
            pledge = registration.user.ally_pledges.get()
            CommitmentFactory(pledge=pledge, position=2, deadline=TODAY + datetime.timedelta(30))
        send_reminders(today=TODAY + datetime.timedelta(days=28))
        assert smtp.counts() == {"alex@example.org": 1, "sam@example.org": 2}

    @pytest.mark.parametrize(
        "forge",
        [
            lambda token, pk: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
            lambda token, pk: make_token(pk + 1, REMINDERS, 0)[:-1] + "x",
            lambda token, pk: signing.dumps([pk, REMINDERS, 0], salt=SALT, key="not-the-key"),
            lambda token, pk: signing.dumps([pk, REMINDERS, 0], salt="another-salt"),
            lambda token, pk: make_token(pk, "newsletter", 0),
            lambda token, pk: signing.dumps({"u": pk}, salt=SALT),
            lambda token, pk: "nonsense",
        ],
        ids=["tampered", "other-ally-tampered", "wrong-key", "wrong-salt", "other-purpose",
             "wrong-shape", "nonsense"],
    )  # fmt: skip
    def test_forged_and_altered_links_change_nothing(self, sent, forge):
        alex, sam, url = sent
        token = url.rstrip("/").rsplit("/", 1)[1]
        before, other = fields(alex), fields(sam)
        bad = url.replace(token, forge(token, alex.user_id))
        for method in (stranger().get, stranger().post):
            response = method(bad, ONE_CLICK)
            assert response.status_code == 400
            assert "This link is not valid" in response.content.decode()
        assert fields(alex) == before and fields(sam) == other

    def test_a_link_for_someone_no_longer_registered(self, sent):
        alex, _sam, url = sent
        alex.delete()
        response = stranger().post(url, ONE_CLICK)
        assert response.status_code == 400

    def test_other_methods_are_refused(self, sent):
        _alex, _sam, url = sent
        assert stranger().put(url).status_code == 405

    def test_the_page_is_in_the_allys_language(self, smtp, unit, locales):
        english = MyAllyshipPageFactory(slug="my-allyship")
        translate(english, locales["fr"], {"My allyship": "Mon engagement"})
        make_ally(unit, "jules", "fr")
        send_reminders(today=TODAY)
        url = link_of(smtp, "jules@example.org")
        response = stranger().get(url)
        assert response["Content-Language"] == "fr"
        page = response.content.decode()
        assert 'lang="fr"' in page and "/fr/my-allyship/" in page
        assert "Arrêter les courriels de rappel" in page and "Stop" not in page
        [received] = smtp.to("jules@example.org")
        assert "Pour arrêter ces rappels, ouvrez ce lien" in received.text

    def test_queries_do_not_grow_with_the_number_of_allies(self, sent, unit):
        _alex, _sam, url = sent

        def measure() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert stranger().get(url).status_code == 200
            return len(captured)

        few = measure()
        for n in range(30):
            make_ally(unit, f"more{n}")
        assert measure() == few


class TestMyAllyship:
    @pytest.fixture
    def page(self, db):
        return MyAllyshipPageFactory(slug="mine")

    def test_the_ally_turns_them_off_and_on(self, client, unit, page):
        alex = make_ally(unit, "alex")
        client.force_login(alex.user)
        content = client.get(page.url).content.decode()
        assert "Reminder emails" in content and "Turn reminder emails off" in content
        response = client.post(page.url + "reminders/", {"reminders": "off"})
        assert response.status_code == 302
        alex.refresh_from_db()
        assert alex.reminders_on is False and alex.email_link_version == 1
        assert "Turn reminder emails on" in client.get(page.url).content.decode()
        client.post(page.url + "reminders/", {"reminders": "on"})
        alex.refresh_from_db()
        assert alex.reminders_on is True and alex.email_link_version == 2

    def test_the_same_setting_again_changes_nothing(self, client, unit, page):
        alex = make_ally(unit, "alex")
        client.force_login(alex.user)
        client.post(page.url + "reminders/", {"reminders": "on"})
        alex.refresh_from_db()
        assert alex.email_link_version == 0  # the links already sent still work

    def test_needs_a_login_and_a_registration(self, client, unit, page):
        response = client.post(page.url + "reminders/", {"reminders": "off"})
        assert response.status_code == 302 and "/login/" in response["Location"]
        client.force_login(UserFactory(username="not-an-ally"))
        assert client.post(page.url + "reminders/", {"reminders": "off"}).status_code == 404

    def test_a_get_changes_nothing(self, client, unit, page):
        alex = make_ally(unit, "alex")
        client.force_login(alex.user)
        assert client.get(page.url + "reminders/").status_code == 302
        alex.refresh_from_db()
        assert alex.reminders_on is True

    def test_my_data_says_whether_reminders_are_on(self, client, unit, page):
        alex = make_ally(unit, "alex")
        alex.set_reminders(False)
        client.force_login(alex.user)
        data = client.get(page.url + "my-data/").content
        assert b'"reminders_on": false' in data
