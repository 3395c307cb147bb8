"""A unit's annual update goes from its local editor, through the coordinator, into the report.

The units, groups, people and the report page this journey needs are not in the demo content:
``prepare_the_year`` makes them with the ORM, in a process of its own on the example site's
database (the site runs in another process). Then, in the browser:

1. Alderley Police's local editor writes the unit's update and submits it; the form offers
   neither another unit nor approval, and another unit's update answers 403.
2. The coordinator approves it.
3. An editor publishes the report again with "Refresh figures" ticked.
4. An ally reads the report: the update under its region, the unit that did not submit, the
   chart of allies by unit and its data table, and the layout for print.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from . import support
from .support import Visitor

#: For the people this journey creates; the database lives as long as the test session.
PASSWORD = "annual-journey-2026"
LOCAL_EDITOR = "alderley-local-editor"
COORDINATOR = "updates-coordinator"

REGION = "North Region"
OWN_UNIT = "Alderley Police"
OTHER_UNIT = "Bramwell Police"
ALDERLEY_ALLIES = 3

UPDATE_TITLE = "Sergeants mentored by their constables"
UPDATE_BODY = "Eight sergeants met a constable each month and changed two rota rules."
OTHER_TITLE = "Allies sit on promotion boards"
REPORT_TITLE = "Allyship programme: the year in review"
REPORT_SLUG = "allyship-year-in-review"

REFUSAL = "This belongs to another unit"


def prepare_the_year(output: str) -> None:
    """Make the journey's units, groups, people, allies and report; write their addresses.

    Runs inside the example site (``python -c``, Django set up with its settings), never in
    the test process, whose Django points at the unit tests' database.
    """
    from django.contrib.auth.models import Group, Permission
    from django.urls import reverse
    from wagtail.models import Locale

    from intranet.models import HomePage
    from tests.factories import (
        AllyRegistrationFactory,
        AnnualReportPageFactory,
        AnnualUpdateFactory,
        OrganisationUnitFactory,
        UserFactory,
    )
    from wagtail_allyship.models import AnnualUpdate, AnnualUpdateStatus, UnitEditorGroup, UnitKind
    from wagtail_allyship.pledges.models import current_programme_year

    region = OrganisationUnitFactory(name=REGION, short_name="NR", kind=UnitKind.REGION)
    alderley = OrganisationUnitFactory(name=OWN_UNIT, short_name="AP", parent=region)
    bramwell = OrganisationUnitFactory(name=OTHER_UNIT, short_name="BP")

    def group(name: str, *codenames: str) -> Group:
        made = Group.objects.create(name=name)
        made.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            *Permission.objects.filter(
                content_type__app_label="wagtail_allyship", codename__in=codenames
            ),
        )
        return made

    update_perms = ["add_annualupdate", "change_annualupdate", "view_annualupdate"]
    editors = group("Alderley editors", *update_perms)
    UnitEditorGroup.objects.create(group=editors).units.add(alderley)
    approvers = group("Annual update approvers", *update_perms, "approve_annualupdate")

    for username, first, last, member_of in [
        (LOCAL_EDITOR, "Lee", "Alderley", editors),
        (COORDINATOR, "Cam", "Approver", approvers),
    ]:
        user = UserFactory(username=username, first_name=first, last_name=last)
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(member_of)

    for number in range(ALDERLEY_ALLIES):
        AllyRegistrationFactory(unit=alderley, user=UserFactory(username=f"alderley-ally-{number}"))
    AllyRegistrationFactory(unit=bramwell, user=UserFactory(username="bramwell-ally"))

    # Bramwell's update is only submitted: the report lists Bramwell among the missing.
    other = AnnualUpdateFactory(
        unit=bramwell, title=OTHER_TITLE, status=AnnualUpdateStatus.SUBMITTED
    )
    # Published now, so its figures are frozen before Alderley's update exists.
    report = AnnualReportPageFactory(
        parent=HomePage.objects.get(locale=Locale.get_default()),
        title=REPORT_TITLE,
        slug=REPORT_SLUG,
        year=current_programme_year(),
        refresh_figures=True,
    )

    def snippet_url(action: str, *args) -> str:
        return reverse(AnnualUpdate.snippet_viewset.get_url_name(action), args=args)

    addresses = {
        "add_update": snippet_url("add"),
        "updates": snippet_url("list"),
        "other_update": snippet_url("edit", other.pk),
        "report": report.get_url_parts()[2],
        "edit_report": reverse("wagtailadmin_pages:edit", args=[report.pk]),
    }
    Path(output).write_text(json.dumps(addresses), encoding="utf-8")


@pytest.fixture(scope="module")
def addresses(live_site, tmp_path_factory) -> dict[str, str]:
    """Run ``prepare_the_year`` against the live site's database; the addresses it made."""
    return support.prepare_in_site(
        tmp_path_factory, "tests.browser.test_annual_report_journey:prepare_the_year"
    )


def type_rich_text(visitor: Visitor, field_name: str, text: str) -> None:
    """Click into the Draftail editor of a field and type; wait until its hidden input has it."""
    field = visitor.page.locator(f'[data-contentpath="{field_name}"]')
    field.locator('[role="textbox"]').click()
    visitor.page.keyboard.type(text)
    visitor.page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).value.includes(text)",
        arg=[f'[data-contentpath="{field_name}"] input[type="hidden"]', text],
    )


def option_labels(select) -> list[str]:
    return [label.strip() for label in select.locator("option").all_inner_texts()]


def messages(visitor: Visitor) -> str:
    return visitor.page.locator(".messages").inner_text()


def log_in(visitor_for, username: str) -> Visitor:
    visitor = visitor_for(None)
    visitor.log_in(username, PASSWORD)
    return visitor


def test_an_update_goes_from_its_unit_into_the_annual_report(visitor_for, addresses):
    # 1. The local editor writes Alderley's update and submits it.
    local = log_in(visitor_for, LOCAL_EDITOR)
    page = local.page
    local.visit(addresses["add_update"])
    units = option_labels(page.locator("#id_unit"))
    assert OWN_UNIT in units
    assert OTHER_UNIT not in units and REGION not in units
    page.locator("#id_unit").select_option(label=OWN_UNIT)
    page.locator("#id_title").fill(UPDATE_TITLE)
    type_rich_text(local, "body", UPDATE_BODY)
    statuses = option_labels(page.locator("#id_status"))
    assert "Submitted" in statuses and "Approved" not in statuses
    page.locator("#id_status").select_option(label="Submitted")
    local.follow(page.get_by_role("button", name="Save", exact=True))
    assert "created" in messages(local)
    listing = page.locator("main").inner_text()
    assert UPDATE_TITLE in listing and OTHER_TITLE not in listing

    # Bramwell's update, opened by its address, is refused with a real 403.
    local.visit(addresses["other_update"], status=403)
    assert REFUSAL in page.locator("main").inner_text()
    assert OTHER_TITLE not in page.content()

    # 2. The coordinator finds it among all units' updates and approves it.
    coordinator = log_in(visitor_for, COORDINATOR)
    page = coordinator.page
    coordinator.visit(addresses["updates"])
    assert OTHER_TITLE in page.locator("main").inner_text()
    coordinator.follow(page.locator("main").get_by_role("link", name=UPDATE_TITLE))
    assert page.locator("#id_status").input_value() == "submitted"
    assert "Approved" in option_labels(page.locator("#id_status"))
    page.locator("#id_status").select_option(label="Approved")
    coordinator.follow(page.get_by_role("button", name="Save", exact=True))
    assert "updated" in messages(coordinator)

    # The published report still shows the figures frozen before the approval.
    ally = visitor_for("ally")
    ally.visit(addresses["report"])
    assert UPDATE_TITLE not in ally.page.locator("main").inner_text()

    # 3. An editor publishes the report again, asking for fresh figures.
    editor = visitor_for("editor")
    page = editor.page
    editor.visit(addresses["edit_report"])
    page.get_by_label("Refresh figures").check()
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    editor.follow(page.locator("footer button[name=action-publish]"))
    assert "published" in messages(editor)

    # 4. The ally reads the report.
    ally.visit(addresses["report"])
    page = ally.page
    assert page.locator("h1").inner_text() == REPORT_TITLE
    region = page.locator(".allyship-report-region").filter(
        has=page.get_by_role("heading", name=REGION, level=3, exact=True)
    )
    assert region.count() == 1
    update = region.locator(".allyship-report-update")
    assert update.get_by_role("heading", level=4).inner_text() == f"{OWN_UNIT}: {UPDATE_TITLE}"
    assert UPDATE_BODY in update.inner_text()

    missing = [
        name.strip() for name in page.locator(".allyship-report-missing li").all_inner_texts()
    ]
    assert OTHER_UNIT in missing
    assert OWN_UNIT not in missing and REGION not in missing

    chart = page.get_by_role("img", name=re.compile(r"^Allies by unit"))
    assert chart.count() == 1
    assert chart.evaluate("(svg) => svg.tagName.toLowerCase()") == "svg"
    title = chart.locator("title")
    assert title.count() == 1 and title.text_content().startswith("Allies by unit")
    bar = chart.locator(".allyship-chart-row").filter(has_text=OWN_UNIT)
    assert bar.count() == 1
    assert float(bar.locator("rect.allyship-chart-bar").get_attribute("width")) > 0
    assert bar.locator(".allyship-chart-value").text_content() == str(ALDERLEY_ALLIES)

    figure = page.locator("figure.allyship-chart").filter(has=chart)
    details = figure.locator("details.allyship-chart-data")
    table = details.locator("table")
    assert not table.is_visible()
    details.get_by_text("Show the data as a table", exact=True).click()
    table.wait_for(state="visible")
    assert details.get_attribute("open") is not None
    row = table.locator("tbody tr").filter(has_text=OWN_UNIT)
    assert row.locator("td").inner_text() == str(ALDERLEY_ALLIES)
    ally.check()

    # Printed: the report keeps its title and loses the site around it, every section after
    # the first starts on a new page, and the charts' data tables print though closed.
    details.locator("summary").click()
    table.wait_for(state="hidden")
    page.emulate_media(media="print")
    breaks = page.locator(".allyship-report-section").evaluate_all(
        "(sections) => sections.map((section) => getComputedStyle(section).breakBefore)"
    )
    assert len(breaks) >= 2
    assert breaks[0] == "auto"
    assert breaks[1] == "page"
    assert page.get_by_role("heading", name=REPORT_TITLE, level=1).is_visible()
    assert not page.get_by_role("navigation").first.is_visible()
    assert not details.locator("summary").is_visible()
    assert table.is_visible()
    page.emulate_media(media="screen")
