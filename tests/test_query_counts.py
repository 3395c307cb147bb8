"""Queries per page stay the same however much content there is (DESIGN section 6).

Each entry of ``PAGES`` adds content its page shows (menu pages, units, resources...) and
returns the page's URL. The page is requested with a little content and again with much more:
both times within its budget of queries, and with the same count, so a page whose queries
grow with the amount of content fails ``make test``. A new page type adds one entry; the
benchmarks (``make bench``) measure the same pages at realistic volumes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from tests.factories import (
    AllyActionFactory,
    AllyRegistrationFactory,
    AllyRoleProfilePageFactory,
    AnnualReportPageFactory,
    AnnualUpdateFactory,
    AwarenessDateFactory,
    CalendarPageFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    EventFactory,
    FeedbackSurveyPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    PledgeWallPageFactory,
    ProgrammeUpdatePageFactory,
    RecruitmentArticlePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    SessionFactory,
    TopicFactory,
)
from tests.testapp.models import HomePage, StandardPage
from wagtail_allyship.models import (
    ActionKind,
    AllyRegistration,
    CommitmentStatus,
    GoodPracticeStoryTopic,
    Pledge,
    RecruitmentArticlePage,
    ReminderKind,
    ResourceType,
    SentReminder,
    SurveyResponse,
    UnitKind,
    Visibility,
)
from wagtail_allyship.pledges.models import current_programme_year

pytestmark = pytest.mark.django_db

#: The two amounts of content each page is measured with.
SMALL, LARGE = 2, 25


@dataclass(frozen=True)
class QueryCase:
    """A page, how to give it ``n`` more items of content, and its budget of queries."""

    name: str
    add_content: Callable[[HomePage, int], str]  # adds n items, returns the page's URL
    max_queries: int
    user: str = "staff_user"  # the fixture that logs in: "staff_user", "ally" or "superuser"


def add_child_pages(parent: Page, n: int, *, in_menu: bool = True) -> list[Page]:
    start = parent.get_children().count()
    pages = []
    for number in range(start + 1, start + n + 1):
        page = parent.add_child(
            instance=StandardPage(
                title=f"Page {number}",
                slug=f"page-{number}",
                body=f"<p>Text of page {number}.</p>",
                show_in_menus=in_menu,
            )
        )
        page.save_revision().publish()
        pages.append(page)
    return pages


def home_page_with_menu(home: HomePage, n: int) -> str:
    """The home page lists the pages in its menu: more pages must not mean more queries."""
    add_child_pages(home, n)
    return home.url


def plain_page_among_siblings(home: HomePage, n: int) -> str:
    """The baseline page, in a site with more pages and more organisation units."""
    about = home.get_children().filter(slug="about").first()
    if about is None:
        about = home.add_child(
            instance=StandardPage(title="About", slug="about", body="<p>About us.</p>")
        )
        about.save_revision().publish()
    add_child_pages(home, n, in_menu=False)
    OrganisationUnitFactory.create_batch(n)
    return about.url


def page_under(home: HomePage, factory, slug: str, **fields) -> Page:
    """The page ``slug`` below the home page: made (and published) by the first call only."""
    page = home.get_children().filter(slug=slug).first()
    if page is None:
        return factory(parent=home, slug=slug, **fields)
    return page.specific


def republish_with_more_blocks(page: Page, field: str, blocks: list) -> None:
    """Add ``blocks`` to the stream field ``field`` of ``page`` and publish it again."""
    setattr(page, field, [(block.block_type, block.value) for block in getattr(page, field)])
    getattr(page, field).extend(blocks)
    page.save_revision().publish()


# The toolkit's pages -------------------------------------------------------------------


def role_profile_with_actions(home: HomePage, n: int) -> str:
    """The role profile lists every action of its language, everyday and structural."""
    page = page_under(home, AllyRoleProfilePageFactory, "role-profile")
    AllyActionFactory.create_batch(n)
    AllyActionFactory.create_batch(n, kind=ActionKind.STRUCTURAL)
    return page.url


def glossary_with_terms(home: HomePage, n: int) -> str:
    """The glossary lists every term of its language, A to Z."""
    page = page_under(home, GlossaryPageFactory, "glossary")
    GlossaryTermFactory.create_batch(n)
    return page.url


def article_blocks(home: HomePage, n: int) -> list[tuple[str, object]]:
    """``n`` rounds of the blocks a recruitment article has, with placeholders to fill."""
    blocks = []
    for number in range(n):
        blocks += [
            ("rich_text", f"<p>Paragraph {number}: join the allies of [FORCE NAME].</p>"),
            ("call_to_action", {"label": "Sign up", "text": "", "link": "[SIGN-UP LINK]"}),
            ("call_to_action", {"label": "Home", "text": "", "page": home, "link": ""}),
            ("contact", {"heading": "", "text": "", "show_unit_contact": True}),
        ]
    return blocks


def recruitment_template_with_blocks(home: HomePage, n: int) -> str:
    """A template (no unit): its placeholders are highlighted, not filled."""
    page = page_under(home, RecruitmentArticlePageFactory, "join-template", body=[])
    republish_with_more_blocks(page, "body", article_blocks(home, n))
    OrganisationUnitFactory.create_batch(n)
    return page.url


def recruitment_local_version_with_blocks(home: HomePage, n: int) -> str:
    """A unit's local version of a template: the unit (in a region) fills the placeholders."""
    page = home.get_children().filter(slug="join-essex").first()
    if page is None:
        template = page_under(home, RecruitmentArticlePageFactory, "join-template", body=[])
        region = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
        essex = OrganisationUnitFactory(name="Essex Police", parent=region)
        page = template.create_local_version(essex, parent=home)
        page.slug = "join-essex"
        page.save_revision().publish()
    page = RecruitmentArticlePage.objects.get(pk=page.pk)
    assert page.template_page_id and page.unit_id
    republish_with_more_blocks(page, "body", article_blocks(home, n))
    OrganisationUnitFactory.create_batch(n)
    return page.url


def story_image():
    Image = get_image_model()
    image = Image.objects.filter(title="Team").first()
    return image or Image.objects.create(title="Team", file=get_test_image_file())


def story_index_with_stories(home: HomePage, n: int) -> str:
    """The index lists stories with their topics, units and images, and filters by them."""
    index = page_under(home, GoodPracticeIndexPageFactory, "stories")
    region = OrganisationUnitFactory(kind=UnitKind.REGION)
    for number in range(n):
        GoodPracticeStoryPageFactory(
            parent=index,
            unit=OrganisationUnitFactory(parent=region),
            topics=TopicFactory.create_batch(2),
            image=story_image() if number % 2 else None,
            image_alt="The team",
        )
    return index.url


def story_with_topics_and_blocks(home: HomePage, n: int) -> str:
    """One story with more topics and a longer body (quotes, lessons, figures)."""
    index = page_under(home, GoodPracticeIndexPageFactory, "stories")
    story = index.get_children().filter(slug="one-story").first()
    if story is None:
        story = GoodPracticeStoryPageFactory(
            parent=index,
            slug="one-story",
            unit=OrganisationUnitFactory(),
            image=story_image(),
            image_alt="The team",
        )
    story = story.specific
    for topic in TopicFactory.create_batch(n):
        GoodPracticeStoryTopic.objects.create(page=story, topic=topic, locale_id=story.locale_id)
    blocks = []
    for number in range(n):
        blocks += [
            ("paragraph", f"<p>What happened next, part {number}.</p>"),
            ("quote", {"text": f"Quote {number}.", "attribution": "An ally"}),
            ("lessons_learned", {"heading": "", "lessons": ["Start small", "Ask the team"]}),
            (
                "outcome_figures",
                {"heading": "", "figures": [{"value": f"{number}0", "label": "allies"}]},
            ),
        ]
    republish_with_more_blocks(story, "body", blocks)
    return story.url


def calendar_with_entries(home: HomePage, n: int) -> str:
    """Yearly dates, events and sessions (each with a topic) over the next twelve months."""
    page = page_under(home, CalendarPageFactory, "calendar")
    today = timezone.localdate()
    for number in range(n):
        topic = TopicFactory()
        day = today + datetime.timedelta(days=number * 13 % 360 + 1)
        AwarenessDateFactory(month=day.month, day=min(day.day, 28), topic=topic)
        EventFactory(starts_on=day, topic=topic)
        SessionFactory(starts_on=day, topic=topic)
    EventFactory(starts_on=today - datetime.timedelta(days=30 + n))  # one more that is over
    return page.url


def resource_hub_with_resources(home: HomePage, n: int) -> str:
    """The hub counts its facets over every resource and lists a page of them, with images."""
    hub = page_under(home, ResourceHubPageFactory, "resources")
    for number in range(n):
        ResourcePageFactory(
            parent=hub,
            image=story_image() if number % 2 else None,
            image_alt="The team",
            resource_type=ResourceType.values[number % len(ResourceType.values)],
            toolkit_step=1 + number % 3,
            topics=TopicFactory.create_batch(2),
            tags=[f"keyword-{number}"] if number % 3 == 0 else (),
        )
    return hub.url


def resource_with_topics_and_tags(home: HomePage, n: int) -> str:
    """One resource with more topics and tags."""
    hub = page_under(home, ResourceHubPageFactory, "resources")
    resource = ResourcePageFactory(
        parent=hub,
        slug=f"resource-{n}",
        owner_unit=OrganisationUnitFactory(),
        topics=TopicFactory.create_batch(n),
        tags=[f"keyword-{number}" for number in range(n)],
    )
    return resource.url


# The pledge pages, seen by an ally -----------------------------------------------------


def the_ally():
    """The logged-in ally of the ``ally`` fixture."""
    return AllyRegistration.objects.select_related("user").get(user__username="staff").user


def other_allies_pledge(n: int) -> None:
    """``n`` more allies, each in a unit of their own, with a published three-commitment pledge."""
    for _number in range(n):
        registration = AllyRegistrationFactory()
        PledgeFactory(user=registration.user, commitments=3)


def earlier_pledges_of(user, n: int) -> list[Pledge]:
    """``n`` more earlier years of pledges, each with three commitments and their progress."""
    oldest = Pledge.objects.filter(user=user).order_by("programme_year").first()
    year = (oldest.programme_year if oldest else current_programme_year()) - 1
    pledges = []
    for offset in range(n):
        pledge = PledgeFactory(user=user, programme_year=year - offset)
        for position in (1, 2, 3):
            commitment = CommitmentFactory(
                pledge=pledge,
                position=position,
                deadline=timezone.localdate() - datetime.timedelta(days=30 + offset),
            )
            CommitmentUpdateFactory.create_batch(2, commitment=commitment)
        pledges.append(pledge)
    return pledges


def pledge_form_with_earlier_pledges(home: HomePage, n: int) -> str:
    """The form of an ally with no pledge yet this year: last year's open commitments
    are filled in for renewal, among more earlier pledges, allies and units."""
    page = page_under(home, PledgePageFactory, "pledge")
    earlier_pledges_of(the_ally(), n)
    other_allies_pledge(n)
    return page.url


def pledge_wall_with_pledges(home: HomePage, n: int) -> str:
    """The wall shows published pledges of the year with their commitments, by unit."""
    page = page_under(home, PledgeWallPageFactory, "pledge-wall")
    other_allies_pledge(n)
    private = PledgeFactory(visibility=Visibility.PRIVATE, published_consent_at=None)
    AllyRegistrationFactory(user=private.user)
    return page.url


def my_allyship_with_history(home: HomePage, n: int) -> str:
    """An ally's pledge of this year, more earlier pledges with progress, and reminders."""
    page = page_under(home, MyAllyshipPageFactory, "my-allyship")
    ally = the_ally()
    this_year = Pledge.objects.filter(user=ally, programme_year=current_programme_year()).first()
    if this_year is None:
        this_year = PledgeFactory(user=ally, commitments=3)
    for commitment in this_year.commitments.all():
        CommitmentUpdateFactory.create_batch(
            n, commitment=commitment, status=CommitmentStatus.IN_PROGRESS
        )
    for pledge in earlier_pledges_of(ally, n):
        for commitment in pledge.commitments.all():
            SentReminder.objects.create(
                user=ally,
                commitment=commitment,
                kind=ReminderKind.OVERDUE,
                for_date=commitment.deadline,
            )
    other_allies_pledge(n)
    return page.url


# Accountability ------------------------------------------------------------------------


def units_with_updates(n: int, image=None) -> None:
    """``n`` forces in a new region, each with allies, a pledge and an approved update."""
    region = OrganisationUnitFactory(kind=UnitKind.REGION)
    for _number in range(n):
        unit = OrganisationUnitFactory(parent=region)
        registration = AllyRegistrationFactory(unit=unit)
        PledgeFactory(user=registration.user)
        AnnualUpdateFactory(unit=unit, image=image)


def annual_report_with_live_figures(home: HomePage, n: int) -> str:
    """A report whose figures are computed on each view (as in a draft's preview)."""
    page = page_under(home, AnnualReportPageFactory, "annual-report-live")
    units_with_updates(n, image=story_image())
    type(page).objects.filter(pk=page.pk).update(figures=None)
    return page.url


def annual_report_published(home: HomePage, n: int) -> str:
    """A published report reads its stored figures; republished to take in the new units."""
    page = page_under(home, AnnualReportPageFactory, "annual-report")
    units_with_updates(n, image=story_image())
    page.refresh_figures = True
    page.save_revision().publish()
    return page.url


# Newsletters -----------------------------------------------------------------------------


def programme_update_with_blocks(home: HomePage, n: int) -> str:
    """A programme update with more paragraphs, quotes and featured stories and dates."""
    page = page_under(home, ProgrammeUpdatePageFactory, "spring-update")
    index = page_under(home, GoodPracticeIndexPageFactory, "update-stories")
    stories = [GoodPracticeStoryPageFactory(parent=index) for _number in range(n)]
    dates = [EventFactory() for _number in range(n)]
    page.body = [(block.block_type, block.value) for block in page.body] + [
        ("paragraph", f"<p>News {number}.</p>") for number in range(n)
    ]
    page.featured = (
        [(block.block_type, block.value) for block in page.featured]
        + [("page", story) for story in stories]
        + [("date", entry) for entry in dates]
    )
    page.save_revision().publish()
    return page.url


# The survey ----------------------------------------------------------------------------


def survey_with_responses(home: HomePage, n: int) -> str:
    """An ally's survey form, with more responses from more units (the form never reads them)."""
    page = page_under(home, FeedbackSurveyPageFactory, "survey")
    fields = [field.clean_name for field in page.get_form_fields()]
    for _number in range(n):
        SurveyResponse.objects.create(
            page=page,
            form_data={fields[0]: 4, fields[1]: "Training", fields[2]: "More sessions"},
            month=timezone.localdate().replace(day=1),
            unit_key=OrganisationUnitFactory().translation_key,
        )
    return page.url


#: Every programme page also reads its breadcrumbs and section navigation: one query
#: (wagtail_allyship/programme/navigation.py), counted in each budget below.
PAGES = [
    QueryCase("home page", home_page_with_menu, max_queries=11),
    QueryCase("standard page", plain_page_among_siblings, max_queries=10),
    QueryCase("ally role profile", role_profile_with_actions, max_queries=11),
    QueryCase("glossary", glossary_with_terms, max_queries=12),
    QueryCase("recruitment template", recruitment_template_with_blocks, max_queries=11),
    # One more than the template: who the reader is, so that a sign-up button can offer an
    # ally his next step instead (pledges/next_step.py).
    QueryCase("recruitment local version", recruitment_local_version_with_blocks, max_queries=14),
    QueryCase("good-practice story index", story_index_with_stories, max_queries=18),
    QueryCase("good-practice story", story_with_topics_and_blocks, max_queries=15),
    # One more: the sign-up state of the sessions shown (tests/sessions: 10 and 1,000 sign-ups).
    QueryCase("calendar", calendar_with_entries, max_queries=17),
    QueryCase("resource hub", resource_hub_with_resources, max_queries=20),
    QueryCase("resource", resource_with_topics_and_tags, max_queries=16),
    QueryCase("pledge form", pledge_form_with_earlier_pledges, max_queries=16, user="ally"),
    # Feedback: the wall reads the answers shown with its pledges (one query), My allyship
    # what the ally asked for and what was asked of him (two), and the ally's sessions,
    # coming and attended (one). Ally circles: the ally's circles and his requests waiting
    # (two; their next meetings and the calendar's address only when he is in a circle, see
    # tests/circles at 1 and 20 circles). Every programme page reads its breadcrumbs and
    # sections (one).
    QueryCase("pledge wall", pledge_wall_with_pledges, max_queries=19),
    QueryCase("my allyship", my_allyship_with_history, max_queries=21, user="ally"),
    # Live figures: 24, 3 for the accountability status of the pledges, 1 for feedback counts,
    # and 1 for the breadcrumbs and sections every programme page reads.
    QueryCase("annual report (live figures)", annual_report_with_live_figures, max_queries=29),
    QueryCase("annual report (published)", annual_report_published, max_queries=16),
    QueryCase("survey form", survey_with_responses, max_queries=14, user="ally"),
    # Three more than a plain page: the featured stories and dates, and their translations; and
    # the breadcrumbs and sections every programme page reads (one).
    QueryCase("programme update", programme_update_with_blocks, max_queries=14),
]


@pytest.fixture
def home(locales) -> HomePage:
    """The site's home page (in English, with a French translation), as the default site."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="intranet-home", intro="<p>Welcome.</p>")
    )
    home.save_revision().publish()
    french = home.copy_for_translation(locales["fr"])
    french.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def ally(staff_user):
    """The staff member, signed up as an ally: how the pledge pages are used."""
    AllyRegistrationFactory(user=staff_user, unit=OrganisationUnitFactory(name="Essex Police"))
    return staff_user


def count_queries(client, url: str, max_queries: int, django_assert_max_num_queries) -> int:
    assert client.get(url).status_code == 200  # fills Wagtail's per-site caches
    with django_assert_max_num_queries(max_queries) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name)
def test_queries_do_not_grow_with_content(
    case, request, client, home, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(case.user))
    url = case.add_content(home, SMALL)
    few = count_queries(client, url, case.max_queries, django_assert_max_num_queries)
    url = case.add_content(home, LARGE - SMALL)
    many = count_queries(client, url, case.max_queries, django_assert_max_num_queries)
    assert many == few, f"{case.name}: {few} queries with {SMALL} items, {many} with {LARGE}"
