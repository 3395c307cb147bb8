"""Demo content for accountability: units' annual updates and the annual report, in three languages.

Three programme years of updates from the nine forces: eight approved in each of the two
past years; this year five approved (Northshire Police's among them), Southvale Police's and
Ashcombe Police's submitted and waiting for the coordinator, Kestrel Downs Police's still a
draft. Each year has its published report (the past years' with their figures fixed). The
"Local editors" group edits Northshire Police only, and coordinators may approve updates.

Everything is created once: a second run changes nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale, Page

from wagtail_allyship.models import (
    AnnualReportPage,
    AnnualUpdate,
    AnnualUpdateStatus,
    OrganisationUnit,
    UnitEditorGroup,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.translations.translate import translate

from .demo_stories_calendar import demo_key

NORTHSHIRE = "Northshire Police"
SOUTHVALE = "Southvale Police"
FELLBRIDGE = "Fellbridge Police"
HARROWMERE = "Harrowmere Police"
SEABROOK = "Seabrook Police"
KESTREL = "Kestrel Downs Police"
WESTMARCH = "Westmarch Police"
ASHCOMBE = "Ashcombe Police"
RIVERFORD = "Riverford Police"
APPROVED = AnnualUpdateStatus.APPROVED

#: unit, years before this one, status, title, body
UPDATES = [
    (
        NORTHSHIRE,
        0,
        AnnualUpdateStatus.APPROVED,
        "Reverse mentoring for the chief officer team",
        "Every chief officer was paired with a constable or staff member from a different "
        "background. Pairs met monthly; three changes to shift patterns came out of it.",
    ),
    (
        SOUTHVALE,
        0,
        AnnualUpdateStatus.SUBMITTED,
        "Allies on every promotion board",
        "A trained ally now sits on each promotion board and reports on the questions asked. "
        "Sixty boards were covered between April and November.",
    ),
    (
        NORTHSHIRE,
        1,
        AnnualUpdateStatus.APPROVED,
        "Listening circles in every district",
        "Female officers and staff met in small groups, without their managers, to say what "
        "gets in their way. District commanders answered in writing within a month.",
    ),
    (
        SOUTHVALE,
        1,
        AnnualUpdateStatus.APPROVED,
        "Menopause support in uniform stores",
        "Uniform stores stock lighter kit on request, and every station has a named contact. "
        "Requests are answered within five working days.",
    ),
    # This year, beyond Northshire's and Southvale's.
    (
        FELLBRIDGE,
        0,
        APPROVED,
        "A returners' scheme after career breaks",
        "Officers coming back after a long break get a phased return and a named mentor. "
        "Eleven people used it this year, and all of them stayed.",
    ),
    (
        HARROWMERE,
        0,
        APPROVED,
        "Allies in custody suites",
        "Every custody sergeant took the bystander training, and suites now have a quiet "
        "room for staff who need a break after a difficult arrest.",
    ),
    (
        SEABROOK,
        0,
        APPROVED,
        "Flexible rotas on the response teams",
        "Two response teams trialled self-rostering. Sickness fell and more women applied to "
        "join them.",
    ),
    (
        WESTMARCH,
        0,
        APPROVED,
        "Sponsorship for women detectives",
        "Twelve senior detectives each sponsored a woman colleague towards a specialist post; "
        "five have moved on so far.",
    ),
    (
        ASHCOMBE,
        0,
        AnnualUpdateStatus.SUBMITTED,
        "Fair kit for every body",
        "Body armour and uniform were refitted for everyone who asked, and the stores now "
        "stock a full range of sizes.",
    ),
    (
        KESTREL,
        0,
        AnnualUpdateStatus.DRAFT,
        "Listening to call handlers",
        "A first round of listening sessions with the control room; findings to follow.",
    ),
    # Last year, beyond Northshire's and Southvale's.
    (
        FELLBRIDGE,
        1,
        APPROVED,
        "Gender-neutral promotion interviews",
        "Interview questions were rewritten with the staff networks and every panel got a "
        "short briefing on bias.",
    ),
    (
        HARROWMERE,
        1,
        APPROVED,
        "A menopause champion at each station",
        "Champions were trained and named on every noticeboard; they answered more than "
        "ninety questions.",
    ),
    (
        SEABROOK,
        1,
        APPROVED,
        "Women in firearms open days",
        "Three open days let women officers try the training; applications doubled.",
    ),
    (
        WESTMARCH,
        1,
        APPROVED,
        "Equal share of overtime",
        "Overtime is now offered in turn from one list, so part-time officers are asked too.",
    ),
    (
        ASHCOMBE,
        1,
        APPROVED,
        "Allies at every team briefing",
        "A two-minute allyship item was added to briefings, led in turn by team members.",
    ),
    (
        RIVERFORD,
        1,
        APPROVED,
        "Safer journeys home after late shifts",
        "A lift-share board and parking near the station door for anyone finishing after midnight.",
    ),
    # Two years ago: the first year of the programme.
    (
        NORTHSHIRE,
        2,
        APPROVED,
        "The first allies sign up",
        "Forty officers and staff signed up in the first month after the chief constable "
        "asked for volunteers at the all-staff briefing.",
    ),
    (
        SOUTHVALE,
        2,
        APPROVED,
        "Counting who gets promoted",
        "The force published, for the first time, promotion rates by gender for each rank.",
    ),
    (
        FELLBRIDGE,
        2,
        APPROVED,
        "A women's network with a budget",
        "The network now has a small budget and an hour a month of duty time for its meetings.",
    ),
    (
        HARROWMERE,
        2,
        APPROVED,
        "Bystander training for sergeants",
        "All sergeants took a half-day course on stepping in when they see sexism.",
    ),
    (
        SEABROOK,
        2,
        APPROVED,
        "Exit interviews that ask why",
        "Everyone leaving is asked whether the culture played a part; answers go to the "
        "command team each quarter.",
    ),
    (
        KESTREL,
        2,
        APPROVED,
        "Part-time posts in specialist units",
        "Specialist units now advertise posts as open to part-time and job-share applicants.",
    ),
    (
        WESTMARCH,
        2,
        APPROVED,
        "Reverse mentoring in the command team",
        "Each chief officer was mentored by a junior colleague for six months.",
    ),
    (
        ASHCOMBE,
        2,
        APPROVED,
        "Changing rooms for everyone",
        "Three stations got new changing rooms, so that women no longer change in offices.",
    ),
]

REPORT_INTRO = (
    "Each year every force tells the others one thing it is doing for equality, and the "
    "figures show how many allies joined, pledged and kept their commitments."
)

STRINGS = {
    "fr": {
        "Annual report": "Rapport annuel",
        REPORT_INTRO: (
            "Chaque année, chaque force présente aux autres une action qu'elle mène pour "
            "l'égalité, et les chiffres montrent combien d'alliés ont rejoint le programme, "
            "pris un engagement et l'ont tenu."
        ),
    },
    "ar": {
        "Annual report": "التقرير السنوي",
        REPORT_INTRO: (
            "في كل عام تعرض كل قوة على الآخرين عملًا واحدًا تقوم به من أجل المساواة، وتبيّن "
            "الأرقام عدد الحلفاء الذين انضموا وتعهدوا ووفوا بالتزاماتهم."
        ),
    },
}


def grant_permissions() -> None:
    """Local editors write Northshire's update and keep its details; coordinators approve."""
    codenames = ["add_annualupdate", "change_annualupdate", "view_annualupdate"]
    update_perms = Permission.objects.filter(
        content_type__app_label="wagtail_allyship", codename__in=codenames
    )
    unit_perms = Permission.objects.filter(
        content_type__app_label="wagtail_allyship",
        codename__in=["add_organisationunit", "change_organisationunit"],
    )
    approve = Permission.objects.get(
        content_type__app_label="wagtail_allyship", codename="approve_annualupdate"
    )
    local, _created = Group.objects.get_or_create(name="Local editors")
    local.permissions.add(*update_perms, *unit_perms)
    coordinators, _created = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(*update_perms, approve)
    binding, _created = UnitEditorGroup.objects.get_or_create(group=local)
    binding.units.add(OrganisationUnit.objects.get(name=NORTHSHIRE, locale=Locale.get_default()))


def load_updates() -> None:
    year = current_programme_year()
    units = {
        unit.name: unit for unit in OrganisationUnit.objects.filter(locale=Locale.get_default())
    }
    for unit_name, years_ago, status, title, body in UPDATES:
        AnnualUpdate.objects.get_or_create(
            unit=units[unit_name],
            year=year - years_ago,
            defaults={"title": title, "body": f"<p>{body}</p>", "status": status},
        )


def load_report(home: Page, locales: dict[str, Locale], years_ago: int) -> AnnualReportPage:
    year = current_programme_year() - years_ago
    key = demo_key(f"annual-report-{year}")
    report = AnnualReportPage.objects.filter(translation_key=key, locale=home.locale).first()
    if report is None:
        report = home.add_child(
            instance=AnnualReportPage(
                translation_key=key,
                title="Annual report",
                slug=f"annual-report-{year}",
                year=year,
                introduction=f"<p>{REPORT_INTRO}</p>",
                show_in_menus=years_ago == 0,
            )
        )
        report.save_revision().publish()
        report.refresh_from_db()
    for code, strings in STRINGS.items():
        if code in locales and not report.has_translation(locales[code]):
            translate(report, locales[code], strings)
    return report


def load_reports(home: Page, locales: dict[str, Locale]) -> list[AnnualReportPage]:
    """Permissions, updates, and the reports of the programme's three years under ``home``."""
    grant_permissions()
    load_updates()
    return [load_report(home, locales, years_ago) for years_ago in (2, 1, 0)]
