"""An ally reads the intranet: every page type, in English, French and Arabic, then leaves.

The pages come from the live demo content, so a page type that a feature adds to the demo
is visited (and checked with axe-core) without changing this file.
"""

from __future__ import annotations


def test_ally_reads_every_page_type_in_every_language(visitor, live_site, demo_passwords):
    visitor.visit("/")
    assert visitor.path.startswith("/accounts/login/"), "The intranet must ask for a login"

    visitor.log_in("ally", demo_passwords["ally"])
    assert visitor.path == "/"
    home = live_site.page_at("/")
    assert visitor.page.locator("h1").inner_text() == home.title

    visited = []
    for page in live_site.one_page_of_each_type():
        visitor.visit(page.path)
        assert visitor.page.locator("html").get_attribute("lang") == page.locale, page
        assert visitor.page.locator("h1").first.inner_text() == page.title, page
        visited.append((page.model, page.locale))
    assert ("intranet.homepage", "en") in visited
    assert ("intranet.standardpage", "en") in visited


def test_ally_switches_language_and_logs_out(visitor, demo_passwords):
    visitor.log_in("ally", demo_passwords["ally"])
    html = visitor.page.locator("html")
    switcher = visitor.page.locator(".language-switcher")

    visitor.follow(switcher.locator("a[hreflang=fr]"))
    assert visitor.path == "/fr/"
    assert html.get_attribute("lang") == "fr"
    assert html.get_attribute("dir") == "ltr"

    visitor.follow(switcher.locator("a[hreflang=ar]"))
    assert visitor.path == "/ar/"
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"

    visitor.follow(switcher.locator("a[hreflang=en]"))
    assert visitor.path == "/"
    assert html.get_attribute("dir") == "ltr"

    visitor.follow(switcher.locator("a[hreflang=ar]"))
    visitor.log_out()
    assert visitor.path.startswith("/accounts/login/")
    visitor.visit("/")
    assert visitor.path.startswith("/accounts/login/"), "After logging out, pages need a login"
