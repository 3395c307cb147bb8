"""Human wording instead of framework defaults: Yes/No, plurals, first options, page titles."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.factories import (
    AllyRegistrationFactory,
    FeedbackSurveyPageFactory,
    OrganisationUnitFactory,
    PledgePageFactory,
    RecruitmentArticlePageFactory,
)
from wagtail_allyship.models import AllyRegistration

pytestmark = pytest.mark.django_db

DEFAULT_FIRST_OPTION = "---------"


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_no_admin_page_of_ours_is_titled_home(admin_client):
    template = RecruitmentArticlePageFactory(parent=Page.objects.get(depth=2))
    survey = FeedbackSurveyPageFactory(slug="survey")
    for url, expected in (
        (
            reverse("wagtail_allyship_recruitment:create_local_version", args=[template.pk]),
            "Create local version",
        ),
        (reverse("wagtail_allyship_survey_results", args=[survey.pk]), "Survey results"),
        (reverse("wagtail_allyship_surveys"), "Survey results"),
    ):
        title = title_of(admin_client.get(url).content.decode())
        assert not title.startswith("Home"), (url, title)
        assert expected in title, (url, title)


def test_required_menus_open_with_words_not_dashes(admin_client, client, staff_user):
    template = RecruitmentArticlePageFactory(parent=Page.objects.get(depth=2))
    OrganisationUnitFactory(name="Essex Police")
    local_form = admin_client.get(
        reverse("wagtail_allyship_recruitment:create_local_version", args=[template.pk])
    ).content.decode()
    assert DEFAULT_FIRST_OPTION not in local_form and "Choose a unit" in local_form
    pledge = PledgePageFactory(parent=Page.objects.get(depth=2), slug="pledge")
    client.force_login(staff_user)
    sign_up = client.get(pledge.url + "sign-up/").content.decode()
    assert DEFAULT_FIRST_OPTION not in sign_up and "Choose your unit" in sign_up


def test_consent_reads_yes_or_no_in_the_registry(admin_client):
    registration = AllyRegistrationFactory(consent_to_contact=True)
    url = reverse(
        "wagtailsnippets_wagtail_allyship_allyregistration:inspect", args=[registration.pk]
    )
    html = admin_client.get(url).content.decode()
    assert "May be contacted" in html
    consent = html[html.index("May be contacted") :][:300]
    assert "Yes" in consent and "True" not in consent


def test_counts_of_registrations_are_plural():
    assert str(AllyRegistration._meta.verbose_name_plural) == "ally registrations"


def header_of(html: str) -> str:
    """The last breadcrumb: what Wagtail's header shows as the screen's name."""
    nav = re.search(r'aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    items = re.findall(r"<li\b.*?>(.*?)</li>", nav, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", items[-1]).strip()


def test_our_admin_screens_name_themselves_in_the_header(admin_client):
    """Not Wagtail's default "Home" above a form to send an update or a list of sign-ups."""
    from tests.circles.conftest import make_meeting
    from tests.factories import ProgrammeUpdatePageFactory
    from wagtail_allyship.models import AllyCircle, SessionSignup

    template = RecruitmentArticlePageFactory(parent=Page.objects.get(depth=2))
    update = ProgrammeUpdatePageFactory(parent=Page.objects.get(depth=2))
    circle = AllyCircle.objects.create(name="Walkers")
    meeting = make_meeting(circle)
    sessions = SessionSignup.snippet_viewset
    circles = AllyCircle.snippet_viewset
    for url, expected in (
        (
            reverse("wagtail_allyship_recruitment:create_local_version", args=[template.pk]),
            "Create local version",
        ),
        (reverse("wagtail_allyship_newsletter_send", args=[update.pk]), "Send to allies"),
        (reverse(circles.get_url_name("members"), args=[circle.pk]), "Walkers"),
        (reverse(sessions.get_url_name("cancel"), args=[meeting.pk]), "ancel"),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        header = header_of(response.content.decode())
        assert header != "Home" and expected in header, (url, header)
