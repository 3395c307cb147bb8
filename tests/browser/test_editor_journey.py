"""An editor opens the Wagtail admin, creates and publishes pages and snippets of our types.

To cover a new page type or snippet, add one entry to ``PAGE_FORMS`` or ``SNIPPET_FORMS``
with a function that fills the fields the model requires; the journey opens the create form,
publishes, opens the result on the site and the edit form, and checks each with axe-core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from .support import Visitor


def fill_rich_text(visitor: Visitor, field_name: str, text: str) -> None:
    """Type into the Draftail editor of a rich text field, and wait until the form has it."""
    field = visitor.page.locator(f'[data-contentpath="{field_name}"]')
    field.locator('[role="textbox"]').click()
    visitor.page.keyboard.type(text)
    # Draftail writes its content to the hidden input a moment after the last keystroke.
    visitor.page.wait_for_function(
        "([input, text]) => document.querySelector(input).value.includes(text)",
        arg=[f'[data-contentpath="{field_name}"] input[type="hidden"]', text],
    )


def choose_in_chooser(visitor: Visitor, field_name: str, label: str) -> None:
    """Pick ``label`` in the chooser modal of a foreign key field (checked with axe-core)."""
    page = visitor.page
    page.locator(f'[data-contentpath="{field_name}"] [data-chooser-action-choose]').click()
    dialog = page.get_by_role("dialog")
    choice = dialog.get_by_role("link", name=label, exact=True)
    choice.wait_for()
    visitor.check()
    choice.click()
    dialog.wait_for(state="hidden")
    chosen = page.locator(f'[data-contentpath="{field_name}"] [data-chooser-title]')
    assert chosen.inner_text().strip() == label


@dataclass(frozen=True)
class PageForm:
    """A page type the editor creates under ``parent_path`` of the English demo site."""

    model: str  # "app_label.modelname", lower case
    fill: Callable[[Visitor, str], None]  # fills every required field except the title
    parent_path: str = "/"
    expected_text: str = ""  # shown on the published page


@dataclass(frozen=True)
class SnippetForm:
    """A snippet model the editor creates through its admin form."""

    model: str  # "app_label.modelname", lower case
    fill: Callable[[Visitor, str], None]  # fills every required field; the name is given
    name_field: str = "name"  # the field that holds that name (and names it in the listing)


def fill_standard_page(visitor: Visitor, title: str) -> None:
    fill_rich_text(visitor, "body", "Written in the browser journey.")


def fill_nothing(visitor: Visitor, title: str) -> None:
    """For page types whose only required field is the title: let Wagtail derive the slug."""
    visitor.page.locator("#id_title").press("Tab")
    visitor.page.wait_for_function("() => document.querySelector('#id_slug').value !== ''")


def fill_organisation_unit(visitor: Visitor, name: str) -> None:
    page = visitor.page
    page.locator("#id_name").fill(name)
    page.locator("#id_short_name").fill("BJU")
    page.locator("#id_kind").select_option("department")
    choose_in_chooser(visitor, "parent", "Northshire Police")
    page.locator("#id_contact_name").fill("Robin Example")
    page.locator("#id_contact_email").fill("robin@example.org")
    page.locator("#id_sign_up_url").fill("https://intranet.example.org/allies/bju/")


PAGE_FORMS = [
    PageForm("intranet.standardpage", fill_standard_page, expected_text="Written in the browser"),
    PageForm("wagtail_allyship.glossarypage", fill_nothing),
]

SNIPPET_FORMS = [
    SnippetForm("wagtail_allyship.organisationunit", fill_organisation_unit),
]


def success_links(visitor: Visitor) -> dict[str, str]:
    """The buttons in Wagtail's success message ('View live', 'Edit'), by label."""
    message = visitor.page.locator(".messages li.success")
    assert message.count() == 1, visitor.page.locator(".messages").inner_text()
    return {
        link.inner_text().strip(): link.get_attribute("href") for link in message.locator("a").all()
    }


def test_editor_opens_the_admin(visitor_for, demo_passwords):
    visitor = visitor_for(None)
    visitor.log_in("editor", demo_passwords["editor"], next_path="/admin/")
    assert visitor.path == "/admin/"
    menu = visitor.page.locator("#wagtail-sidebar")
    assert menu.get_by_text("Allyship").count() >= 1
    visitor.visit("/admin/pages/")


@pytest.mark.parametrize("form", PAGE_FORMS, ids=lambda form: form.model)
def test_editor_creates_and_publishes_a_page(visitor_for, live_site, form):
    visitor = visitor_for("editor")
    app_label, model_name = form.model.split(".")
    parent = live_site.page_at(form.parent_path)
    title = f"Journey {model_name} page"

    visitor.visit(f"/admin/pages/add/{app_label}/{model_name}/{parent.id}/")
    visitor.page.locator("#id_title").fill(title)
    form.fill(visitor, title)
    visitor.page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    visitor.follow(visitor.page.locator("footer button[name=action-publish]"))
    assert "created and published" in visitor.page.locator(".messages").inner_text()
    links = success_links(visitor)

    visitor.visit(links["View live"])
    assert visitor.page.locator("h1").first.inner_text() == title
    if form.expected_text:
        assert form.expected_text in visitor.page.locator("main").inner_text()

    visitor.visit(links["Edit"])
    assert visitor.page.locator("#id_title").input_value() == title


@pytest.mark.parametrize("form", SNIPPET_FORMS, ids=lambda form: form.model)
def test_editor_creates_and_edits_a_snippet(visitor_for, form):
    visitor = visitor_for("editor")
    app_label, model_name = form.model.split(".")
    name = f"Journey {model_name}"

    visitor.visit(f"/admin/snippets/{app_label}/{model_name}/add/")
    form.fill(visitor, name)
    visitor.follow(visitor.page.locator("footer button[type=submit].action-save"))
    assert "created" in visitor.page.locator(".messages").inner_text()
    assert visitor.page.get_by_role("link", name=name).count() >= 1

    visitor.visit(success_links(visitor)["Edit"])
    assert visitor.page.locator(f"#id_{form.name_field}").input_value() == name
    visitor.follow(visitor.page.locator("footer button[type=submit].action-save"))
    assert "updated" in visitor.page.locator(".messages").inner_text()
