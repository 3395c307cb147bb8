"""The docs name everything a host or an editor meets, enumerated from the code.

Every page type, snippet model, setting key, management command, system check id and
custom permission of the package must be named somewhere in docs/pages/**.md: a new one
added without a word in the docs fails here. The installation guide's runnable code blocks
are what CI's fresh-project check runs (see .ci/check_fresh_project.sh), so they are checked
for shape here too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from wagtail_allyship import checks, conf

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "pages"
PACKAGE = ROOT / "wagtail_allyship"
APP_LABEL = "wagtail_allyship"


def docs_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(DOCS.rglob("*.md")))


def package_models():
    return apps.get_app_config(APP_LABEL).get_models()


def page_types() -> list[str]:
    return sorted(model.__name__ for model in package_models() if issubclass(model, Page))


def snippet_models() -> list[str]:
    return sorted(
        model.__name__ for model in get_snippet_models() if model._meta.app_label == APP_LABEL
    )


def setting_keys() -> list[str]:
    return sorted(conf.SETTINGS)


def commands() -> list[str]:
    folder = PACKAGE / "management" / "commands"
    return sorted(path.stem for path in folder.glob("*.py") if not path.stem.startswith("_"))


def check_ids() -> list[str]:
    source = Path(checks.__file__).read_text(encoding="utf-8")
    return sorted(set(re.findall(r"wagtail_allyship\.[EW]\d{3}", source)))


def permissions() -> list[str]:
    return sorted(
        codename for model in package_models() for codename, _name in model._meta.permissions
    )


ENUMERATIONS = {
    "page type": page_types,
    "snippet model": snippet_models,
    "setting key": setting_keys,
    "management command": commands,
    "system check id": check_ids,
    "permission": permissions,
}


@pytest.mark.parametrize("kind", ENUMERATIONS)
def test_every_name_is_in_the_docs(kind):
    names = ENUMERATIONS[kind]()
    assert names, f"no {kind} found: the enumeration itself is broken"
    text = docs_text()
    missing = [name for name in names if not re.search(rf"\b{re.escape(name)}\b", text)]
    assert not missing, f"{kind}s not named in docs/pages/**.md: {missing}"


def test_the_enumerations_find_what_we_know_is_there():
    """So that an enumeration that silently finds less cannot make the test pass."""
    assert {"AnnualReportPage", "ResourcePage", "PledgePage"} <= set(page_types())
    assert {"OrganisationUnit", "GlossaryTerm"} <= set(snippet_models())
    assert "BASE_TEMPLATE" in setting_keys()
    assert {"allyship_starter", "allyship_retention"} <= set(commands())
    assert {"wagtail_allyship.E001", "wagtail_allyship.W003"} <= set(check_ids())
    assert "approve_annualupdate" in permissions()


def test_a_name_missing_from_the_docs_is_caught():
    text = docs_text()
    assert not re.search(r"\bNoSuchAllyshipPage\b", text)


def runnable_blocks(markdown: str) -> list[tuple[str, str]]:
    """The code blocks marked ``<!-- fresh-project: <kind> -->`` in the installation guide."""
    pattern = re.compile(r"<!-- fresh-project: ([\w-]+) -->\s*```\w*\n(.*?)```", re.DOTALL)
    return pattern.findall(markdown)


def test_installation_guide_marks_the_blocks_ci_runs():
    guide = (DOCS / "installation.md").read_text(encoding="utf-8")
    blocks = runnable_blocks(guide)
    kinds = [kind for kind, _code in blocks]
    assert {"install", "settings", "urls", "shell"} <= set(kinds), kinds
    for kind, code in blocks:
        if kind in ("settings", "urls"):
            compile(code, f"installation.md ({kind})", "exec")
    install = "\n".join(code for kind, code in blocks if kind == "install")
    assert "pip install ./wagtail_allyship-" in install  # the wheel, no package index
    shell = "\n".join(code for kind, code in blocks if kind == "shell")
    assert "migrate" in shell
    assert "allyship_starter --publish" in shell
    script = (ROOT / ".ci" / "check_fresh_project.sh").read_text(encoding="utf-8")
    assert "installation.md" in script and "fresh-project:" in script


def page_templates() -> list[str]:
    """Templates that extend the package's base page: those a host overrides block by block."""
    folder = PACKAGE / "templates"
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*.html")
        if '{% extends "wagtail_allyship/page.html" %}' in path.read_text(encoding="utf-8")
    )


def template_blocks(name: str) -> set[str]:
    text = (PACKAGE / "templates" / name).read_text(encoding="utf-8")
    return set(re.findall(r"{% block (\w+)", text)) - {"title", "allyship_class"}


def test_reference_lists_every_page_template_with_its_blocks():
    reference = (DOCS / "reference.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(wagtail_allyship/[\w/]+\.html)` \| (.*) \|$", reference, re.M))
    templates = page_templates()
    assert len(templates) >= 20
    assert set(templates) <= set(rows), sorted(set(templates) - set(rows))
    for name in templates:
        listed = set(re.findall(r"`(\w+)`", rows[name]))
        assert listed == template_blocks(name), name
    base = set(
        re.findall(
            r"{% block (\w+)", (PACKAGE / "templates" / "wagtail_allyship/page.html").read_text()
        )
    )
    assert all(f"| `{block}` |" in reference for block in base)


def test_reference_lists_every_css_custom_property():
    css = "\n".join(
        path.read_text(encoding="utf-8") for path in (PACKAGE / "static").rglob("*.css")
    )
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)  # an example in a comment is no default
    properties = set(re.findall(r"(--allyship-[\w-]+)\s*:", css))
    assert properties
    reference = (DOCS / "reference.md").read_text(encoding="utf-8")
    for prop in properties:
        default = re.search(rf"{prop}\s*:\s*([^;]+);", css).group(1).strip()
        assert f"| `{prop}` | `{default}` |" in reference, prop


def test_every_screenshot_is_shown_and_every_shown_one_exists():
    """``make screenshots`` writes docs/pages/images/; each picture is on a page of the docs."""
    images = {path.name for path in (DOCS / "images").glob("*.png")}
    assert len(images) >= 9
    shown = set(re.findall(r"\]\(\.\./images/([\w-]+\.png)\)", docs_text()))
    assert images == shown, (sorted(images - shown), sorted(shown - images))
    targets = (ROOT / "tests" / "browser" / "screenshot_targets.py").read_text(encoding="utf-8")
    for name in images:
        assert f'"{name.removesuffix(".png")}"' in targets, name
