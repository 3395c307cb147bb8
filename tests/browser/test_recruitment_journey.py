"""An editor makes a local version of the recruitment template for a unit and publishes it."""

from __future__ import annotations

from .support import Visitor

TEMPLATE_TITLE = "Become an ally in [FORCE NAME]"
UNIT = "National Allyship Team"


def template_page(live_site):
    for page in live_site.pages:
        if (
            page.model == "wagtail_allyship.recruitmentarticlepage"
            and page.locale == "en"
            and page.title == TEMPLATE_TITLE
        ):
            return page
    raise LookupError("The demo has no English recruitment template")


def test_editor_publishes_a_local_version(visitor_for, live_site):
    editor: Visitor = visitor_for("editor")
    template = template_page(live_site)

    editor.visit(f"/admin/pages/{template.id}/edit/")
    assert "template" in editor.page.locator("main").inner_text().lower()
    editor.follow(editor.page.get_by_role("link", name="Create local version").first)

    editor.page.locator("#id_unit").select_option(label=UNIT)
    editor.follow(editor.page.get_by_role("button", name="Create local version"))
    assert editor.page.locator("#id_title").input_value() == f"Become an ally in {UNIT}"

    editor.page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    editor.follow(editor.page.locator("footer button[name=action-publish]"))
    assert "published" in editor.page.locator(".messages").inner_text()

    ally: Visitor = visitor_for("ally")
    ally.visit("/become-an-ally-in-national-allyship-team/")
    main = ally.page.locator("main")
    text = main.inner_text()
    assert UNIT in text
    assert "Sam Okafor" in text
    assert main.locator('a[href="mailto:allyship@example.org"]').count() >= 1
    assert "[" not in text
