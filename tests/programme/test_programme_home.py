"""The programme home: one main action that follows the visitor's state, and the rest."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone
from wagtail.models import Page

from tests.factories import (
    AllyRegistrationFactory,
    AnnualReportPageFactory,
    CalendarPageFactory,
    CommitmentFactory,
    EventFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    MyAllyshipPageFactory,
    PledgeFactory,
    PledgePageFactory,
    SessionFactory,
)
from wagtail_allyship.models import (
    CommitmentStatus,
    ProgrammeHomeBlock,
    ProgrammeHomePage,
    RegistrationStatus,
)


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2)


@pytest.fixture
def programme(home):
    """A programme home, the pledge page (with its sign-up) and My allyship."""
    return {
        "home": home.add_child(
            instance=ProgrammeHomePage(
                title="Allies at work",
                slug="allies",
                strapline="Men standing with women colleagues.",
                introduction="<p>Why it matters.</p>",
            )
        ),
        "pledge": PledgePageFactory(parent=home, slug="pledge"),
        "mine": MyAllyshipPageFactory(parent=home, slug="my-allyship"),
    }


def hero(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<section class="allyship-hero')
    return html[start : html.index("</section>", start)]


class TestMainAction:
    def test_staff_who_are_not_allies_are_asked_to_join_on_the_intranet(
        self, client, programme, staff_user
    ):
        client.force_login(staff_user)
        html = hero(client, programme["home"])
        assert "Become an ally" in html
        assert 'href="/pledge/sign-up/"' in html

    def test_someone_who_left_is_asked_to_join_again(self, client, programme, staff_user):
        AllyRegistrationFactory(user=staff_user, status=RegistrationStatus.LEFT)
        client.force_login(staff_user)
        assert 'href="/pledge/sign-up/"' in hero(client, programme["home"])

    def test_an_ally_without_a_pledge_is_asked_to_make_it(self, client, programme, staff_user):
        AllyRegistrationFactory(user=staff_user)
        client.force_login(staff_user)
        html = hero(client, programme["home"])
        assert "Make your pledge" in html and 'href="/pledge/"' in html
        assert "sign-up" not in html

    def test_an_ally_with_a_pledge_sees_the_deadline_due_first(
        self, client, programme, staff_user, settings
    ):
        # A programme year that began this month is far from its renewal.
        settings.WAGTAIL_ALLYSHIP = {"PROGRAMME_YEAR_START_MONTH": timezone.localdate().month}
        AllyRegistrationFactory(user=staff_user)
        pledge = PledgeFactory(user=staff_user)
        later = CommitmentFactory(pledge=pledge, position=1, text="Later one")
        first = CommitmentFactory(
            pledge=pledge,
            position=2,
            text="Sooner one",
            deadline=timezone.localdate() + datetime.timedelta(days=10),
        )
        CommitmentFactory(
            pledge=pledge,
            position=3,
            text="Done already",
            status=CommitmentStatus.DONE,
            deadline=timezone.localdate() + datetime.timedelta(days=2),
        )
        client.force_login(staff_user)
        html = hero(client, programme["home"])
        assert "Your next deadline" in html and "Sooner one" in html
        assert later.text not in html and "Done already" not in html
        assert f'href="/my-allyship/commitments/{first.pk}/progress/"' in html
        assert "Log progress" in html

    @override_settings(WAGTAIL_ALLYSHIP={"ACCOUNTABILITY_RENEWAL_DAYS": 400})
    def test_an_ally_whose_year_ends_soon_is_asked_to_renew(self, client, programme, staff_user):
        AllyRegistrationFactory(user=staff_user)
        PledgeFactory(user=staff_user, commitments=1)
        client.force_login(staff_user)
        html = hero(client, programme["home"])
        assert "Renew your pledge" in html and 'href="/pledge/"' in html

    def test_what_one_person_sees_is_kept_out_of_shared_caches(self, client, programme, staff_user):
        client.force_login(staff_user)
        response = client.get(programme["home"].url)
        assert "private" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]

    def test_without_a_pledge_page_there_is_no_main_action(self, client, home, staff_user):
        page = home.add_child(instance=ProgrammeHomePage(title="Allies", slug="allies"))
        client.force_login(staff_user)
        html = hero(client, page)
        assert "allyship-button" not in html
        assert "About the programme" in html


class TestAroundTheAction:
    def test_newest_stories_dates_and_figures(self, client, home, programme, staff_user):
        index = GoodPracticeIndexPageFactory(parent=home, slug="stories")
        for number in range(4):
            GoodPracticeStoryPageFactory(
                parent=index,
                title=f"Story {number}",
                date=datetime.date(2026, 1, 1 + number),
            )
        calendar = CalendarPageFactory(parent=home, slug="calendar")
        soon = timezone.localdate() + datetime.timedelta(days=5)
        EventFactory(title="Network lunch", starts_on=soon)
        SessionFactory(title="Mentoring session", starts_on=soon)
        report = AnnualReportPageFactory(parent=home, slug="report")
        report.figures = {"totals": {"allies_total": 1234, "pledges": 0, "commitments_done": 7}}
        report.save_revision().publish()
        client.force_login(staff_user)
        html = client.get(programme["home"].url).content.decode()
        # Three newest stories, newest first.
        assert html.index("Story 3") < html.index("Story 2") < html.index("Story 1")
        assert "Story 0" not in html
        # Dates in "Coming up"; the session in its own box with its sign-up.
        coming = html[html.index('id="allyship-home-dates"') :]
        assert (
            "Network lunch" in coming and "Mentoring session" not in coming.split("</section>")[0]
        )
        assert "Next good-practice session" in html
        assert f'href="{calendar.url}"' in html
        # Figures of the published report, grouped, zeros left out.
        assert "1,234" in html and "commitments kept" in html
        assert "pledges</dt>" not in html

    def test_story_count_zero_shows_no_stories(self, client, home, programme, staff_user):
        index = GoodPracticeIndexPageFactory(parent=home, slug="stories")
        GoodPracticeStoryPageFactory(parent=index, title="A story")
        page = programme["home"]
        page.story_count = 0
        page.save_revision().publish()
        client.force_login(staff_user)
        assert "A story" not in client.get(page.url).content.decode()

    def test_the_block_renders_the_same_home_on_a_hosts_page(self, home, programme, staff_user):
        request = RequestFactory().get("/")
        request.user = staff_user
        block = ProgrammeHomeBlock()
        value = block.to_python({"heading": "", "introduction": "", "story_count": 2})
        html = block.render(value, context={"request": request, "page": home.specific})
        assert "The allyship programme" in html
        assert "Become an ally" in html and "/pledge/sign-up/" in html

    def test_the_block_refuses_a_story_count_out_of_range(self):
        from django.core.exceptions import ValidationError

        block = ProgrammeHomeBlock()
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"story_count": 9}))

    def test_the_page_refuses_a_story_count_out_of_range(self, home):
        from django.core.exceptions import ValidationError

        page = ProgrammeHomePage(title="Allies", slug="allies-2", story_count=9)
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "story_count" in error.value.message_dict


def test_anonymous_visitors_see_the_join_action(client, programme):
    html = hero(client, programme["home"])
    assert "Become an ally" in html
