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

    User = get_user_model()  # noqa: N806
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
    description="the package's starter set, published under the home page in 5 languages",
)
def build_starter(ctx: BuildContext) -> int:
    from wagtail_allyship.starter import load_starter

    created = 0
    for code in ctx.track(LOCALES, "starter content"):
        result = load_starter(ctx.locale(code), parent=ctx.home(code), publish=True)
        created += len(result.created)
    return created


# Data sets of features still to come (DESIGN section 6) -------------------------------

planned("resources", 10_000, "wagtail_allyship.ResourcePage", description="in 5 locales")
planned("good practice stories", 500, "wagtail_allyship.GoodPracticeStoryPage")
planned("annual updates", 600, "wagtail_allyship.AnnualUpdate", description="60 units x 10 years")
planned(
    "pledges",
    2_000,
    "wagtail_allyship.Pledge",
    "wagtail_allyship.Commitment",
    description="3 commitments each",
)
planned("calendar entries", 400, "wagtail_allyship.AwarenessDate")


# Scenarios beyond "one page of each type" ---------------------------------------------

SCENARIOS.append(
    Scenario(
        "Organisation units, admin listing",
        url=lambda: reverse("wagtailsnippets_wagtail_allyship_organisationunit:list"),
        models=("wagtail_allyship.OrganisationUnit",),
        user="editor",
    )
)
