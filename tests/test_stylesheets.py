"""Our stylesheets mirror themselves on right-to-left pages: logical properties only.

Arabic pages set ``dir="rtl"`` on ``<html>``; with ``margin-inline-start`` rather than
``margin-left`` the same rules lay the page out from the right, without a second stylesheet.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = sorted((Path(__file__).parent.parent / "wagtail_allyship" / "static").rglob("*.css"))

#: Physical properties and values that would not mirror.
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)(?:-\w+)?|left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
)


def test_there_are_stylesheets():
    assert CSS


@pytest.mark.parametrize("path", CSS, ids=lambda path: path.name)
def test_no_physical_left_or_right(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    assert PHYSICAL.findall(text) == []


def test_the_pattern_catches_physical_rules():
    for rule in ("margin-left: 1rem", "padding-right:0", "left: 0", "text-align: right"):
        assert PHYSICAL.search(rule), rule
    for rule in ("margin-inline-start: 1rem", "inset-inline-start: 0", "text-align: start"):
        assert not PHYSICAL.search(rule), rule
