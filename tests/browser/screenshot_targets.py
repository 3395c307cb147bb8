"""The screens ``make screenshots`` takes, with their addresses in the demo site's database.

Run in the site's own process (like ``prepare_site.py``): it reads the demo content with the
ORM and writes, as JSON to the file named on the command line, a list of
``{"name", "user", "password", "path", "full_page"}`` rows (the demo's local passwords).
"""

import json
import sys

import django

django.setup()

from django.urls import reverse  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from intranet.management.commands.allyship_demo import DEMO_USERS  # noqa: E402
from wagtail_allyship.models import (  # noqa: E402
    AllyRoleProfilePage,
    AnnualReportPage,
    AnnualUpdate,
    CalendarPage,
    FeedbackSurveyPage,
    MyAllyshipPage,
    PledgePage,
    PledgeWallPage,
    ResourceHubPage,
    SessionSignup,
)
from wagtail_allyship.pledges.models import current_programme_year  # noqa: E402
from wagtail_allyship.sessions.views import session_url  # noqa: E402


def url_of(model: type[Page], **filters) -> str:
    page = model.objects.live().filter(locale__language_code="en", **filters).first()
    return page.get_url_parts()[2]


def targets() -> list[dict]:
    year = current_programme_year()
    survey = FeedbackSurveyPage.objects.get(locale__language_code="en", slug="ally-survey")
    calendar = CalendarPage.objects.live().get(locale__language_code="en")
    signup = SessionSignup.objects.select_related("entry").order_by("pk").first()
    session = session_url(calendar, signup.entry.translation_key, base=url_of(CalendarPage))
    report = AnnualReportPage.objects.live().get(locale__language_code="en", year=year - 1)
    arabic = report.get_translation(Locale.objects.get(language_code="ar"))
    rows = [
        # name, user, path, whole page
        ("role-profile", "ally", url_of(AllyRoleProfilePage), False),
        ("pledge-form", "ally", url_of(PledgePage), False),
        ("my-allyship", "ally", url_of(MyAllyshipPage), False),
        ("pledge-wall", "ally", url_of(PledgeWallPage), False),
        ("resource-hub", "ally", url_of(ResourceHubPage), False),
        ("calendar", "ally", url_of(CalendarPage), False),
        ("session", "ally", session, False),
        ("annual-report", "ally", report.get_url_parts()[2], False),
        ("annual-report-arabic", "ally", arabic.get_url_parts()[2], False),
        ("dashboard", "coordinator", "/admin/", False),
        (
            "registry-admin",
            "coordinator",
            "/admin/snippets/wagtail_allyship/allyregistration/",
            False,
        ),
        (
            "session-sign-ups",
            "coordinator",
            reverse(SessionSignup.snippet_viewset.get_url_name("registrations"), args=[signup.pk]),
            False,
        ),
        (
            "survey-results",
            "coordinator",
            reverse("wagtail_allyship_survey_results", args=[survey.pk]),
            False,
        ),
        (
            "annual-updates",
            "local-editor",
            reverse(AnnualUpdate.snippet_viewset.get_url_name("list")),
            False,
        ),
        (
            "translation-status",
            "coordinator",
            reverse("wagtail_allyship_translation_status"),
            False,
        ),
        (
            "organisation-units",
            "editor",
            "/admin/snippets/wagtail_allyship/organisationunit/",
            False,
        ),
    ]
    passwords = {username: password for username, password, *_rest in DEMO_USERS}
    return [
        {"name": name, "user": user, "password": passwords[user], "path": path, "full_page": full}
        for name, user, path, full in rows
    ]


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as output:
        json.dump(targets(), output)
