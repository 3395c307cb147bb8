"""The benchmark registry: which data to generate, and which pages to measure beside the baseline.

How a feature joins the benchmarks (see docs/pages/performance.md):

1. Data: decorate a builder with ``@dataset(name, count_at_scale_one, "app.Model", ...)``, or
   give a ``planned(...)`` entry below its builder. It runs only when its models exist.
2. Pages: nothing to do for a page type. Every page type with a live page in the generated
   data is measured (its shallowest English page). Register a :class:`Scenario` for any other
   URL: a filtered listing, a search, a feed, an admin view, a page type with a budget.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from .data import (
    BASELINE_BODY,
    BASELINE_SLUG,
    LOCALES,
    SITE_NAME,
    USERS,
    BuildContext,
    Dataset,
    Scenario,
    add_pages,
)

#: Built in this order by ``manage.py allyship_benchmark_data``.
DATASETS: list[Dataset] = []
#: Measured by ``python -m benchmarks``, each beside the baseline.
SCENARIOS: list[Scenario] = []


def dataset(name: str, at_scale_one: int, *models: str, description: str = ""):
    """Register the decorated function as the builder of a data set."""

    def register(build):
        DATASETS.append(Dataset(name, at_scale_one, models, build, description))
        return build

    return register


def planned(name: str, at_scale_one: int, *models: str, description: str = "") -> None:
    """A data set the design asks for whose feature has not written its builder yet."""
    DATASETS.append(Dataset(name, at_scale_one, models, None, description))


# The site and the baseline ------------------------------------------------------------


def baseline_url() -> str | None:
    from intranet.models import StandardPage

    page = StandardPage.objects.live().filter(slug=BASELINE_SLUG, locale__language_code="en")
    page = page.first()
    return page.url if page else None


#: A plain Wagtail page of the same site: a title and a rich-text body, no queries of its own.
BASELINE = Scenario("Plain page (baseline)", url=baseline_url, models=("intranet.StandardPage",))


@dataset(
    "site",
    1,
    "intranet.HomePage",
    "intranet.StandardPage",
    description="home page and baseline page in 5 languages, 50 other pages, 2 users",
)
def build_site(ctx: BuildContext) -> int:
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale, Page, Site

    from intranet.models import HomePage, StandardPage

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title=SITE_NAME,
            slug="benchmark-home",
            intro="<p>Welcome to the intranet. The programme's pages are listed below.</p>",
            locale=locales["en"],
        )
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = SITE_NAME
    site.save()
    if old_root is not None and old_root.depth == 2 and not old_root.get_children().exists():
        old_root.delete()

    baseline = home.add_child(
        instance=StandardPage(
            title="Baseline page", slug=BASELINE_SLUG, body=BASELINE_BODY, show_in_menus=True
        )
    )
    baseline.save_revision().publish()
    count = 2
    for code in ctx.track(LOCALES[1:], "translations of home and baseline"):
        for page in (home, baseline):
            translation = page.copy_for_translation(locales[code])
            translation.title = f"{page.title} ({code})"
            translation.save_revision().publish()
            count += 1

    others = [
        StandardPage(
            title=f"Intranet page {n}",
            slug=f"intranet-page-{n}",
            body=BASELINE_BODY,
            show_in_menus=n <= 6,
        )
        for n in range(1, ctx.count(50) + 1)
    ]
    count += len(add_pages(home, others))

    User = get_user_model()
    User.objects.create_user(USERS["ally"], f"{USERS['ally']}@example.org", "bench")
    User.objects.create_superuser(USERS["editor"], f"{USERS['editor']}@example.org", "bench")
    return count


# Organisation units -------------------------------------------------------------------


@dataset(
    "organisation units",
    60,
    "wagtail_allyship.OrganisationUnit",
    description="1 national team, regions and forces, each in 5 languages",
)
def build_units(ctx: BuildContext) -> int:
    from wagtail_allyship.models import OrganisationUnit, UnitKind

    total = ctx.count(60)
    english = ctx.locale("en")
    national = OrganisationUnit.objects.create(
        name="National Allyship Team", short_name="NAT", kind=UnitKind.NATIONAL, locale=english
    )
    regions = [
        OrganisationUnit(
            name=f"Region {n}", short_name=f"R{n}", kind=UnitKind.REGION, parent=national
        )
        for n in range(1, max(1, (total - 1) // 10) + 1)
    ]
    forces = [
        OrganisationUnit(
            name=f"Force {n:03d}",
            short_name=f"F{n:03d}",
            kind=UnitKind.FORCE,
            parent=regions[n % len(regions)],
            contact_name=f"Contact {n}",
            contact_email=f"allies{n}@force{n}.example.org",
            sign_up_url=f"https://intranet.example.org/allies/f{n:03d}/",
        )
        for n in range(1, max(0, total - 1 - len(regions)) + 1)
    ]
    for unit in [*regions, *forces]:
        unit.locale = english
    OrganisationUnit.objects.bulk_create(regions)
    OrganisationUnit.objects.bulk_create(forces)
    units = [national, *regions, *forces]
    for code in ctx.track(LOCALES[1:], "unit translations"):
        locale = ctx.locale(code)
        copies = {}
        for unit in units:  # parents come before their children
            copy = unit.copy_for_translation(locale)
            copy.name = f"{unit.name} ({code})"
            copy.parent = copies.get(unit.parent_id)
            copies[unit.pk] = copy
            copy.save()
    return len(units) * len(LOCALES)


# The starter set: role profile, recruitment article template, actions, glossary terms ---


@dataset(
    "starter content",
    1,
    "wagtail_allyship.AllyRoleProfilePage",
    "wagtail_allyship.RecruitmentArticlePage",
    "wagtail_allyship.AllyAction",
    "wagtail_allyship.GlossaryTerm",
    "wagtail_allyship.GlossaryPage",
    description="the package's starter set, published under the home page in 5 languages",
)
def build_starter(ctx: BuildContext) -> int:
    from wagtail_allyship.models import GlossaryPage
    from wagtail_allyship.starter.step1 import load_starter

    created = 0
    for code in ctx.track(LOCALES, "starter content"):
        result = load_starter(ctx.locale(code), parent=ctx.home(code), publish=True)
        created += len(result.created)
    glossary = ctx.home("en").add_child(
        instance=GlossaryPage(title="Glossary", slug="bench-glossary")
    )
    glossary.save_revision().publish()
    return created + 1


# Good-practice stories, the calendar and pledges ---------------------------------------


@dataset(
    "good practice stories",
    500,
    "wagtail_allyship.GoodPracticeIndexPage",
    "wagtail_allyship.GoodPracticeStoryPage",
    description="one story index, stories over 10 years and many units, with topics",
)
def build_stories(ctx: BuildContext) -> int:
    import datetime

    from wagtail_allyship.models import (
        GoodPracticeIndexPage,
        GoodPracticeStoryPage,
        OrganisationUnit,
        Topic,
    )
    from wagtail_allyship.stories.models import GoodPracticeStoryTopic

    english = ctx.locale("en")
    index = ctx.home("en").add_child(
        instance=GoodPracticeIndexPage(title="Good-practice stories", slug="stories")
    )
    index.save_revision().publish()
    topics = [
        Topic.objects.create(name=f"Story topic {n}", locale=english, order=n) for n in range(1, 9)
    ]
    units = list(OrganisationUnit.objects.filter(locale=english)) or [None]
    today = timezone.localdate()
    total = ctx.count(500)
    stories = [
        GoodPracticeStoryPage(
            title=f"How team {n} changed its meetings",
            slug=f"story-{n}",
            organisation_name="Example organisation",
            unit=units[n % len(units)],
            date=today - datetime.timedelta(days=(n * 7) % 3650),
            summary="What the team did, and what changed for the people in it.",
            body=[
                ("paragraph", "<p>How it started, and who joined in.</p>"),
                ("quote", {"text": "It changed how we run meetings.", "attribution": ""}),
            ],
        )
        for n in range(1, total + 1)
    ]
    stories = add_pages(index, stories)
    GoodPracticeStoryTopic.objects.bulk_create(
        GoodPracticeStoryTopic(page=story, topic=topics[i % len(topics)], locale=english)
        for i, story in enumerate(stories)
    )
    return len(stories) + 1


@dataset(
    "calendar entries",
    400,
    "wagtail_allyship.CalendarPage",
    "wagtail_allyship.AwarenessDate",
    description="one calendar page; yearly dates, events in several time zones, sessions",
)
def build_calendar(ctx: BuildContext) -> int:
    import datetime

    from wagtail_allyship.models import AwarenessDate, AwarenessDateKind, CalendarPage, Topic

    english = ctx.locale("en")
    calendar = ctx.home("en").add_child(
        instance=CalendarPage(title="Allyship calendar", slug="calendar")
    )
    calendar.save_revision().publish()
    topic = Topic.objects.create(name="Good-practice sessions", locale=english)
    zones = ["Europe/London", "Europe/Paris", "America/New_York", "Asia/Dubai"]
    today = timezone.localdate()
    entries = []
    for n in range(ctx.count(400)):
        if n % 20 < 12:
            entries.append(
                AwarenessDate(
                    kind=AwarenessDateKind.YEARLY,
                    title=f"Awareness day {n}",
                    description="Why the day matters and how allies can mark it.",
                    month=n % 12 + 1,
                    day=n % 28 + 1,
                    locale=english,
                )
            )
        else:
            session = n % 20 >= 17
            entries.append(
                AwarenessDate(
                    kind=AwarenessDateKind.SESSION if session else AwarenessDateKind.EVENT,
                    title=f"{'Session' if session else 'Event'} {n}",
                    description="What happens, and who it is for.",
                    starts_on=today + datetime.timedelta(days=(n * 3) % 540 - 90),
                    start_time=datetime.time(12, 30),
                    end_time=datetime.time(13, 30),
                    time_zone=zones[n % len(zones)],
                    location="" if session else "Training room 2",
                    online_link="https://meet.example.org/allies" if session else "",
                    topic=topic if session else None,
                    locale=english,
                )
            )
    AwarenessDate.objects.bulk_create(entries)
    return len(entries) + 1


@dataset(
    "pledges",
    2_000,
    "wagtail_allyship.PledgeWallPage",
    "wagtail_allyship.PledgePage",
    "wagtail_allyship.MyAllyshipPage",
    "wagtail_allyship.Pledge",
    "wagtail_allyship.Commitment",
    description="registered allies with a published pledge of 3 commitments each; a wall page",
)
def build_pledges(ctx: BuildContext) -> int:
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from wagtail_allyship.models import (
        AllyRegistration,
        Commitment,
        CommitmentKind,
        MyAllyshipPage,
        OrganisationUnit,
        Pledge,
        PledgePage,
        PledgeWallPage,
        Visibility,
    )
    from wagtail_allyship.pledges.models import current_programme_year

    home = ctx.home("en")
    for page in (
        PledgeWallPage(title="Pledge wall", slug="wall"),
        PledgePage(title="Make your pledge", slug="pledge"),
        MyAllyshipPage(title="My allyship", slug="my-allyship"),
    ):
        home.add_child(instance=page).save_revision().publish()
    User = get_user_model()
    total = ctx.count(2_000)
    users = User.objects.bulk_create(
        User(username=f"bench-ally-{n}", first_name="Ally", last_name=f"Number {n}")
        for n in range(total)
    )
    units = list(OrganisationUnit.objects.filter(locale=ctx.locale("en")))
    if units:
        AllyRegistration.objects.bulk_create(
            AllyRegistration(user=user, unit=units[i % len(units)], role="Officer")
            for i, user in enumerate(users)
        )
        # The measuring ally is registered, so the pledge page shows its form, not sign-up.
        AllyRegistration.objects.create(user=ctx.user("ally"), unit=units[0], role="Officer")
    now = timezone.now()
    year = current_programme_year()
    pledges = Pledge.objects.bulk_create(
        Pledge(
            user=user,
            programme_year=year,
            visibility=Visibility.PUBLISHED,
            published_consent_at=now,
        )
        for user in users
    )
    deadline = timezone.localdate() + datetime.timedelta(days=120)
    Commitment.objects.bulk_create(
        Commitment(
            pledge=pledge,
            position=position,
            kind=CommitmentKind.PERSONAL if position < 3 else CommitmentKind.ORGANISATIONAL,
            text=f"Commitment {position}: mentor a colleague through promotion",
            kpi="One meeting a month",
            deadline=deadline,
        )
        for pledge in pledges
        for position in (1, 2, 3)
    )
    return len(pledges) * 4 + 3


# Data sets of features still to come (DESIGN section 6) -------------------------------


@dataset(
    "resources",
    10_000,
    "wagtail_allyship.ResourceHubPage",
    "wagtail_allyship.ResourcePage",
    description="a hub in 5 languages; a quarter of the resources in English, three quarters of "
    "them translated into each other language; topics and tags; indexed for search",
)
def build_resources(ctx: BuildContext) -> int:
    import datetime

    from wagtail.search.backends import get_search_backend

    from wagtail_allyship.models import (
        Audience,
        OrganisationUnit,
        ResourceHubPage,
        ResourcePage,
        ResourceTag,
        ResourceTopic,
        ResourceType,
        TaggedResource,
        Topic,
    )

    total = ctx.count(10_000)
    english_count = max(total // 4, 1)
    translated_count = (total - english_count) // (len(LOCALES) - 1)
    english = ctx.locale("en")
    hub = ctx.home("en").add_child(
        instance=ResourceHubPage(title="Resource hub", slug="resources", show_in_menus=True)
    )
    hub.save_revision().publish()
    topics = {
        code: [
            Topic(name=f"Topic {n} ({code})", locale=ctx.locale(code), order=n)
            for n in range(1, 13)
        ]
        for code in LOCALES
    }
    Topic.objects.bulk_create(topics["en"])
    for code in LOCALES[1:]:
        for n, topic in enumerate(topics[code]):
            topic.translation_key = topics["en"][n].translation_key
        Topic.objects.bulk_create(topics[code])
    tags = ResourceTag.objects.bulk_create(
        ResourceTag(name=f"keyword {n}", slug=f"keyword-{n}") for n in range(40)
    )
    units = list(OrganisationUnit.objects.filter(locale=english)) or [None]
    types, audiences = ResourceType.values, Audience.values
    today = timezone.localdate()

    def resources_for(code, count, keys=None):
        return [
            ResourcePage(
                title=f"{SUBJECTS[n % len(SUBJECTS)].capitalize()}: {FORMATS[n % 7]} {n} ({code})",
                slug=f"resource-{n}",
                translation_key=keys[n] if keys else None,
                summary="When to use it, who it is for, and how long it takes.",
                body="<p>How allies use this resource in team meetings and one-to-ones.</p>",
                resource_type=types[n % len(types)],
                audience=audiences[n % len(audiences)],
                toolkit_step=1 + n % 3,
                duration=f"{10 + n % 50} minutes",
                external_url=f"https://learning.example.org/resources/{n}",
                owner_unit=units[n % len(units)] if code == "en" else None,
                review_date=today + datetime.timedelta(days=n % 900 - 60),
            )
            for n in range(count)
        ]

    made = {"en": add_pages(hub, resources_for("en", english_count))}
    keys = [page.translation_key for page in made["en"]]
    for code in ctx.track(LOCALES[1:], "resource translations"):
        translated_hub = hub.copy_for_translation(ctx.locale(code))
        translated_hub.title = f"Resource hub ({code})"
        translated_hub.save_revision().publish()
        made[code] = add_pages(translated_hub, resources_for(code, translated_count, keys))
    for code, pages in made.items():
        locale = ctx.locale(code)
        ResourceTopic.objects.bulk_create(
            ResourceTopic(
                page_id=page.pk,
                topic=topics[code][(n + extra) % 12],
                sort_order=extra,
                locale=locale,
            )
            for n, page in enumerate(pages)
            for extra in range(1 + n % 2)
        )
        TaggedResource.objects.bulk_create(
            TaggedResource(content_object_id=page.pk, tag=tags[(n + extra * 7) % len(tags)])
            for n, page in enumerate(pages)
            for extra in range(1 + n % 3)
        )
        backend = get_search_backend()
        for batch in ctx.track(
            [pages[i : i + 500] for i in range(0, len(pages), 500)], f"search index ({code})"
        ):
            backend.add_bulk(ResourcePage, list(batch))
    return sum(len(pages) for pages in made.values()) + len(LOCALES)


@dataset(
    "annual updates",
    600,
    "wagtail_allyship.AnnualUpdate",
    "wagtail_allyship.AnnualReportPage",
    description="an approved update from every unit for each of 10 years; a published report "
    "of this year and a draft-like report whose figures are computed on each view",
)
def build_annual_updates(ctx: BuildContext) -> int:
    from wagtail_allyship.models import (
        AnnualReportPage,
        AnnualUpdate,
        AnnualUpdateStatus,
        OrganisationUnit,
    )
    from wagtail_allyship.pledges.models import current_programme_year

    year = current_programme_year()
    units = list(OrganisationUnit.objects.filter(locale=ctx.locale("en")).order_by("pk"))
    years = max(1, ctx.count(600) // max(len(units), 1))
    AnnualUpdate.objects.bulk_create(
        AnnualUpdate(
            unit=unit,
            year=update_year,
            title=f"{unit.name}: what we did in {update_year}",
            body="<p>Listening sessions, reverse mentoring and a review of promotion panels.</p>",
            status=AnnualUpdateStatus.APPROVED,
        )
        for update_year in range(year - years + 1, year + 1)
        for unit in units
    )
    home = ctx.home("en")
    published = home.add_child(
        instance=AnnualReportPage(title="Annual report", slug="annual-report", year=year)
    )
    published.save_revision().publish()
    live = home.add_child(
        instance=AnnualReportPage(
            title="Annual report (live)", slug="annual-report-live", year=year
        )
    )
    live.save_revision().publish()
    AnnualReportPage.objects.filter(pk=live.pk).update(figures=None)
    return len(units) * years + 2


@dataset(
    "survey responses",
    2_000,
    "wagtail_allyship.FeedbackSurveyPage",
    "wagtail_allyship.SurveyResponse",
    description="one ally survey of five questions with answers from allies in every unit",
)
def build_survey(ctx: BuildContext) -> int:

    from wagtail_allyship.models import (
        FeedbackSurveyPage,
        OrganisationUnit,
        SurveyQuestion,
        SurveyResponse,
    )

    survey = FeedbackSurveyPage(title="Ally survey", slug="ally-survey")
    questions = [
        ("How confident do you feel speaking up?", "scale", ""),
        ("How well does your manager support the programme?", "scale", ""),
        ("Which activity helped you most?", "radio", "Mentoring\nListening circles\nTraining"),
        ("Which topics should come next?", "checkboxes", "Menopause\nFlexible working\nPay"),
        ("What should the programme change?", "multiline", ""),
    ]
    for order, (label, field_type, choices) in enumerate(questions):
        survey.form_fields.add(
            SurveyQuestion(label=label, field_type=field_type, choices=choices, sort_order=order)
        )
    ctx.home("en").add_child(instance=survey).save_revision().publish()
    survey = FeedbackSurveyPage.objects.get(pk=survey.pk)
    fields = [field.clean_name for field in survey.form_fields.order_by("sort_order")]
    keys = list(
        OrganisationUnit.objects.filter(locale=ctx.locale("en")).values_list(
            "translation_key", flat=True
        )
    )
    month = timezone.localdate().replace(day=1)
    total = ctx.count(2_000)
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            page=survey,
            month=month,
            unit_key=keys[n % len(keys)] if keys else None,
            form_data={
                fields[0]: n % 5 + 1,
                fields[1]: (n * 3) % 5 + 1,
                fields[2]: ["Mentoring", "Listening circles", "Training"][n % 3],
                fields[3]: ["Menopause", "Pay"][: n % 2 + 1],
                fields[4]: f"Answer number {n}: more time for mentoring.",
            },
        )
        for n in range(total)
    )
    return total + 1


# Scenarios beyond "one page of each type" ---------------------------------------------

SCENARIOS.append(
    Scenario(
        "Organisation units, admin listing",
        url=lambda: reverse("wagtailsnippets_wagtail_allyship_organisationunit:list"),
        models=("wagtail_allyship.OrganisationUnit",),
        user="editor",
    )
)


def _subpage_url(page_model: str, route: str):
    """The URL of a route (a feed) below the first live English page of ``page_model``."""

    def url():
        from django.apps import apps

        model = apps.get_model(page_model)
        page = model.objects.live().filter(locale__language_code="en").first()
        return page.url + route if page else None

    return url


#: Words of generated resource titles, so that a search matches a realistic share of them.
SUBJECTS = [
    "mentoring",
    "flexible working",
    "menopause at work",
    "inclusive meetings",
    "speaking up",
    "recruitment panels",
    "parental leave",
    "sponsorship",
    "bystander action",
    "harassment reporting",
    "career conversations",
    "allyship basics",
    "gender pay gap",
    "women's networks",
    "leadership pledges",
    "wellbeing",
    "role models",
    "unconscious bias",
    "promotion boards",
    "domestic abuse support",
]
FORMATS = ["guide", "checklist", "slides", "course", "video", "template", "toolkit"]


def _hub_url(language_code: str, params: str):
    """The resource hub in ``language_code`` with a query string of filters and a search."""

    def url():
        from wagtail_allyship.models import ResourceHubPage, Topic

        hub = ResourceHubPage.objects.live().filter(locale__language_code=language_code).first()
        topic = Topic.objects.filter(locale__language_code=language_code).order_by("order")
        topic = topic.first()
        if hub is None or topic is None:
            return None
        return f"{hub.url}?{params.format(topic=topic.pk)}"

    return url


SCENARIOS.append(
    Scenario(
        "Resource hub, topic, two types and an audience",
        url=_hub_url("en", "topic={topic}&type=guide&type=video&audience=allies"),
        models=("wagtail_allyship.ResourceHubPage",),
        budget=2.0,
    )
)
SCENARIOS.append(
    Scenario(
        "Resource hub, search with a filter",
        url=_hub_url("en", "q=mentoring&type=guide&type=training"),
        models=("wagtail_allyship.ResourceHubPage",),
        budget=2.0,
    )
)
SCENARIOS.append(
    Scenario(
        "Resource hub in French, with untranslated resources",
        url=_hub_url("fr", "topic={topic}&sort=title&page=2"),
        models=("wagtail_allyship.ResourceHubPage",),
        budget=2.0,
    )
)


def _report_url(slug: str, route: str = ""):
    def url():
        from wagtail_allyship.models import AnnualReportPage

        page = AnnualReportPage.objects.live().filter(slug=slug, locale__language_code="en")
        page = page.first()
        return page.url + route if page else None

    return url


SCENARIOS.append(
    Scenario(
        "Annual report, figures computed on each view",
        url=_report_url("annual-report-live"),
        models=("wagtail_allyship.AnnualReportPage",),
    )
)
SCENARIOS.append(
    Scenario(
        "Annual report, figures as CSV",
        url=_report_url("annual-report", "figures/csv/"),
        models=("wagtail_allyship.AnnualReportPage",),
    )
)


def _survey_results_url():
    from wagtail_allyship.models import FeedbackSurveyPage

    survey = FeedbackSurveyPage.objects.live().filter(locale__language_code="en").first()
    return reverse("wagtail_allyship_survey_results", args=[survey.pk]) if survey else None


SCENARIOS.append(
    Scenario(
        "Ally survey, aggregated results (admin)",
        url=_survey_results_url,
        models=("wagtail_allyship.FeedbackSurveyPage",),
        user="editor",
    )
)
SCENARIOS.append(
    Scenario(
        "Good-practice stories, RSS feed",
        url=_subpage_url("wagtail_allyship.GoodPracticeIndexPage", "feed/"),
        models=("wagtail_allyship.GoodPracticeIndexPage",),
    )
)
SCENARIOS.append(
    Scenario(
        "Allyship calendar, iCalendar feed",
        url=_subpage_url("wagtail_allyship.CalendarPage", "ics/"),
        models=("wagtail_allyship.CalendarPage",),
    )
)
SCENARIOS.append(
    Scenario(
        "Translation status report (admin)",
        url=lambda: reverse("wagtail_allyship_translation_status"),
        models=("wagtail_allyship.ResourcePage",),
        user="editor",
    )
)
