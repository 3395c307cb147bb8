"""Every programme page shows where it sits: breadcrumbs and the programme's sections."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from tests.factories import (
    AllyRegistrationFactory,
    CalendarPageFactory,
    GlossaryPageFactory,
    MyAllyshipPageFactory,
    PledgePageFactory,
    RecruitmentArticlePageFactory,
)
from wagtail_allyship.models import ProgrammeHomePage, RecruitmentArticlePage


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2)


@pytest.fixture
def programme(home):
    programme_home = home.add_child(instance=ProgrammeHomePage(title="Allies", slug="allies"))
    return {
        "home": programme_home,
        "pledge": PledgePageFactory(parent=programme_home, slug="pledge"),
        "mine": MyAllyshipPageFactory(parent=programme_home, slug="my-allyship"),
        "glossary": GlossaryPageFactory(parent=programme_home, slug="glossary"),
    }


def part(html: str, css_class: str) -> str:
    start = html.index(f'class="allyship {css_class}"')
    return html[start : html.index("</nav>", start)]


def test_breadcrumbs_lead_back_up_to_the_site_home(client, home, programme, staff_user):
    client.force_login(staff_user)
    html = client.get(programme["glossary"].url).content.decode()
    crumbs = part(html, "allyship-breadcrumbs")
    assert f'<a href="{home.url}"><bdi>{home.title}</bdi></a>' in crumbs
    assert '<a href="/allies/"><bdi>Allies</bdi></a>' in crumbs
    assert '<span aria-current="page"><bdi>Glossary</bdi></span>' in crumbs


def test_sections_list_the_programmes_pages_in_order(client, programme, staff_user):
    client.force_login(staff_user)
    html = client.get(programme["glossary"].url).content.decode()
    sections = part(html, "allyship-section-nav")
    order = [sections.index(f'href="{programme[name].url}"') for name in programme]
    assert order == sorted(order)  # home, pledge, My allyship, glossary
    assert f'href="{programme["glossary"].url}" aria-current="page"' in sections
    # The section above the page is marked as the one the visitor is in.
    assert 'href="/allies/" aria-current="true"' in sections


def test_a_thank_you_page_below_a_page_is_no_dead_end(client, programme, staff_user):
    """The sign-up form below the pledge page links back to the pledge page and up."""
    client.force_login(staff_user)
    html = client.get(programme["pledge"].url + "sign-up/").content.decode()
    crumbs = part(html, "allyship-breadcrumbs")
    assert f'<a href="{programme["pledge"].url}">' in crumbs
    assert 'aria-current="page"' not in crumbs
    assert f'href="{programme["mine"].url}"' in part(html, "allyship-section-nav")


def test_pages_of_another_language_are_not_listed(client, home, programme, staff_user, locales):
    french = programme["home"].copy_for_translation(locales["fr"], copy_parents=True)
    french.save_revision().publish()
    client.force_login(staff_user)
    html = client.get(programme["glossary"].url).content.decode()
    assert french.url not in part(html, "allyship-section-nav")


def test_the_recruitment_template_is_never_a_section(client, home, programme, staff_user):
    template = RecruitmentArticlePageFactory(parent=programme["home"], slug="template")
    client.force_login(staff_user)
    html = client.get(programme["glossary"].url).content.decode()
    assert template.url not in part(html, "allyship-section-nav")
    assert RecruitmentArticlePage.objects.get(pk=template.pk).unit is None


def test_hosts_switch_both_off(client, programme, staff_user, settings):
    settings.WAGTAIL_ALLYSHIP = {"PROGRAMME_NAVIGATION": False, "BREADCRUMBS": False}
    client.force_login(staff_user)
    html = client.get(programme["glossary"].url).content.decode()
    assert "allyship-breadcrumbs" not in html and "allyship-section-nav" not in html


def test_a_page_alone_in_its_programme_has_no_section_list(client, home, staff_user):
    calendar = CalendarPageFactory(parent=home, slug="calendar")
    client.force_login(staff_user)
    html = client.get(calendar.url).content.decode()
    assert "allyship-section-nav" not in html
    assert "allyship-breadcrumbs" in html


def test_my_allyship_links_back_to_the_programme_home(client, programme, staff_user):
    AllyRegistrationFactory(user=staff_user)
    client.force_login(staff_user)
    html = client.get(programme["mine"].url).content.decode()
    assert '<a href="/allies/"><bdi>Allies</bdi></a>' in part(html, "allyship-breadcrumbs")


def test_the_way_on_leads_to_the_programme_home_and_my_allyship(rf, programme, staff_user):
    from wagtail_allyship.programme.navigation import way_on

    request = rf.get(programme["glossary"].url)
    request.user = staff_user
    links = way_on(request, programme["glossary"])
    assert [link.url for link in links] == [programme["home"].url, programme["mine"].url]
