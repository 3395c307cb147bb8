"""The demo's home presents the programme through the package's block, in every language."""

import pytest
from django.contrib.auth import get_user_model

from intranet.models import HomePage
from wagtail_allyship.models import RecruitmentArticlePage


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_each_home_carries_the_programme_block(demo_content, code):
    home = HomePage.objects.get(locale__language_code=code)
    assert [block.block_type for block in home.body] == ["allyship_programme"]


def test_the_main_action_follows_the_visitor(demo_content, client):
    users = get_user_model().objects
    home = HomePage.objects.get(locale__language_code="en")
    client.force_login(users.get(username="colleague"))
    html = client.get(home.url).content.decode()
    assert "Become an ally" in html and "sign-up/" in html
    client.force_login(users.get(username="ally"))
    response = client.get(home.url)
    html = response.content.decode()
    assert "Become an ally</a>" not in html
    assert "private" in response["Cache-Control"]


def test_the_recruitment_template_is_never_a_tile(demo_content, client):
    client.force_login(get_user_model().objects.get(username="colleague"))
    for code in ("en", "fr", "ar"):
        home = HomePage.objects.get(locale__language_code=code)
        html = client.get(home.url).content.decode()
        tiles = html[html.index('id="home-menu-heading"') :]
        for template in RecruitmentArticlePage.objects.filter(unit__isnull=True, live=True):
            assert f'href="{template.url}"' not in tiles
