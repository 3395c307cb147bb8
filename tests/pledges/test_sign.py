"""The pledge sign: a printable A4 page and an SVG made on the server, in the page's language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    UserFactory,
)
from wagtail_allyship.pledges.sign import SignText, pledge_sign_svg, wrapped
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    translation.deactivate()


@pytest.fixture
def mine(db):
    PledgePageFactory(slug="pledge")
    return MyAllyshipPageFactory(slug="my-allyship")


@pytest.fixture
def ally(db):
    user = UserFactory(username="omar", first_name="Omar", last_name="Haddad")
    AllyRegistrationFactory(user=user, unit=OrganisationUnitFactory(name="Essex Police"))
    pledge = PledgeFactory(user=user)
    CommitmentFactory(pledge=pledge, position=1, text="Mentor two constables <b>& more</b>")
    CommitmentFactory(pledge=pledge, position=2, text="Ask for a woman on every panel")
    return user


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg.encode())  # noqa: S314 - our own output
    return [element.text for element in root.iter(f"{SVG}text")]


def test_printable_page(client, mine, ally):
    client.force_login(ally)
    response = client.get(mine.url + "sign/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    body = response.content.decode()
    assert "css/sign.css" in body and "<svg" in body
    assert "&lt;b&gt;&amp; more&lt;/b&gt;" in body and "<b>& more" not in body


def test_the_stylesheet_prints_one_a4_page():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("wagtail_allyship/css/sign.css")).read_text(encoding="utf-8")
    assert "size: A4" in css and "@media print" in css


def test_svg_download(client, mine, ally):
    client.force_login(ally)
    response = client.get(mine.url + "sign/svg/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "attachment" in response["Content-Disposition"]
    svg = response.content.decode()
    found = texts(svg)
    assert "Omar Haddad" in found and "Essex Police" in found
    assert "Mentor two constables <b>& more</b>" in found
    assert "My pledge for" in " ".join(found)
    # Nothing fetched from a network: the only address is the SVG namespace.
    assert svg.count("http") == 1


def test_arabic_is_right_to_left_and_in_arabic(client, mine, ally, locales):
    arabic = translate(mine, locales["ar"], {"My allyship": "مشاركتي كحليف"})
    client.force_login(ally)
    response = client.get(arabic.url + "sign/svg/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.get("direction") == "rtl"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    assert "تعهدي" in response.content.decode() or "تعهّدي" in response.content.decode()
    page = client.get(arabic.url + "sign/").content.decode()
    assert 'direction="rtl"' in page


def test_english_is_left_to_right(client, mine, ally):
    client.force_login(ally)
    root = ET.fromstring(client.get(mine.url + "sign/svg/").content)  # noqa: S314
    assert root.get("direction") == "ltr"


def test_no_pledge_this_year(client, mine):
    client.force_login(UserFactory())
    assert client.get(mine.url + "sign/").status_code == 404
    assert client.get(mine.url + "sign/svg/").status_code == 404


def test_anonymous_is_sent_to_log_in(client, mine, ally):
    assert client.get(mine.url + "sign/svg/").status_code == 302


def test_my_allyship_links_to_the_sign(client, mine, ally):
    client.force_login(ally)
    assert "sign/" in client.get(mine.url).content.decode()


def test_long_commitments_are_wrapped_and_cut():
    lines = wrapped("word " * 200)
    assert len(lines) == 6 and lines[-1].endswith("…")
    assert all(len(line) <= 39 for line in lines)


def test_the_svg_is_well_formed_with_any_text():
    sign = SignText(
        programme="A & B",
        heading='"Quotes"',
        name="<script>",
        unit="",
        commitments=("x" * 300,),
        footer="f",
        language="en",
    )
    found = texts(pledge_sign_svg(sign))
    assert "<script>" in found and "A & B" in found


def measure(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow(client, mine, ally):
    client.force_login(ally)
    urls = [mine.url + "sign/", mine.url + "sign/svg/"]
    few = {url: measure(client, url) for url in urls}
    CommitmentFactory(pledge=ally.ally_pledges.get(), position=3)
    for _number in range(20):
        PledgeFactory(commitments=3)
    many = {url: measure(client, url) for url in urls}
    assert few == many


def directions(svg: str) -> dict[str, str | None]:
    root = ET.fromstring(svg.encode())  # noqa: S314 - our own output
    return {element.text: element.get("direction") for element in root.iter(f"{SVG}text")}


def test_what_the_ally_wrote_keeps_its_own_direction_on_an_arabic_sign():
    sign = SignText(
        programme="برنامج الحلفاء",
        heading="تعهّدي لعام 2026",
        name="Alex Ally",
        unit="شرطة نورثشاير",
        commitments=("Mentor a constable before her exam.", "أن أدعم زميلاتي في الاجتماعات."),
        footer="أكون حليفًا.",
        language="ar",
        rtl=True,
    )
    found = directions(pledge_sign_svg(sign))
    # An English commitment ends with its full stop on the right, not the left.
    assert found["Mentor a constable before her exam."] == "ltr"
    assert found["Alex Ally"] == "ltr"
    assert found["أن أدعم زميلاتي في الاجتماعات."] == "rtl"
    assert found["شرطة نورثشاير"] == "rtl"
    # The sign's own words follow the sign's direction.
    assert found["تعهّدي لعام 2026"] is None and found["1."] is None


def test_an_arabic_name_on_an_english_sign_is_right_to_left():
    sign = SignText(
        programme="Allyship programme",
        heading="My pledge for 2026",
        name="عمر حداد",
        unit="Essex Police",
        commitments=("Ask for a woman on every panel", "123"),
        footer="f",
        language="en",
    )
    found = directions(pledge_sign_svg(sign))
    assert found["عمر حداد"] == "rtl"
    assert found["Essex Police"] == "ltr"
    assert found["Ask for a woman on every panel"] == "ltr"
    # No letter to go by: the sign's direction applies.
    assert found["123"] is None
