"""Sign-up buttons follow the viewer's state: nobody is asked to sign up twice."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import (
    AllyRegistrationFactory,
    AllyRoleProfilePageFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    RecruitmentArticlePageFactory,
    UserFactory,
)
from wagtail_allyship.registry.models import RegistrationStatus


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2)


@pytest.fixture
def programme(home):
    """The pledge page (with the sign-up below it) and My allyship."""
    return {
        "pledge": PledgePageFactory(parent=home, slug="pledge"),
        "mine": MyAllyshipPageFactory(parent=home, slug="my-allyship"),
    }


def article(home, sign_up_url=""):
    unit = OrganisationUnitFactory(name="Essex Police", sign_up_url=sign_up_url)
    return RecruitmentArticlePageFactory(parent=home, unit=unit, slug="join")


def cta(client, page) -> str:
    html = client.get(page.url).content.decode()
    start = html.index('<aside class="allyship-cta">')
    return html[start : html.index("</aside>", start)]


class TestRecruitmentArticle:
    def test_without_a_unit_address_staff_sign_up_on_the_intranet(self, client, home, programme):
        client.force_login(UserFactory(username="newcomer"))
        button = cta(client, article(home))
        assert 'href="/pledge/sign-up/">Sign up in Essex Police</a>' in button
        assert "allyship-button-inactive" not in button

    def test_a_units_own_address_is_used_where_it_is_set(self, client, home, programme):
        client.force_login(UserFactory(username="newcomer"))
        button = cta(client, article(home, "https://intranet.example.org/essex/join/"))
        assert 'href="https://intranet.example.org/essex/join/"' in button

    def test_an_ally_without_a_pledge_is_sent_to_make_it(self, client, home, programme):
        ally = UserFactory(username="ally")
        AllyRegistrationFactory(user=ally)
        client.force_login(ally)
        button = cta(client, article(home))
        assert 'href="/pledge/">Make your pledge</a>' in button
        assert "Sign up" not in button

    def test_an_ally_with_a_pledge_is_sent_to_my_allyship(self, client, home, programme):
        ally = UserFactory(username="ally")
        AllyRegistrationFactory(user=ally)
        PledgeFactory(user=ally, commitments=1)
        client.force_login(ally)
        button = cta(client, article(home, "https://intranet.example.org/essex/join/"))
        assert 'href="/my-allyship/">Go to My allyship</a>' in button
        assert "You are already an ally" in button

    def test_someone_who_left_may_sign_up_again(self, client, home, programme):
        former = UserFactory(username="former")
        AllyRegistrationFactory(user=former, status=RegistrationStatus.LEFT)
        client.force_login(former)
        assert 'href="/pledge/sign-up/">Sign up' in cta(client, article(home))

    def test_the_template_keeps_its_placeholder(self, client, home, programme):
        client.force_login(UserFactory(username="editor", is_superuser=True))
        template = RecruitmentArticlePageFactory(parent=home, slug="template")
        html = client.get(template.url).content.decode()
        assert "allyship-button-inactive" in html
        assert "/pledge/sign-up/" not in html

    def test_a_button_to_the_pledge_page_is_a_sign_up_button(self, client, home, programme):
        ally = UserFactory(username="ally")
        AllyRegistrationFactory(user=ally)
        PledgeFactory(user=ally, commitments=1)
        client.force_login(ally)
        page = RecruitmentArticlePageFactory(
            parent=home,
            unit=OrganisationUnitFactory(),
            slug="join-here",
            body=[("call_to_action", {"label": "Join us", "page": programme["pledge"]})],
        )
        assert 'href="/my-allyship/">Go to My allyship</a>' in cta(client, page)

    def test_other_calls_to_action_are_left_alone(self, client, home, programme):
        ally = UserFactory(username="ally")
        AllyRegistrationFactory(user=ally)
        client.force_login(ally)
        page = RecruitmentArticlePageFactory(
            parent=home,
            unit=OrganisationUnitFactory(),
            slug="read",
            body=[
                ("call_to_action", {"label": "Read the toolkit", "link": "https://example.org/"})
            ],
        )
        assert 'href="https://example.org/">Read the toolkit</a>' in cta(client, page)

    @pytest.mark.parametrize("allies", [1, 30])
    def test_queries_do_not_grow_with_allies(self, client, home, programme, allies):
        page = article(home)
        for number in range(allies):
            AllyRegistrationFactory(user=UserFactory(username=f"other{number}"))
        ally = UserFactory(username="ally")
        AllyRegistrationFactory(user=ally)
        PledgeFactory(user=ally, commitments=1)
        client.force_login(ally)
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        assert len(queries) <= 14, [query["sql"] for query in queries.captured_queries]


class TestRoleProfile:
    def test_a_signed_up_ally_is_not_asked_to_sign_up(self, client, home, programme):
        profile = AllyRoleProfilePageFactory(
            parent=home,
            slug="role",
            call_to_action_label="Become an ally",
            call_to_action_page=programme["pledge"],
        )
        ally = UserFactory(username="ally")
        AllyRegistrationFactory(user=ally)
        client.force_login(ally)
        html = client.get(profile.url).content.decode()
        assert 'href="/pledge/">Make your pledge</a>' in html
        assert "Become an ally</a>" not in html
        client.force_login(UserFactory(username="newcomer"))
        assert "Become an ally</a>" in client.get(profile.url).content.decode()
