"""The accessibility check itself: it must fail on a broken page and name the rule and element."""

from __future__ import annotations

import pytest

from .support import AccessibilityError

BROKEN = """<!DOCTYPE html>
<html lang="en"><head><title>Broken</title></head>
<body><main><h1>Broken</h1><img src="data:," class="portrait"></main></body></html>"""


def test_check_reports_rule_and_selector(visitor):
    visitor.page.set_content(BROKEN)
    with pytest.raises(AccessibilityError) as error:
        visitor.check()
    message = str(error.value)
    assert "rule image-alt" in message
    assert "at .portrait" in message or "at img" in message


def test_check_passes_a_clean_page(visitor):
    visitor.page.set_content(BROKEN.replace('class="portrait"', 'alt="" class="portrait"'))
    visitor.check()
