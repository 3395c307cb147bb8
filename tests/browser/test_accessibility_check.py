"""The accessibility check itself: it must fail on a broken page and name the rule and element."""

from __future__ import annotations

import pytest

from .support import AccessibilityError, CSPViolationError, page_key

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


INLINE_SCRIPT = """<!DOCTYPE html>
<html lang="en"><head><title>Inline</title></head>
<body><main><h1>Inline</h1><script>document.title = "ran";</script></main></body></html>"""


def test_check_fails_on_a_content_security_policy_violation(visitor):
    """A page served under a strict policy with an inline script: the check names the breach."""
    url = visitor.site.url("/csp-probe/")
    visitor.page.route(
        url,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            headers={"Content-Security-Policy": "script-src 'self'"},
            body=INLINE_SCRIPT,
        ),
    )
    visitor.page.goto(url)
    with pytest.raises(CSPViolationError) as error:
        visitor.check()
    assert "script-src" in str(error.value)
    assert visitor.page.title() == "Inline"  # the script was blocked
    visitor.checked.add(page_key(url))
