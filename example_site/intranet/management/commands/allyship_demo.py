"""Load the demo intranet: languages, pages, units, allyship content and one user per role.

Safe to run again: what is already there is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from intranet import (
    demo_circles,
    demo_feedback,
    demo_newsletters,
    demo_photos,
    demo_pledges,
    demo_programme,
    demo_reports,
    demo_resources,
    demo_sessions,
    demo_stories_calendar,
    demo_survey,
)
from intranet.demo_strings import GLOSSARY_INTRO, STRINGS
from intranet.models import HomePage, StandardPage
from wagtail_allyship.models import (
    AllyRoleProfilePage,
    GlossaryPage,
    OrganisationUnit,
    PledgePage,
    UnitKind,
)
from wagtail_allyship.starter.step1 import load_starter
from wagtail_allyship.starter.translating import translate_starter
from wagtail_allyship.text.progress import Progress
from wagtail_allyship.translations.translate import translate

#: Passwords are for a local demo only; they are printed so that anyone can log in.
DEMO_USERS = [
    # username, password, full name, groups, is_superuser
    ("editor", "demo-editor-2026", ("Erin", "Editor"), ["Editors"], True),
    ("local-editor", "demo-local-2026", ("Luca", "Local"), ["Local editors"], False),
    ("coordinator", "demo-coordinator-2026", ("Chris", "Coordinator"), ["Coordinators"], False),
    ("ally", "demo-ally-2026", ("Alex", "Ally"), [], False),
    # A member of staff who is not an ally: someone an ally can ask for feedback.
    ("colleague", "demo-colleague-2026", ("Casey", "Colleague"), [], False),
]

#: The organisation: a national team, three regions and nine forces.
#: (name, short name, kind, parent name, contact name, contact mailbox: see contact_email)
UNITS = [
    ("National Allyship Team", "NAT", UnitKind.NATIONAL, None, "Sam Okafor", "allyship"),
    ("Northern Region", "NR", UnitKind.REGION, "National Allyship Team", "Aisha Bello", "north"),
    ("Southern Region", "SR", UnitKind.REGION, "National Allyship Team", "Ben Carter", "south"),
    ("Western Region", "WR", UnitKind.REGION, "National Allyship Team", "Carla Diaz", "west"),
    ("Northshire Police", "NP", UnitKind.FORCE, "Northern Region", "Priya Shah", "northshire"),
    ("Fellbridge Police", "FBP", UnitKind.FORCE, "Northern Region", "Owen Hughes", "fellbridge"),
    ("Harrowmere Police", "HMP", UnitKind.FORCE, "Northern Region", "Nadia Karim", "harrowmere"),
    ("Southvale Police", "SVP", UnitKind.FORCE, "Southern Region", "Tom Evans", "southvale"),
    ("Seabrook Police", "SBP", UnitKind.FORCE, "Southern Region", "Grace Mensah", "seabrook"),
    ("Kestrel Downs Police", "KDP", UnitKind.FORCE, "Southern Region", "Leo Novak", "kestrel"),
    ("Westmarch Police", "WMP", UnitKind.FORCE, "Western Region", "Hana Sato", "westmarch"),
    ("Ashcombe Police", "ACP", UnitKind.FORCE, "Western Region", "Ravi Menon", "ashcombe"),
    ("Riverford Police", "RFP", UnitKind.FORCE, "Western Region", "Maya Cohen", "riverford"),
]

#: The forces whose local recruitment article the demo publishes (the others have none yet).
RECRUITING_FORCES = ("Northshire Police", "Southvale Police")


def contact_email(mailbox: str) -> str:
    """The national team's address, or a force's or region's own programme address."""
    if mailbox == "allyship":
        return "allyship@example.org"
    return f"allies@{mailbox}.example.org"


HOME_INTRO = "Welcome to the example intranet. Use the links below to find the allyship programme."
#: The role profile's button, in each language of the demo.
PROFILE_BUTTONS = {
    "en": "Sign up as an ally",
    "fr": "Devenir allié",
    "ar": "انضمّ إلى الحلفاء",
}
ABOUT_BODY = "This page is a plain page of the host site. It serves as a reference in benchmarks."

TRANSLATIONS = {
    "fr": {
        "Intranet home": "Accueil de l'intranet",
        HOME_INTRO: (
            "Bienvenue sur l'intranet d'exemple. "
            "Les liens ci-dessous mènent au programme des alliés."
        ),
        "About this intranet": "À propos de cet intranet",
        ABOUT_BODY: (
            "Cette page est une page simple du site hôte. Elle sert de référence aux mesures."
        ),
        "National Allyship Team": "Équipe nationale des alliés",
        "Northern Region": "Région Nord",
        "Southern Region": "Région Sud",
        "Western Region": "Région Ouest",
        "Northshire Police": "Police du Northshire",
        "Fellbridge Police": "Police de Fellbridge",
        "Harrowmere Police": "Police de Harrowmere",
        "Southvale Police": "Police du Southvale",
        "Seabrook Police": "Police de Seabrook",
        "Kestrel Downs Police": "Police des Kestrel Downs",
        "Westmarch Police": "Police du Westmarch",
        "Ashcombe Police": "Police d'Ashcombe",
        "Riverford Police": "Police de Riverford",
    },
    "ar": {
        "Intranet home": "الصفحة الرئيسية للشبكة الداخلية",
        HOME_INTRO: (
            "مرحبًا بكم في الشبكة الداخلية التجريبية. "
            "استخدموا الروابط أدناه للوصول إلى برنامج الحلفاء."
        ),
        "About this intranet": "حول هذه الشبكة الداخلية",
        ABOUT_BODY: "هذه صفحة بسيطة من الموقع المضيف، وتُستخدم مرجعًا في القياسات.",
        "National Allyship Team": "الفريق الوطني للحلفاء",
        "Northern Region": "المنطقة الشمالية",
        "Southern Region": "المنطقة الجنوبية",
        "Western Region": "المنطقة الغربية",
        "Northshire Police": "شرطة نورثشاير",
        "Fellbridge Police": "شرطة فيلبريدج",
        "Harrowmere Police": "شرطة هارومير",
        "Southvale Police": "شرطة ساوثفيل",
        "Seabrook Police": "شرطة سيبروك",
        "Kestrel Downs Police": "شرطة كيستريل داونز",
        "Westmarch Police": "شرطة ويستمارش",
        "Ashcombe Police": "شرطة آشكوم",
        "Riverford Police": "شرطة ريفرفورد",
    },
}


class Command(BaseCommand):
    help = "Load the demo intranet (idempotent): languages, pages, units and demo users."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        steps = self.steps()
        with (
            Progress(self.stdout, total=len(steps), label="Demo", verbosity=verbosity) as progress,
            transaction.atomic(),
        ):
            for what, load in steps:
                progress.step(what)
                load()
        if verbosity:
            self.print_logins()

    def steps(self) -> list[tuple[str, Callable[[], object]]]:
        """What the demo loads, in order, each step named for the progress bar.

        Each step reads what the steps before it made from ``self.state``.
        """
        state = self.state = {}

        def start() -> None:
            state["locales"] = self.load_locales()
            state["home"] = self.load_pages()
            state["units"] = self.load_units()
            for code, strings in TRANSLATIONS.items():
                self.translate_all(state["home"], state["units"], state["locales"][code], strings)
            self.load_programme_block()

        def starter() -> None:
            home, locales = state["home"], state["locales"]
            content = self.load_allyship_content(home, state["units"])
            # The starter content comes with its own French and Arabic (and any other
            # language the starter is written in), as wagtail-localize translations.
            translate_starter(home.locale, publish=True)
            for code, strings in STRINGS.items():
                self.translate_allyship_content(content, locales[code], strings)

        def stories_calendar() -> None:
            home, locales = state["home"], state["locales"]
            loaded = demo_stories_calendar.load_stories_and_calendar(home)
            translate_starter(home.locale, publish=True)
            for code, strings in demo_stories_calendar.STRINGS.items():
                self.translate_allyship_content(loaded, locales[code], strings)

        def pledges() -> None:
            self.load_users()
            pledge_pages = demo_pledges.load_pledges(state["home"])
            for code, strings in demo_pledges.STRINGS.items():
                self.translate_allyship_content(pledge_pages, state["locales"][code], strings)
            self.link_profile_to_sign_up()

        return [
            ("home page, languages and the 13 units", start),
            ("starter content in English, French and Arabic", starter),
            ("stories and the calendar", stories_calendar),
            ("pledge pages and the demo users", pledges),
            ("feedback between colleagues", demo_feedback.load_feedback),
            ("photos with the pledge sign", demo_photos.load_photos),
            (
                "the resource hub",
                lambda: demo_resources.load_resources(state["home"], state["locales"]),
            ),
            (
                f"three programme years: {demo_programme.ALLY_COUNT} allies and their pledges",
                demo_programme.load_programme,
            ),
            (
                "the ally survey and its answers",
                lambda: demo_survey.load_survey(state["home"], state["locales"]),
            ),
            (
                "annual updates and three annual reports",
                lambda: demo_reports.load_reports(state["home"], state["locales"]),
            ),
            ("sessions", demo_sessions.load_sessions),
            ("two ally circles and their meetings", demo_circles.load_circles),
            (
                "two programme updates sent in three languages",
                lambda: demo_newsletters.load_newsletters(state["home"]),
            ),
        ]

    def link_profile_to_sign_up(self) -> None:
        """Each language's role profile leads to the pledge page (and its sign-up) of its own."""
        for profile in AllyRoleProfilePage.objects.select_related("locale"):
            pledge = PledgePage.objects.filter(locale=profile.locale).first()
            if pledge is None or profile.call_to_action_page_id == pledge.pk:
                continue
            profile.call_to_action_page = pledge
            profile.call_to_action_label = PROFILE_BUTTONS.get(
                profile.locale.language_code, PROFILE_BUTTONS["en"]
            )
            profile.save_revision().publish()

    def load_locales(self) -> dict[str, Locale]:
        return {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "ar")
        }

    def load_pages(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale__language_code="en").first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title="Intranet home",
                    slug="intranet-home",
                    intro=f"<p>{HOME_INTRO}</p>",
                )
            )
            home.save_revision().publish()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Example intranet",
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "Example intranet"
            site.save()
            if old_root.depth == 2 and not old_root.get_children().exists():
                old_root.delete()
        if not home.get_children().filter(slug="about").exists():
            about = home.add_child(
                instance=StandardPage(
                    title="About this intranet",
                    slug="about",
                    show_in_menus=True,
                    body=f"<p>{ABOUT_BODY}</p>",
                )
            )
            about.save_revision().publish()
        return home

    def load_programme_block(self) -> None:
        """The home page in every language presents the programme (the package's block)."""
        block = {"heading": "", "introduction": "", "story_count": 3, "show_figures": True}
        for home in HomePage.objects.all():
            if any(child.block_type == "allyship_programme" for child in home.body):
                continue
            home.body = [("allyship_programme", block)]
            home.save_revision().publish()

    def load_units(self) -> list[OrganisationUnit]:
        units = []
        for name, short_name, kind, parent_name, contact, email in UNITS:
            parent = (
                OrganisationUnit.objects.get(name=parent_name, locale__language_code="en")
                if parent_name
                else None
            )
            unit, _created = OrganisationUnit.objects.get_or_create(
                name=name,
                locale=Locale.get_default(),
                defaults={
                    "short_name": short_name,
                    "kind": kind,
                    "parent": parent,
                    "contact_name": contact,
                    "contact_email": contact_email(email),
                },
            )
            units.append(unit)
        return units

    def translate_all(self, home, units, locale, strings) -> None:
        if not home.has_translation(locale):
            translate(home, locale, strings)
            about = home.get_children().get(slug="about").specific
            translate(about, locale, strings)
        for unit in units:
            if not unit.has_translation(locale):
                translate(unit, locale, strings)

    def load_allyship_content(self, home, units) -> list:
        """Step 1 content: the starter set, a glossary page and two local recruitment articles.

        Returns what the demo translates itself (the starter translates its own content).
        """
        forces = [unit for unit in units if unit.name in RECRUITING_FORCES]
        starter = load_starter(
            home.locale,
            parent=home,
            publish=True,
            # No unit has a sign-up address of its own: local recruitment articles lead to
            # the intranet's own sign-up, and the role profile's button is set below, once
            # the pledge pages exist (link_profile_to_sign_up).
            show_in_menus=True,
        )
        glossary = GlossaryPage.objects.child_of(home).filter(slug="glossary").first()
        if glossary is None:
            glossary = home.add_child(
                instance=GlossaryPage(
                    title="Glossary",
                    slug="glossary",
                    show_in_menus=True,
                    introduction=f"<p>{GLOSSARY_INTRO}</p>",
                )
            )
            glossary.save_revision().publish()
        local_versions = []
        for unit in forces:
            local = starter.template.local_versions.filter(unit=unit).first()
            if local is None:
                local = starter.template.create_local_version(unit, home)
                local.save_revision().publish()
            local_versions.append(local)
        return [glossary, *local_versions]

    def translate_allyship_content(self, content, locale, strings) -> None:
        for obj in content:
            if not obj.has_translation(locale):
                translate(obj, locale, strings)

    def load_users(self) -> None:
        groups = {
            name: Group.objects.get_or_create(name=name)[0]
            for name in ("Editors", "Local editors", "Coordinators")
        }
        admin_access = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        unit_perms = Permission.objects.filter(
            content_type__app_label="wagtail_allyship",
            content_type__model="organisationunit",
        )
        step1_perms = Permission.objects.filter(
            content_type__app_label="wagtail_allyship",
            content_type__model__in=["allyaction", "glossaryterm", "topic", "awarenessdate"],
        )
        groups["Editors"].permissions.add(admin_access, *unit_perms, *step1_perms)
        groups["Local editors"].permissions.add(admin_access)
        groups["Coordinators"].permissions.add(
            admin_access,
            *unit_perms.filter(codename__in=["view_organisationunit", "change_organisationunit"]),
        )
        User = get_user_model()
        for username, password, (first, last), group_names, is_superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                    "is_superuser": is_superuser,
                    "is_staff": is_superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save()
                user.groups.add(*(groups[name] for name in group_names))

    def print_logins(self) -> None:
        self.stdout.write(self.style.SUCCESS("Demo intranet loaded."))
        self.stdout.write("Log in at http://127.0.0.1:8000/accounts/login/ (admin: /admin/)")
        self.stdout.write("These passwords are for local use only:")
        for username, password, _name, groups, _su in DEMO_USERS:
            role = ", ".join(groups) or (
                "ally (no admin access)" if username == "ally" else "staff (no admin access)"
            )
            self.stdout.write(f"  {username:<13} {password:<22} {role}")
