"""An ally signs up, pledges three commitments, finds them on the pledge wall, logs progress.

The demo's ``local-editor`` (Luca Local) is not an ally yet, so the journey starts at the
sign-up form. Every page on the way, the error summary included, is checked with axe-core.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

COMMITMENTS = [
    ("personal", "Mentor a colleague who is studying for promotion", "Ten sessions held"),
    ("organisational", "Put a woman on every interview panel I chair", "Panels counted monthly"),
    ("personal", "Hand the floor back when someone is talked over", "Feedback twice a year"),
]


def test_ally_signs_up_pledges_and_logs_progress(visitor_for):
    visitor = visitor_for("local-editor")
    page = visitor.page

    visitor.visit("/pledge/")
    assert visitor.path == "/pledge/sign-up/", "Staff who are not allies sign up first"
    page.get_by_label("Your unit").select_option(label="Southvale Police (Southern Region)")
    page.get_by_label("Your role or rank").fill("Custody sergeant")
    page.get_by_label("The programme team may contact me", exact=False).check()
    visitor.follow(page.get_by_role("button", name="Sign up"))
    assert visitor.path == "/pledge/"
    assert "Welcome to the programme" in page.locator(".allyship-messages").inner_text()

    # Submitting the empty form shows the error summary, and saves nothing.
    visitor.follow(page.get_by_role("button", name="Make my pledge"))
    summary = page.locator(".allyship-error-summary")
    assert "Make at least one commitment" in summary.inner_text()
    # The summary takes the focus, so a screen reader reads it first.
    assert page.evaluate("document.activeElement.classList.contains('allyship-error-summary')")

    deadline = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()
    for index, (kind, text, kpi) in enumerate(COMMITMENTS):
        prefix = f"#id_commitments-{index}"
        if index:  # the second and third commitments open on demand
            page.get_by_text(f"Add commitment {index + 1}").click()
        page.locator(f"{prefix}-kind_{0 if kind == 'personal' else 1}").check()
        page.locator(f"{prefix}-text").fill(text)
        page.locator(f"{prefix}-kpi").fill(kpi)
        page.locator(f"{prefix}-deadline").fill(deadline)
        page.locator(f"{prefix}-plan_how").fill("A little every week")
    page.get_by_label("Published: colleagues who are logged in can see it").check()
    page.get_by_label("I agree that colleagues", exact=False).check()
    visitor.follow(page.get_by_role("button", name="Make my pledge"))
    assert page.locator("h1").inner_text() == "Your pledge is saved"
    assert "What happens next" in page.locator("main").inner_text()

    nav = page.get_by_role("navigation", name="Allyship programme", exact=True)
    visitor.follow(nav.get_by_role("link", name="Pledge wall"))
    card = page.locator(".allyship-pledge-card", has_text="Luca Local")
    assert card.count() == 1
    for _kind, text, _kpi in COMMITMENTS:
        assert text in card.inner_text()
    visitor.follow(card.get_by_role("link", name="Luca Local"))
    assert "The pledge of Luca Local" in page.locator("h1").inner_text()

    visitor.follow(nav.get_by_role("link", name="My allyship"))
    # The link's name ends with the commitment, in visually hidden text.
    visitor.follow(page.get_by_role("link", name=re.compile(r"^Log progress\W+Commitment 1$")))
    page.get_by_label("In progress").check()
    page.get_by_label("What happened?").fill("First session held with my mentee.")
    visitor.follow(page.get_by_role("button", name="Log progress"))
    assert "Your progress is logged." in page.locator(".allyship-messages").inner_text()
    assert "First session held with my mentee." in page.locator("main").inner_text()
    assert "In progress" in page.locator("main").inner_text()


def test_coordinator_keeps_the_registry(visitor_for):
    visitor = visitor_for("coordinator")
    page = visitor.page
    visitor.visit("/admin/snippets/wagtail_allyship/allyregistration/")
    assert page.get_by_role("link", name="Alex Ally").count() >= 1
    visitor.visit("/admin/snippets/wagtail_allyship/allyregistration/units/")
    assert "Northshire Police" in page.locator("main table").inner_text()
    visitor.follow(page.locator("main table").get_by_role("link", name="Northshire Police"))
    assert "Dev Patel" in page.locator("main").inner_text()
    assert "Morgan Reid" not in page.locator("main").inner_text()


def test_local_editor_cannot_open_the_registry(visitor_for):
    visitor = visitor_for("local-editor")
    # The personal-data guard refuses it outright, with a page that says why.
    visitor.visit("/admin/snippets/wagtail_allyship/allyregistration/", status=403)
    assert "Alex Ally" not in visitor.page.content()
