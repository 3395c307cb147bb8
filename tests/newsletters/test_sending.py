"""Sending a programme update from the admin, received by a real SMTP server on loopback."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import UserFactory
from tests.newsletters.conftest import make_ally
from wagtail_allyship.models import AllyRegistration, NewsletterDelivery, NewsletterSend

pytestmark = pytest.mark.django_db


def send_url(page) -> str:
    return reverse("wagtail_allyship_newsletter_send", args=[page.pk])


@pytest.fixture
def editor_client(client, superuser):
    superuser.email = "editor@example.org"
    superuser.save()
    client.force_login(superuser)
    return client


def send(client, page, **data):
    data = {"audience": "all", **data}
    checked = client.post(send_url(page), {**data, "action": "check"})
    assert checked.status_code == 200, checked.content.decode()[:2000]
    return client.post(send_url(page), {**data, "action": "confirm"})


def html_of(received) -> str:
    return received.message.get_body(preferencelist=("html",)).get_content()


def test_each_ally_gets_one_copy_in_his_language(smtp, programme, editor_client):
    make_ally(programme["force"], "alex")
    make_ally(programme["force"], "jules", "fr")
    make_ally(programme["force"], "amir", "ar")  # no Arabic version: English
    response = send(editor_client, programme["update"])
    assert response.status_code == 302
    assert smtp.counts() == {
        "alex@example.org": 1,
        "jules@example.org": 1,
        "amir@example.org": 1,
    }
    [jules] = smtp.to("jules@example.org")
    assert jules.message["Subject"].strip() == "Les nouvelles du printemps"
    assert jules.message.get_content_type() == "multipart/alternative"
    assert jules.message["Content-Language"] == "fr"
    assert "Quarante nouveaux alliés se sont inscrits." in jules.text
    html = html_of(jules)
    assert 'lang="fr"' in html and "Quarante nouveaux alliés" in html
    assert "<style" not in html and 'style="' in html  # inlined
    assert "<script" not in html
    assert 'href="http://localhost/fr/spring-update/"' in html or "http://localhost/" in html
    header = jules.message["List-Unsubscribe"].strip()
    assert header.startswith("<http://localhost/allyship/email/unsubscribe/")
    assert jules.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in jules.text and header[1:-1] in html
    [amir] = smtp.to("amir@example.org")
    assert amir.message["Subject"].strip() == "Spring update"
    assert NewsletterDelivery.objects.filter(status="sent").count() == 3


def test_the_editor_is_told_of_missing_translations_and_skipped_allies(programme, editor_client):
    make_ally(programme["force"], "amir", "ar")
    make_ally(programme["force"], "noemail", email="")
    page = editor_client.post(
        send_url(programme["update"]), {"audience": "all", "action": "check"}
    ).content.decode()
    assert "No published translation in Arabic" in page
    assert "1 ally has no email address and will be skipped." in page
    assert "1 reader will receive it." in page
    assert not NewsletterSend.objects.exists()  # nothing sent before the confirmation


def test_the_one_click_link_stops_newsletters_only(smtp, programme, editor_client):
    alex = make_ally(programme["force"], "alex")
    send(editor_client, programme["update"])
    [received] = smtp.to("alex@example.org")
    url = received.message["List-Unsubscribe"].strip()[1:-1]
    stranger = Client(enforce_csrf_checks=True)
    assert "Stop the programme updates?" in stranger.get(url).content.decode()
    response = stranger.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Programme updates stopped" in response.content.decode()
    registration = AllyRegistration.objects.get(user=alex)
    assert registration.newsletters_on is False and registration.reminders_on is True
    assert stranger.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 410  # replayed
    forged = url.rstrip("/")[:-3] + "abc/"
    assert stranger.post(forged).status_code == 400


def test_units_include_sub_units_and_leave_others_out(smtp, programme, editor_client):
    make_ally(programme["force"], "alex")
    make_ally(programme["other"], "kim")
    send(editor_client, programme["update"], audience="units", units=[programme["region"].pk])
    assert smtp.counts() == {"alex@example.org": 1}


def test_pressing_send_twice_sends_nothing_twice(smtp, programme, editor_client):
    make_ally(programme["force"], "alex")
    send(editor_client, programme["update"])
    again = editor_client.post(
        send_url(programme["update"]), {"audience": "all", "action": "confirm"}, follow=True
    )
    assert "already sent or scheduled" in again.content.decode()
    # From the French version too: it is the same newsletter.
    editor_client.post(send_url(programme["fr"]), {"audience": "all", "action": "confirm"})
    assert smtp.counts() == {"alex@example.org": 1}
    assert NewsletterSend.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose who receives this update."),
        ({"audience": "units"}, "Choose at least one unit, or another audience."),
        ({"audience": "coordinators"}, "Nobody would receive this update"),
    ],
)
def test_bad_audiences_are_refused(smtp, programme, editor_client, data, message):
    make_ally(programme["force"], "alex")
    response = editor_client.post(send_url(programme["update"]), {**data, "action": "confirm"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert smtp.received == [] and not NewsletterSend.objects.exists()


def test_progress_is_shown(smtp, programme, editor_client):
    make_ally(programme["force"], "alex")
    make_ally(programme["force"], "noemail", email="")
    send(editor_client, programme["update"])
    page = editor_client.get(send_url(programme["update"])).content.decode()
    assert '<td data-status="sent">1</td>' in page
    assert '<td data-status="queued">0</td>' in page
    assert '<td data-status="without-email">1</td>' in page


@override_settings(
    WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "base.html", "MAIL_RETRY_SECONDS": 0, "MAIL_MAX_ATTEMPTS": 2}
)
def test_a_refused_email_is_retried_then_failed(smtp, programme, editor_client):
    from wagtail_allyship.newsletters.tasks import send_queued_newsletters

    make_ally(programme["force"], "alex")
    make_ally(programme["force"], "sam")
    smtp.refuse["sam@example.org"] = 10
    send(editor_client, programme["update"])
    assert smtp.counts() == {"alex@example.org": 1}
    send_queued_newsletters.enqueue()
    delivery = NewsletterDelivery.objects.get(user__username="sam")
    assert delivery.status == "failed" and delivery.attempts == 2
    assert "Mailbox busy" in delivery.last_error
    page = editor_client.get(send_url(programme["update"])).content.decode()
    assert '<td data-status="failed">1</td>' in page


def test_a_test_send_goes_to_the_editor_and_names_broken_links(smtp, programme, editor_client):
    page = programme["update"]
    page.body = [("paragraph", '<p>See <a linktype="page" id="999999">the old page</a>.</p>')]
    page.save_revision().publish()
    response = editor_client.post(send_url(page), {"action": "test"}, follow=True)
    text = response.content.decode()
    assert "A test was sent to editor@example.org." in text
    assert "These links lead nowhere" in text and "the old page" in text
    [received] = smtp.to("editor@example.org")
    assert received.message["X-Allyship-Test"] == "yes"
    assert received.message["List-Unsubscribe"] is None
    assert not NewsletterSend.objects.exists()


def test_only_editors_who_may_publish_can_send(programme, client):
    client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
    response = client.post(send_url(programme["update"]), {"audience": "all", "action": "confirm"})
    assert response.status_code == 403
    assert not NewsletterSend.objects.exists()


def test_a_scheduled_update_waits_for_its_time(smtp, programme, editor_client):
    from django.core.management import call_command
    from django.utils import timezone

    make_ally(programme["force"], "alex")
    response = send(editor_client, programme["update"], send_at="2099-01-01 10:00")
    assert response.status_code == 302
    assert smtp.received == []
    scheduled = NewsletterSend.objects.get()
    assert scheduled.status == "scheduled" and scheduled.send_at.year == 2099
    call_command("allyship_digest", "--skip-digest")  # not yet
    assert smtp.received == []
    scheduled.send_at = timezone.now()
    scheduled.save()
    call_command("allyship_digest", "--skip-digest")
    assert smtp.counts() == {"alex@example.org": 1}
    call_command("allyship_digest", "--skip-digest")  # the scheduler again: nothing more
    assert smtp.counts() == {"alex@example.org": 1}


def test_a_time_in_the_past_is_refused(smtp, programme, editor_client):
    make_ally(programme["force"], "alex")
    response = editor_client.post(
        send_url(programme["update"]),
        {"audience": "all", "send_at": "2001-01-01 10:00", "action": "confirm"},
    )
    assert response.status_code == 400
    assert "This time has passed." in response.content.decode()
    assert smtp.received == [] and not NewsletterSend.objects.exists()


def test_my_data_lists_the_updates_sent(smtp, programme, editor_client):
    from wagtail_allyship.pledges.views.mine import my_data

    alex = make_ally(programme["force"], "alex", "fr")
    send(editor_client, programme["update"])
    [entry] = my_data(alex)["newsletter_emails"]
    assert entry["language"] == "fr" and entry["status"] == "sent"
    assert entry["newsletter"] == "Spring update"


def test_every_field_of_the_send_form_has_a_label(programme, editor_client):
    """The date of a scheduled send is one text box: a legend cannot name it, a label must."""
    html = editor_client.get(send_url(programme["update"])).content.decode()
    assert '<label class="w-field__label" for="id_send_at">' in html
    assert 'id="id_send_at"' in html
    legends = re.findall(r'<legend class="w-field__label">([^<]+)</legend>', html)
    assert legends == ["Audience", "Units"]
