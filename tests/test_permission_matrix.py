"""Who may open what: every role against our admin and public views, from one table.

Each row of ``MATRIX`` names a view, how to reach it in the shared data, and the outcome for
each role. A new view joins the matrix with one row; a role that gains or loses access
anywhere fails here first. Outcomes:

- ``OK``: the page is shown (200);
- ``REFUSED``: our own refusal, a 403 that says why (another unit's content, not a coordinator);
- ``DENIED``: Wagtail's refusal for missing model or page permissions (a redirect to the
  admin dashboard with a message);
- ``LOGIN``: sent to log in (anonymous visitors, and staff without admin access);
- ``DONE``: a change posted (``method="POST"``) was made, and Wagtail redirects onwards.

Rows that change data come last, so that the rows before them see the data as it was made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from tests.factories import (
    AllyRegistrationFactory,
    AnnualReportPageFactory,
    AnnualUpdateFactory,
    FeedbackSurveyPageFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    OrganisationUnitFactory,
    ProgrammeUpdatePageFactory,
    RecruitmentArticlePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    UserFactory,
    admin_group,
)
from wagtail_allyship.models import (
    AllyRegistration,
    AnnualUpdate,
    AnnualUpdateStatus,
    OrganisationUnit,
    UnitEditorGroup,
)

pytestmark = pytest.mark.django_db

OK, REFUSED, DENIED, LOGIN, DONE = "ok", "refused", "denied", "login", "done"
ROLES = ["anonymous", "ally", "editor", "local_a", "local_b", "coordinator"]

UPDATE_PERMISSIONS = ["add_annualupdate", "change_annualupdate", "view_annualupdate"]


def snippet_url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def page_edit(key):
    return lambda data: reverse("wagtailadmin_pages:edit", args=[data[key].pk])


@dataclass(frozen=True)
class Row:
    view: str
    url: Callable[[dict], str]
    outcomes: dict[str, str]
    method: str = "GET"
    data: dict | None = None


def everyone(outcome):
    return dict.fromkeys(ROLES, outcome)


def admin_only(**outcomes):
    """Anonymous visitors and allies without admin access are sent to log in."""
    return {"anonymous": LOGIN, "ally": LOGIN, **outcomes}


#: Pages the package shows to whoever the host lets in (an intranet lets in its staff only).
PUBLIC = everyone(OK)
#: Pages that need to know who is there: the survey counts each person once.
SIGNED_IN = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], OK)}

MATRIX = [
    # Public pages: every member of staff reads them.
    Row("annual report", lambda d: d["report"].url, PUBLIC),
    Row("survey", lambda d: d["survey"].url, SIGNED_IN),
    Row("story of unit B", lambda d: d["story_b"].url, PUBLIC),
    Row("resource hub", lambda d: d["hub"].url, PUBLIC),
    Row("story index", lambda d: d["index"].url, PUBLIC),
    Row("local recruitment article of unit A", lambda d: d["article_a"].url, PUBLIC),
    # Annual updates: local editors their units', coordinators all, editors none.
    Row(
        "annual updates, listing",
        lambda d: snippet_url(AnnualUpdate, "list"),
        admin_only(editor=DENIED, local_a=OK, local_b=OK, coordinator=OK),
    ),
    Row(
        "annual update of unit A, edit",
        lambda d: snippet_url(AnnualUpdate, "edit", d["update_a"].pk),
        admin_only(editor=DENIED, local_a=OK, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "annual update of unit B, delete",
        lambda d: snippet_url(AnnualUpdate, "delete", d["update_b"].pk),
        admin_only(editor=DENIED, local_a=DENIED, local_b=DENIED, coordinator=DENIED),
    ),
    Row(
        "unit editor groups",
        lambda d: snippet_url(UnitEditorGroup, "list"),
        admin_only(editor=DENIED, local_a=DENIED, local_b=DENIED, coordinator=DENIED),
    ),
    # Personal data and results: coordinators only.
    Row(
        "ally registry",
        lambda d: snippet_url(AllyRegistration, "list"),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "dashboard report: allies per unit",
        lambda d: reverse("wagtail_allyship_report_allies"),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "survey results",
        lambda d: reverse("wagtail_allyship_survey_results", args=[d["survey"].pk]),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "ally registry, allies per unit",
        lambda d: snippet_url(AllyRegistration, "unit_counts"),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "dashboard report: overdue commitments",
        lambda d: reverse("wagtail_allyship_report_overdue_commitments"),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "dashboard report: units missing an update",
        lambda d: reverse("wagtail_allyship_report_missing_updates"),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "dashboard report: survey responses",
        lambda d: reverse("wagtail_allyship_report_survey_responses"),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    Row(
        "survey results, CSV",
        lambda d: reverse("wagtail_allyship_survey_results_csv", args=[d["survey"].pk]),
        admin_only(editor=REFUSED, local_a=REFUSED, local_b=REFUSED, coordinator=OK),
    ),
    # Editors' tools.
    Row(
        "resources due for review",
        lambda d: reverse("wagtail_allyship_resources_review"),
        admin_only(editor=OK, local_a=OK, local_b=OK, coordinator=OK),
    ),
    Row(
        "organisation units",
        lambda d: snippet_url(OrganisationUnit, "list"),
        admin_only(editor=DENIED, local_a=DENIED, local_b=DENIED, coordinator=DENIED),
    ),
    Row(
        "recruitment template, create local version",
        lambda d: reverse(
            "wagtail_allyship_recruitment:create_local_version", args=[d["template"].pk]
        ),
        admin_only(editor=OK, local_a=OK, local_b=OK, coordinator=DENIED),
    ),
    Row(
        "story index, add a story",
        lambda d: reverse(
            "wagtailadmin_pages:add",
            args=["wagtail_allyship", "goodpracticestorypage", d["index"].pk],
        ),
        admin_only(editor=OK, local_a=OK, local_b=OK, coordinator=DENIED),
    ),
    # Pages: Wagtail's page permissions, narrowed to units for local editors.
    Row(
        "story of unit A, edit",
        page_edit("story_a"),
        admin_only(editor=OK, local_a=OK, local_b=REFUSED, coordinator=DENIED),
    ),
    Row(
        "resource of unit B, edit",
        page_edit("resource_b"),
        admin_only(editor=OK, local_a=REFUSED, local_b=OK, coordinator=DENIED),
    ),
    Row(
        "recruitment template, edit",
        page_edit("template"),
        admin_only(editor=OK, local_a=REFUSED, local_b=REFUSED, coordinator=DENIED),
    ),
    Row(
        "local article of unit A, edit",
        page_edit("article_a"),
        admin_only(editor=OK, local_a=OK, local_b=REFUSED, coordinator=DENIED),
    ),
    Row(
        "annual report, edit",
        page_edit("report"),
        admin_only(editor=OK, local_a=REFUSED, local_b=REFUSED, coordinator=DENIED),
    ),
    Row(
        "resource hub, edit",
        page_edit("hub"),
        admin_only(editor=OK, local_a=REFUSED, local_b=REFUSED, coordinator=DENIED),
    ),
    Row(
        "programme update, send to allies",
        lambda d: reverse("wagtail_allyship_newsletter_send", args=[d["programme_update"].pk]),
        admin_only(editor=OK, local_a=REFUSED, local_b=REFUSED, coordinator=REFUSED),
    ),
    Row(
        "local article of unit B, translate",
        lambda d: reverse("wagtail_localize:submit_page_translation", args=[d["article_b"].pk]),
        admin_only(editor=OK, local_a=REFUSED, local_b=OK, coordinator=DENIED),
    ),
    # Changes posted: the same refusals hold for the request that would make the change.
    Row(
        "annual update of unit B, save",
        lambda d: snippet_url(AnnualUpdate, "edit", d["update_b"].pk),
        admin_only(editor=DENIED, local_a=REFUSED, local_b=OK, coordinator=OK),
        method="POST",
        # Refused before the form is read; a form error (no title) for the others.
        data={"title": "", "evidence_links-count": "0"},
    ),
    Row(
        "story of unit B, unpublish",
        lambda d: reverse("wagtailadmin_pages:unpublish", args=[d["story_b"].pk]),
        admin_only(editor=DONE, local_a=REFUSED, local_b=DONE, coordinator=DENIED),
        method="POST",
    ),
    Row(
        "template, edit and publish",
        lambda d: reverse("wagtailadmin_pages:edit", args=[d["template"].pk]),
        admin_only(editor=OK, local_a=REFUSED, local_b=REFUSED, coordinator=DENIED),
        method="POST",
        data={"title": "", "body-count": "0", "action-publish": "1"},
    ),
    Row(
        "story of unit A, delete",
        lambda d: reverse("wagtailadmin_pages:delete", args=[d["story_a"].pk]),
        admin_only(editor=DONE, local_a=DONE, local_b=REFUSED, coordinator=DENIED),
        method="POST",
    ),
]


@pytest.fixture
def data(locales):
    unit_a = OrganisationUnitFactory(name="Alderley Police")
    unit_b = OrganisationUnitFactory(name="Bramwell Police")
    index = GoodPracticeIndexPageFactory()
    hub = ResourceHubPageFactory()
    survey = FeedbackSurveyPageFactory()
    translate = ["submit_translation"]
    users = {
        "ally": UserFactory(username="ally"),
        "editor": UserFactory(username="editor"),
        "local_a": UserFactory(username="local-a"),
        "local_b": UserFactory(username="local-b"),
        "coordinator": UserFactory(username="coordinator"),
    }
    AllyRegistrationFactory(user=users["ally"], unit=unit_a)
    users["editor"].groups.add(admin_group("Central editors", translate, pages=True))
    users["local_a"].groups.add(
        admin_group("Alderley editors", UPDATE_PERMISSIONS + translate, pages=True, units=[unit_a])
    )
    users["local_b"].groups.add(
        admin_group("Bramwell editors", UPDATE_PERMISSIONS + translate, pages=True, units=[unit_b])
    )
    users["coordinator"].groups.add(
        admin_group(
            "Programme coordinators",
            [*UPDATE_PERMISSIONS, "approve_annualupdate", "view_allyregistration"],
        )
    )
    draft = AnnualUpdateStatus.DRAFT
    return {
        "users": users,
        "hub": hub,
        "index": index,
        "survey": survey,
        "report": AnnualReportPageFactory(),
        "programme_update": ProgrammeUpdatePageFactory(),
        "template": RecruitmentArticlePageFactory(title="Be an ally in [FORCE NAME]"),
        "article_a": RecruitmentArticlePageFactory(unit=unit_a, title="Join Alderley"),
        "article_b": RecruitmentArticlePageFactory(unit=unit_b, title="Join Bramwell"),
        "story_a": GoodPracticeStoryPageFactory(parent=index, unit=unit_a),
        "story_b": GoodPracticeStoryPageFactory(parent=index, unit=unit_b),
        "resource_b": ResourcePageFactory(parent=hub, owner_unit=unit_b),
        "update_a": AnnualUpdateFactory(unit=unit_a, status=draft),
        "update_b": AnnualUpdateFactory(unit=unit_b, status=draft),
    }


def outcome(response) -> str:
    if response.status_code == 200:
        return OK
    if response.status_code == 403:
        return REFUSED
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location:
            return LOGIN
        return DENIED if location == reverse("wagtailadmin_home") else DONE
    return f"status {response.status_code}"


def visit(client, row, data) -> str:
    if row.method == "POST":
        return outcome(client.post(row.url(data), row.data or {}))
    return outcome(client.get(row.url(data)))


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, data, role):
    """One role against every row; a mismatch lists each view whose outcome differs."""
    if role != "anonymous":
        client.force_login(data["users"][role])
    seen = {row.view: visit(client, row, data) for row in MATRIX}
    expected = {row.view: row.outcomes[role] for row in MATRIX}
    differing = {
        view: (seen[view], expected[view]) for view in seen if seen[view] != expected[view]
    }
    assert differing == {}, f"{role}: view -> (outcome, expected)"


def test_every_role_has_an_expected_outcome_in_every_row():
    for row in MATRIX:
        assert set(row.outcomes) == set(ROLES), row.view


def test_changes_come_after_the_rows_that_read():
    methods = [row.method for row in MATRIX]
    assert "POST" in methods
    assert methods.index("POST") == len(methods) - methods.count("POST")
