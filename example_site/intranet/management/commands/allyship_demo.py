"""Load the demo intranet: languages, pages, units, allyship content and one user per role.

Safe to run again: what is already there is left as it is.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from intranet import (
    demo_feedback,
    demo_newsletters,
    demo_pledges,
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

UNITS = [
    # name, short name, kind, parent name, contact name, contact email
    (
        "National Allyship Team",
        "NAT",
        UnitKind.NATIONAL,
        None,
        "Sam Okafor",
        "allyship@example.org",
    ),
    (
        "Northshire Police",
        "NP",
        UnitKind.FORCE,
        "National Allyship Team",
        "Priya Shah",
        "allies@northshire.example.org",
    ),
    (
        "Southvale Police",
        "SVP",
        UnitKind.FORCE,
        "National Allyship Team",
        "Tom Evans",
        "allies@southvale.example.org",
    ),
]

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
        "Northshire Police": "Police du Northshire",
        "Southvale Police": "Police du Southvale",
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
        "Northshire Police": "شرطة نورثشاير",
        "Southvale Police": "شرطة ساوثفيل",
    },
}


class Command(BaseCommand):
    help = "Load the demo intranet (idempotent): languages, pages, units and demo users."

    def handle(self, *args, **options):
        with transaction.atomic():
            locales = self.load_locales()
            home = self.load_pages()
            units = self.load_units()
            for code, strings in TRANSLATIONS.items():
                self.translate_all(home, units, locales[code], strings)
            content = self.load_allyship_content(home, units)
            # The starter content comes with its own French and Arabic (and any other
            # language the starter is written in), as wagtail-localize translations.
            translate_starter(home.locale, publish=True)
            for code, strings in STRINGS.items():
                self.translate_allyship_content(content, locales[code], strings)
            stories_calendar = demo_stories_calendar.load_stories_and_calendar(home)
            translate_starter(home.locale, publish=True)
            for code, strings in demo_stories_calendar.STRINGS.items():
                self.translate_allyship_content(stories_calendar, locales[code], strings)
            self.load_users()
            pledge_pages = demo_pledges.load_pledges(home)
            for code, strings in demo_pledges.STRINGS.items():
                self.translate_allyship_content(pledge_pages, locales[code], strings)
            self.link_profile_to_sign_up()
            demo_feedback.load_feedback()
            demo_resources.load_resources(home, locales)
            demo_survey.load_survey(home)
            demo_reports.load_reports(home, locales)
            demo_sessions.load_sessions()
            demo_newsletters.load_newsletters(home)
        self.print_logins()

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
                    "contact_email": email,
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
        _national, *forces = units
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
