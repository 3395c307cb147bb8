"""Demo content for accountability: units' annual updates and the annual report, in three languages.

Northshire Police's update for this year is approved and appears in this year's report;
Southvale Police's is submitted and waits for the coordinator; both have approved updates
for last year, whose report is published with its figures fixed. The "Local editors" group
edits Northshire Police only, and coordinators may approve updates.

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
    """Permissions, updates, and the reports of last year and this year under ``home``."""
    grant_permissions()
    load_updates()
    return [load_report(home, locales, years_ago) for years_ago in (1, 0)]
