"""XSS probes: text people type is inert wherever it is shown, and links refuse scripts.

One row of :data:`TEXT_PROBES` per model: it stores the payload in that model's typed text
fields and says where the text is shown (public pages, feeds, calendar files, exports, admin
listings). Each place is checked for its own kind of inertness: escaped HTML, escaped XML,
properly escaped iCalendar lines, spreadsheet cells that cannot run as formulas.
:data:`SEARCH_PROBES` and :data:`TRANSLATION_PROBES` do the same for searches (the payload as
the query and in what is found) and translated copies; reminder emails stay plain text.
:class:`TestTheTablesAreComplete` fails when a model gains a typed text or URL field that no
row covers, so that new models join the probes.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlencode

import openpyxl
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import (
    AllyActionFactory,
    AllyRegistrationFactory,
    AllyRoleProfilePageFactory,
    AnnualReportPageFactory,
    AnnualUpdateFactory,
    AwarenessDateFactory,
    CalendarPageFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    EventFactory,
    FeedbackSurveyPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgeWallPageFactory,
    RecruitmentArticlePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    TopicFactory,
    UserFactory,
    in_days,
)
from wagtail_allyship.models import SurveyResponse
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://x")'
#: Every probe field gets all three at once: a formula first (for exports), then markup.
PAYLOAD = FORMULA + SCRIPT + BREAKOUT
#: For fields too short for the whole payload.
SHORT_PAYLOAD = FORMULA + SCRIPT

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
RAW_MARKERS = (SCRIPT, "<img src=x onerror", "<script>alert")
FORMULA_STARTS = ("=", "+", "-", "@")


# Places and how each is checked --------------------------------------------------------


@dataclass
class Place:
    """A URL that shows the payload, how to read it, and whether the payload must be seen."""

    kind: str  # html, rss, atom, ics, csv, xlsx, json
    url: str
    shown: bool = True
    client: object = None  # another logged-in client, e.g. the pledge's owner
    data: dict | None = None  # POSTed instead of a GET: a form sent back with its errors
    status: int = 200


def _content(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def check_html(html: str) -> list[str]:
    problems = [f"raw {marker!r}" for marker in RAW_MARKERS if marker in html]
    # An attribute value must not end early: the quote of the payload is always escaped.
    if re.search(r'=\s*"[^"]*=HYPERLINK\(\s*"', html):
        problems.append("payload breaks out of a quoted attribute")
    return problems


def check_feed(xml: str) -> list[str]:
    problems = [f"raw {marker!r} in the XML" for marker in RAW_MARKERS if marker in xml]
    root = ET.fromstring(xml.encode())  # noqa: S314  # our own feed, in a test
    values = [element.text or "" for element in root.iter()]
    values += [value for element in root.iter() for value in element.attrib.values()]
    if not any("alert(1)" in value for value in values):
        problems.append("payload not in the feed")
    # Categories are plain text; titles, descriptions and summaries are read as HTML.
    html_texts = [
        element.text or ""
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in ("title", "description", "summary", "content")
    ]
    for text in html_texts:
        # Readers treat titles and summaries as HTML: after XML parsing they must still be
        # escaped HTML, never markup.
        if any(marker in text for marker in RAW_MARKERS):
            problems.append(f"feed text is markup once the XML is read: {text!r}")
    return problems


def unfold(ics: str) -> list[str]:
    return re.sub(r"\r?\n[ \t]", "", ics).splitlines()


def check_ics(ics: str) -> list[str]:
    lines = unfold(ics)
    problems = []
    if not any("alert(1)" in line for line in lines):
        problems.append("payload not in the calendar file")
    for line in lines:
        name = re.split(r"[:;]", line, maxsplit=1)[0]
        if name.upper() in {"X-INJECTED", "URL"} and "javascript" in line:
            problems.append(f"a typed line break added a property: {line!r}")
        if line.startswith(("SUMMARY", "DESCRIPTION", "LOCATION")) and "alert(1)" in line:
            value = line.split(":", 1)[1]
            # RFC 5545 TEXT: commas and semicolons in the value are escaped.
            if re.search(r"(?<!\\)[,;]", value):
                problems.append(f"unescaped , or ; in {line!r}")
    return problems


def check_cells(cells: list[str]) -> list[str]:
    found = [cell for cell in cells if "HYPERLINK" in cell]
    if not found:
        return ["payload not in the export"]
    return [f"formula cell {cell!r}" for cell in found if cell.startswith(FORMULA_STARTS)]


def check_csv(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return check_cells([cell for row in csv.reader(io.StringIO(text)) for cell in row])


def check_xlsx(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells, problems = [], []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if cell.data_type == "f":
                    problems.append(f"cell {cell.coordinate} is a formula: {cell.value!r}")
                cells.append(str(cell.value))
    return problems + check_cells(cells)


def check_place(client, place: Place) -> list[str]:
    client = place.client or client
    send = client.get if place.data is None else partial(client.post, data=place.data)
    response = send(place.url)
    if response.status_code != place.status:
        return [f"status {response.status_code}"]
    data = _content(response)
    if place.kind == "html":
        html = data.decode()
        problems = check_html(html)
        if place.shown and ESCAPED_SCRIPT not in html:
            problems.append("escaped payload not shown")
        return problems
    if place.kind in ("rss", "atom"):
        return check_feed(data.decode())
    if place.kind == "json":
        # A download: served as JSON (never sniffed as HTML), the text kept as typed.
        if not response["Content-Type"].startswith("application/json"):
            return [f"served as {response['Content-Type']}"]
        found = []
        json.loads(data, object_hook=lambda obj: found.extend(obj.values()) or obj)
        return [] if PAYLOAD in found else ["payload not in the file"]
    if place.kind == "ics":
        return check_ics(data.decode())
    if place.kind == "csv":
        return check_csv(data)
    if place.kind == "xlsx":
        return check_xlsx(data)
    raise AssertionError(place.kind)


# Where the admin lists things ------------------------------------------------------------


def snippet_list(model) -> str:
    return reverse(model.snippet_viewset.get_url_name("list"))


def explorer(page) -> str:
    return reverse("wagtailadmin_explore", args=[page.get_parent().pk])


def report(name: str, export: str = "") -> str:
    url = reverse(f"wagtail_allyship_report_{name}")
    return f"{url}?export={export}" if export else url


def registry(export: str = "") -> str:
    url = reverse("wagtailsnippets_wagtail_allyship_allyregistration:list")
    return f"{url}?export={export}" if export else url


# The probes: one row per model -----------------------------------------------------------


@dataclass
class TextProbe:
    model: str
    fields: tuple[str, ...]
    build: Callable[[object], list[Place]] = field(repr=False)

    def __str__(self) -> str:
        return self.model


def build_unit(client) -> list[Place]:
    from wagtail_allyship.models import OrganisationUnit

    unit = OrganisationUnitFactory(
        name=PAYLOAD, short_name=SHORT_PAYLOAD[:50], contact_name=PAYLOAD
    )
    ally = AllyRegistrationFactory(unit=unit)
    template = RecruitmentArticlePageFactory(slug="template")
    local = RecruitmentArticlePageFactory(
        slug="local", unit=unit, title="Allies of [FORCE NAME]", template_page=template
    )
    CommitmentFactory(deadline=in_days(-3), pledge__user=ally.user)
    survey = answered_survey(unit, "A fair answer")
    report_page = AnnualReportPageFactory()
    return [
        Place("html", report_page.url),
        Place("csv", report_page.url + "figures/csv/"),
        Place("html", reverse("wagtail_allyship_survey_results", args=[survey.pk])),
        Place("csv", reverse("wagtail_allyship_survey_results_csv", args=[survey.pk])),
        Place("html", local.url),
        Place("html", snippet_list(OrganisationUnit)),
        Place("html", registry()),
        Place("html", reverse("wagtailsnippets_wagtail_allyship_allyregistration:unit_counts")),
        Place("html", report("allies")),
        Place("csv", report("allies", "csv")),
        Place("xlsx", report("allies", "xlsx")),
        Place("html", report("overdue_commitments")),
        Place("csv", report("overdue_commitments", "csv")),
        Place("xlsx", report("overdue_commitments", "xlsx")),
        Place("html", report("missing_updates")),
        Place("csv", report("missing_updates", "csv")),
        Place("csv", registry("csv")),
        Place("xlsx", registry("xlsx")),
    ]


def build_ally_action(client) -> list[Place]:
    from wagtail_allyship.models import AllyAction

    AllyActionFactory(title=PAYLOAD, description=PAYLOAD, source_title=PAYLOAD)
    profile = AllyRoleProfilePageFactory()
    return [Place("html", profile.url), Place("html", snippet_list(AllyAction))]


def build_glossary_term(client) -> list[Place]:
    from wagtail_allyship.models import GlossaryTerm

    GlossaryTermFactory(term=PAYLOAD, source_title=PAYLOAD)
    glossary = GlossaryPageFactory()
    return [Place("html", glossary.url), Place("html", snippet_list(GlossaryTerm))]


def build_topic(client) -> list[Place]:
    from wagtail_allyship.topics.models import Topic

    topic = TopicFactory(name=PAYLOAD[:100], description=PAYLOAD)
    index = GoodPracticeIndexPageFactory()
    story = GoodPracticeStoryPageFactory(parent=index, topics=[topic])
    calendar = CalendarPageFactory()
    EventFactory(topic=topic)
    return [
        Place("html", index.url),
        Place("html", story.url),
        Place("html", calendar.url),
        Place("rss", index.url + "feed/"),
        Place("atom", index.url + "feed/atom/"),
        Place("html", snippet_list(Topic)),
    ]


def build_awareness_date(client) -> list[Place]:
    from wagtail_allyship.calendar.models import AwarenessDate

    calendar = CalendarPageFactory()
    AwarenessDateFactory(title=PAYLOAD, description=PAYLOAD + "\nX-INJECTED:javascript:1")
    event = EventFactory(
        title=PAYLOAD + ", with; separators",
        description=PAYLOAD + "\r\nURL:javascript:alert(1)",
        location=PAYLOAD,
    )
    return [
        Place("html", calendar.url),
        Place("ics", calendar.url + "ics/"),
        Place("ics", f"{calendar.url}event/{event.translation_key}/ics/"),
        Place("html", snippet_list(AwarenessDate)),
    ]


def build_programme_home(client) -> list[Place]:
    from tests.factories import ProgrammeHomePageFactory

    home = ProgrammeHomePageFactory(strapline=PAYLOAD[:200])
    return [Place("html", home.url)]


def build_annual_update(client) -> list[Place]:
    from wagtail_allyship.models import AnnualUpdate

    unit = OrganisationUnitFactory(name="Alderley Police")
    AnnualUpdateFactory(unit=unit, title=PAYLOAD)
    report_page = AnnualReportPageFactory()
    return [
        Place("html", report_page.url),
        Place("html", snippet_list(AnnualUpdate)),
    ]


def build_registration(client) -> list[Place]:
    AllyRegistrationFactory(role=PAYLOAD)
    return [
        Place("html", registry()),
        Place("csv", registry("csv")),
        Place("xlsx", registry("xlsx")),
    ]


def build_user_names(client) -> list[Place]:
    user = UserFactory(first_name=PAYLOAD[:150], last_name=SCRIPT)
    AllyRegistrationFactory(user=user)
    pledge = PledgeFactory(user=user, commitments=1)
    wall = PledgeWallPageFactory()
    return [
        Place("html", wall.url),
        Place("html", f"{wall.url}{pledge.pk}/"),
        Place("html", registry()),
        Place("csv", registry("csv")),
        Place("xlsx", registry("xlsx")),
    ]


def build_feedback(client) -> list[Place]:
    """An answer both people agreed to show: on the wall, on both people's pages, in My data."""
    from django.test import Client

    from wagtail_allyship.models import FeedbackRequest, FeedbackState

    user = UserFactory()
    AllyRegistrationFactory(user=user)
    pledge = PledgeFactory(user=user)
    colleague = UserFactory()
    FeedbackRequest.objects.create(
        ally=user,
        colleague=colleague,
        programme_year=pledge.programme_year,
        expires_at=timezone.now() + datetime.timedelta(days=5),
        state=FeedbackState.ANSWERED,
        text=PAYLOAD,
        writer_agrees=True,
        ally_agrees=True,
    )
    wall = PledgeWallPageFactory()
    mine = MyAllyshipPageFactory()
    owner, writer = Client(), Client()
    owner.force_login(user)
    writer.force_login(colleague)
    return [
        Place("html", wall.url),
        Place("html", f"{wall.url}{pledge.pk}/"),
        Place("html", mine.url, client=owner),
        Place("html", mine.url, client=writer),
        Place("json", f"{mine.url}my-data/", client=owner),
    ]


def build_circle(client) -> list[Place]:
    """A circle's name and words: the allies' list, its own page, My allyship, the admin."""
    from django.test import Client

    from wagtail_allyship.models import AllyCircle, CircleMembership

    user = UserFactory()
    AllyRegistrationFactory(user=user)
    circle = AllyCircle.objects.create(
        name=PAYLOAD, description=PAYLOAD, rhythm="other", rhythm_other=PAYLOAD
    )
    CircleMembership.objects.create(circle=circle, user=user, how="placed")
    AllyCircle.objects.create(
        name=PAYLOAD, description=PAYLOAD, rhythm="other", rhythm_other=PAYLOAD
    )
    mine = MyAllyshipPageFactory()
    member = Client()
    member.force_login(user)
    return [
        Place("html", f"{mine.url}circles/", client=member),
        Place("html", f"{mine.url}circles/{circle.pk}/", client=member),
        Place("html", mine.url, client=member),
        Place("json", f"{mine.url}my-data/", client=member),
        Place("html", reverse("wagtailsnippets_wagtail_allyship_allycircle:list")),
    ]


def build_commitment(client) -> list[Place]:
    from django.test import Client

    user = UserFactory()
    AllyRegistrationFactory(user=user)
    pledge = PledgeFactory(user=user)
    commitment = CommitmentFactory(
        pledge=pledge,
        text=PAYLOAD,
        kpi=PAYLOAD,
        plan_what=PAYLOAD,
        plan_how=PAYLOAD,
        plan_who=PAYLOAD,
        plan_when=PAYLOAD,
        deadline=in_days(-3),
    )
    CommitmentUpdateFactory(commitment=commitment, note=PAYLOAD)
    wall = PledgeWallPageFactory()
    mine = MyAllyshipPageFactory()
    owner = Client()
    owner.force_login(user)
    return [
        Place("html", wall.url),
        Place("html", f"{wall.url}{pledge.pk}/"),
        Place("html", mine.url, client=owner),
        Place("json", f"{mine.url}my-data/", client=owner),
        Place("html", f"{mine.url}commitments/{commitment.pk}/progress/", client=owner),
    ]


def answered_survey(unit, text: str):
    """A survey with five answers from ``unit`` (enough for results to be shown)."""
    page = FeedbackSurveyPageFactory()
    fields = {f.field_type: f.clean_name for f in page.get_form_fields()}
    answers = {fields["scale"]: "4", fields["radio"]: "Training", fields["multiline"]: text}
    for _ in range(5):
        SurveyResponse.objects.create(
            page=page, form_data=answers, month="2026-03-01", unit_key=unit.translation_key
        )
    return page


def build_survey_answers(client) -> list[Place]:
    page = answered_survey(OrganisationUnitFactory(), PAYLOAD)
    # The CSV holds no written answers, only how many there were.
    return [
        Place("html", reverse("wagtail_allyship_survey_results", args=[page.pk])),
    ]


def ally_client():
    """A client signed in as a registered ally: how allies see surveys."""
    from django.test import Client

    ally = Client()
    ally.force_login(AllyRegistrationFactory().user)
    return ally


#: Every kind of survey question; those with choices get the payload as one of them.
SURVEY_KINDS = ("scale", "radio", "dropdown", "checkboxes", "singleline", "multiline")
CHOICE_KINDS = ("radio", "dropdown", "checkboxes")


def payload_survey(**kwargs):
    """A survey asking each kind of question in the payload's words, with five answers.

    Labels differ by their kind only, so that each question keeps a field name of its own.
    """
    page = FeedbackSurveyPageFactory(
        questions=[
            (f"{PAYLOAD} {kind}", kind, f"{PAYLOAD}\nTraining" if kind in CHOICE_KINDS else "")
            for kind in SURVEY_KINDS
        ],
        **kwargs,
    )
    page.form_fields.update(help_text=PAYLOAD, default_value=PAYLOAD)
    names = {f.field_type: f.clean_name for f in page.get_form_fields()}
    answers = dict.fromkeys(names.values(), PAYLOAD)
    answers.update({names["scale"]: 4, names["checkboxes"]: [PAYLOAD, "Training"]})
    SurveyResponse.objects.bulk_create(
        SurveyResponse(page=page, form_data=answers, month="2026-03-01") for _ in range(5)
    )
    return page


def survey_places(page, ally) -> list[Place]:
    """The survey as an ally sees it (and sent back with errors), its results and their CSV."""
    return [
        Place("html", page.url, client=ally),
        Place("html", page.url, client=ally, data={}, status=400),
        Place("html", reverse("wagtail_allyship_survey_results", args=[page.pk])),
        Place("csv", reverse("wagtail_allyship_survey_results_csv", args=[page.pk])),
    ]


def build_survey_questions(client) -> list[Place]:
    page = payload_survey()
    # The survey's own title is page text, shown in the admin's list of surveys.
    titled = FeedbackSurveyPageFactory(title=PAYLOAD)
    return [
        *survey_places(page, ally_client()),
        Place("html", reverse("wagtail_allyship_surveys")),
        Place("html", reverse("wagtail_allyship_survey_results", args=[titled.pk])),
    ]


def build_resource_tag(client) -> list[Place]:
    from wagtail_allyship.models import ResourceTag

    hub = ResourceHubPageFactory()
    resource = ResourcePageFactory(parent=hub, tags=[PAYLOAD])
    slug = ResourceTag.objects.get(name=PAYLOAD).slug
    return [
        Place("html", hub.url),  # the tag facet
        Place("html", f"{hub.url}?tag={slug}"),  # the tag chosen: the list filtered by it
        Place("html", resource.url),  # the resource's keywords
    ]


def build_story(client) -> list[Place]:
    index = GoodPracticeIndexPageFactory()
    story = GoodPracticeStoryPageFactory(
        parent=index,
        title=PAYLOAD,
        organisation_name=PAYLOAD,
        summary=PAYLOAD,
        image_alt=PAYLOAD,
        body=[("quote", {"text": PAYLOAD, "attribution": PAYLOAD})],
    )
    return [
        Place("html", index.url),
        Place("html", story.url),
        Place("rss", index.url + "feed/"),
        Place("atom", index.url + "feed/atom/"),
        Place("html", explorer(story)),
    ]


def build_resource(client) -> list[Place]:
    hub = ResourceHubPageFactory()
    image = get_image_model().objects.create(title=PAYLOAD, file=get_test_image_file())
    resource = ResourcePageFactory(
        parent=hub,
        title=PAYLOAD,
        summary=PAYLOAD,
        duration=SHORT_PAYLOAD[:60],
        image=image,
        image_alt=PAYLOAD,
    )
    return [
        Place("html", hub.url),
        Place("html", resource.url),
        Place("html", explorer(resource)),
        Place("html", reverse("wagtail_allyship_resources_review"), shown=False),
    ]


def build_recruitment(client) -> list[Place]:
    page = RecruitmentArticlePageFactory(
        title=PAYLOAD,
        body=[
            ("call_to_action", {"label": PAYLOAD, "link": "https://x.example/", "text": PAYLOAD}),
            # The contact box's text is rich text (HTML from the editor); its heading is not.
            ("contact", {"heading": PAYLOAD, "text": "", "show_unit_contact": False}),
        ],
    )
    return [Place("html", page.url), Place("html", explorer(page))]


def build_role_profile(client) -> list[Place]:
    page = AllyRoleProfilePageFactory(
        title=PAYLOAD,
        call_to_action_label=SHORT_PAYLOAD,
        call_to_action_url="https://x.example/",
    )
    return [Place("html", page.url), Place("html", explorer(page))]


def build_reminder_delivery(client) -> list[Place]:
    """A mail server's answer, kept as the last error of a failed reminder email."""
    from wagtail_allyship.models import DeliveryKind, DeliveryStatus, ReminderDelivery

    ReminderDelivery.objects.create(
        user=AllyRegistrationFactory().user,
        kind=DeliveryKind.ALLY,
        for_date=in_days(0),
        status=DeliveryStatus.FAILED,
        last_error=PAYLOAD,
    )
    return [
        Place("html", report("reminder_emails")),
        Place("csv", report("reminder_emails", "csv")),
        Place("xlsx", report("reminder_emails", "xlsx")),
    ]


def build_programme_update(client) -> list[Place]:
    """A programme update's title and introduction, on its page and in the admin's send view."""
    from django.urls import reverse

    from tests.factories import ProgrammeUpdatePageFactory

    page = ProgrammeUpdatePageFactory(title=PAYLOAD, intro=PAYLOAD, slug="xss-update")
    send = reverse("wagtail_allyship_newsletter_send", args=[page.pk])
    return [Place("html", page.url), Place("html", explorer(page)), Place("html", send)]


TEXT_PROBES = [
    TextProbe("OrganisationUnit", ("name", "short_name", "contact_name"), build_unit),
    TextProbe("AllyAction", ("title", "description", "source_title"), build_ally_action),
    TextProbe("GlossaryTerm", ("term", "source_title"), build_glossary_term),
    TextProbe("Topic", ("name", "description"), build_topic),
    TextProbe("AwarenessDate", ("title", "description", "location"), build_awareness_date),
    TextProbe("AnnualUpdate", ("title",), build_annual_update),
    TextProbe("ProgrammeHomePage", ("strapline",), build_programme_home),
    TextProbe("AllyRegistration", ("role",), build_registration),
    TextProbe("User", ("first_name", "last_name"), build_user_names),
    TextProbe(
        "Commitment",
        ("text", "kpi", "plan_what", "plan_how", "plan_who", "plan_when"),
        build_commitment,
    ),
    TextProbe("CommitmentUpdate", ("note",), build_commitment),
    TextProbe("FeedbackRequest", ("text",), build_feedback),
    TextProbe("AllyCircle", ("name", "description", "rhythm_other"), build_circle),
    TextProbe("SurveyResponse", ("form_data",), build_survey_answers),
    TextProbe(
        "SurveyQuestion",
        ("label", "help_text", "choices", "default_value"),
        build_survey_questions,
    ),
    TextProbe("ResourceTag", ("name",), build_resource_tag),
    TextProbe(
        "GoodPracticeStoryPage",
        ("title", "organisation_name", "summary", "image_alt"),
        build_story,
    ),
    TextProbe("ResourcePage", ("title", "summary", "duration", "image_alt"), build_resource),
    TextProbe("RecruitmentArticlePage", ("title",), build_recruitment),
    TextProbe("AllyRoleProfilePage", ("title", "call_to_action_label"), build_role_profile),
    TextProbe("ReminderDelivery", ("last_error",), build_reminder_delivery),
    TextProbe("ProgrammeUpdatePage", ("title", "intro"), build_programme_update),
]

#: Typed text fields not probed here, and why.
NOT_PROBED = {
    ("OrganisationUnit", "contact_email"): "an EmailField: validated, no markup can pass",
    ("AwarenessDate", "time_zone"): "chosen from a list of zone names",
    ("GlossaryTerm", "slug"): "a slug: letters, digits and hyphens only",
    ("ResourceTag", "slug"): "a slug",
    ("SurveyQuestion", "clean_name"): "derived from the label",
    ("SurveyParticipation", "respondent"): "a hash, never typed",
    ("SessionFeedbackParticipation", "respondent"): "a hash, never typed",
    ("FeedbackRequest", "token_hash"): "a hash of a private link, never typed",
    ("SessionSignup", "fingerprint"): "a digest the package computes, never typed or shown",
    ("NewsletterDelivery", "language"): "a language code the package chooses, never typed",
    ("NewsletterDelivery", "last_error"): "never shown: the send's progress shows counts only",
    ("SessionNotice", "url"): "the session page's address, built by the package, never typed",
    ("SessionNotice", "last_error"): "the mail server's answer, logged, never shown",
}


@pytest.mark.parametrize("probe", TEXT_PROBES, ids=str)
def test_typed_text_is_inert_wherever_shown(admin_client, locales, probe):
    places = probe.build(admin_client)
    problems = {
        f"{place.kind} {place.url}": found
        for place in places
        if (found := check_place(admin_client, place))
    }
    assert not problems, problems


# Search results and translated copies ----------------------------------------------------


@dataclass
class PlaceProbe:
    """Where a kind of content is shown; ``build`` stores the payload and returns the places."""

    name: str
    build: Callable[[], list[Place]] = field(repr=False)

    def __str__(self) -> str:
        return self.name


def searched(url: str, **params: str) -> str:
    return f"{url}?{urlencode(params)}"


#: What Wagtail's own page search is asked: on SQLite its full-text search fails on the
#: payload's quoted colon (wagtail/wagtail#13227; an error, not a leak). The package's
#: listings answer that with a message (``views/search_guard.py``) and get the payload.
INDEXED_QUERY = SCRIPT


def search_places(url: str, query: str = PAYLOAD) -> list[Place]:
    """The payload as the search, and a plain word that finds the stored payload.

    The first shows the typed query back; the second passes only if the stored payload is
    among the results, so a title that vanished from them cannot pass for an inert one.
    """
    return [Place("html", searched(url, q=query)), Place("html", searched(url, q="hyperlink"))]


def search_resource_hub() -> list[Place]:
    hub = ResourceHubPageFactory()
    ResourcePageFactory(parent=hub, title=PAYLOAD, summary=PAYLOAD)
    # Unknown filter values and sorts are named back to the reader in a message.
    filters = {"tag": PAYLOAD, "type": PAYLOAD, "sort": PAYLOAD, "page": PAYLOAD}
    return [*search_places(hub.url), Place("html", searched(hub.url, q=PAYLOAD, **filters))]


def search_glossary() -> list[Place]:
    GlossaryTermFactory(term=PAYLOAD, source_title=PAYLOAD)
    return search_places(GlossaryPageFactory().url)


def search_admin_snippets() -> list[Place]:
    """Each snippet listing of the package, searched, with the payload in what it lists."""
    from wagtail_allyship.calendar.models import AwarenessDate
    from wagtail_allyship.models import AllyAction, AnnualUpdate, GlossaryTerm, OrganisationUnit
    from wagtail_allyship.topics.models import Topic

    unit = OrganisationUnitFactory(name=PAYLOAD)
    AllyRegistrationFactory(unit=unit, user=UserFactory(first_name=PAYLOAD[:150]))
    AllyActionFactory(title=PAYLOAD)
    GlossaryTermFactory(term=PAYLOAD)
    TopicFactory(name=PAYLOAD)
    AwarenessDateFactory(title=PAYLOAD)
    AnnualUpdateFactory(unit=unit, title=PAYLOAD)
    listings = [snippet_list(model) for model in (OrganisationUnit, AllyAction, Topic)]
    listings += [snippet_list(GlossaryTerm), snippet_list(AwarenessDate), registry()]
    return [
        *(place for url in listings for place in search_places(url)),
        *search_places(snippet_list(AnnualUpdate)),
    ]


def search_admin_pages() -> list[Place]:
    """The package's list of resources, and Wagtail's page search, which lists our pages."""
    hub = ResourceHubPageFactory()
    ResourcePageFactory(parent=hub, title=PAYLOAD)
    return [
        *search_places(reverse("allyship-resources:index")),
        *search_places(reverse("wagtailadmin_pages:search"), INDEXED_QUERY),
    ]


SEARCH_PROBES = [
    PlaceProbe("resource hub", search_resource_hub),
    PlaceProbe("glossary", search_glossary),
    PlaceProbe("admin snippet listings", search_admin_snippets),
    PlaceProbe("admin page listings", search_admin_pages),
]


def french():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="fr")


def po_text(text: str) -> str:
    """``text`` as a translator writes it in wagtail-localize's PO files, which hold HTML.

    Markup typed there is refused (kept as an error, the source text stays); text that shows
    as the payload once translated is written escaped.
    """
    return escape(text)


def translate_resource() -> list[Place]:
    hub = ResourceHubPageFactory()
    resource = ResourcePageFactory(
        parent=hub, title="Induction guide", summary="For new allies.", duration="20 minutes"
    )
    french_hub = translate(hub, french(), {})
    strings = {"Induction guide": PAYLOAD, "For new allies.": PAYLOAD, "20 minutes": SCRIPT}
    strings = {source: po_text(text) for source, text in strings.items()}
    french_resource = translate(resource, french(), strings)
    return [
        Place("html", french_hub.url),
        Place("html", french_resource.url),
        Place("html", searched(french_hub.url, q="hyperlink")),
    ]


def translate_glossary_term() -> list[Place]:
    page = GlossaryPageFactory()
    translate(GlossaryTermFactory(term="Ally"), french(), {"Ally": po_text(PAYLOAD)})
    return [Place("html", translate(page, french(), {}).url)]


def translate_topic() -> list[Place]:
    """A copy made for translation, then edited: as a translator does it by hand."""
    topic = TopicFactory(name="Mentoring")
    copy = topic.copy_for_translation(french())
    copy.name, copy.description = PAYLOAD, PAYLOAD
    copy.save()
    index = GoodPracticeIndexPageFactory()
    GoodPracticeStoryPageFactory(parent=index, topics=[topic])
    french_index = translate(index, french(), {})
    return [Place("html", french_index.url)]


def translate_survey() -> list[Place]:
    """The questions of a copied survey reworded; results gather every translation."""
    page = FeedbackSurveyPageFactory()
    copy = page.copy_for_translation(french(), copy_parents=True)
    copy.save_revision().publish()
    copy.form_fields.update(label=PAYLOAD, help_text=PAYLOAD, choices=f"{PAYLOAD}\nTraining")
    source_results = reverse("wagtail_allyship_survey_results", args=[page.pk])
    # The source's results count the French answers under the source's own questions.
    return [*survey_places(copy, ally_client()), Place("html", source_results, shown=False)]


TRANSLATION_PROBES = [
    PlaceProbe("ResourcePage with wagtail-localize", translate_resource),
    PlaceProbe("GlossaryTerm with wagtail-localize", translate_glossary_term),
    PlaceProbe("Topic with copy_for_translation", translate_topic),
    PlaceProbe("FeedbackSurveyPage with copy_for_translation", translate_survey),
]


# Full-text indexes (MariaDB's, Wagtail 7.0's SQLite one) see only committed rows.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("probe", SEARCH_PROBES + TRANSLATION_PROBES, ids=str)
def test_searches_and_translations_are_inert(admin_client, locales, probe):
    """A search shows the typed query back; a translation has text of its own to leak."""
    places = probe.build()
    problems = {
        f"{place.kind} {place.url}": found
        for place in places
        if (found := check_place(admin_client, place))
    }
    assert not problems, problems


# Reminder emails -------------------------------------------------------------------------


def check_email(message) -> list[str]:
    """Plain text keeps the payload as typed (escaping it would garble it); HTML escapes it."""
    problems = []
    if message.content_subtype != "plain":
        problems.append(f"the body is {message.content_subtype}, not plain text")
    if PAYLOAD not in message.body or "&lt;" in message.body:
        problems.append("the text part does not keep the payload as typed")
    if "\n" in message.subject or "alert(1)" in message.subject:
        problems.append(f"typed text in the subject: {message.subject!r}")
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            problems += check_html(content)
            if ESCAPED_SCRIPT not in content:
                problems.append("escaped payload not in the HTML part")
    return problems


def test_reminder_emails_are_inert():
    """An ally's name and commitment reach the ally's reminder and the coordinators' digest."""
    from django.core import mail

    from wagtail_allyship.pledges.reminders import send_reminders

    coordinator = UserFactory(
        username="coordinator",
        first_name=PAYLOAD[:150],
        permissions=["wagtail_allyship.view_allyregistration"],
    )
    ally = UserFactory(first_name=PAYLOAD[:150], last_name=SCRIPT)
    AllyRegistrationFactory(user=ally, unit=OrganisationUnitFactory(name=PAYLOAD))
    pledge = PledgeFactory(user=ally)
    CommitmentFactory(pledge=pledge, text=PAYLOAD, deadline=in_days(-2))
    CommitmentFactory(pledge=pledge, position=2, text=PAYLOAD, deadline=in_days(3))
    run = send_reminders()
    assert (run.ally_emails, run.digests) == (1, 1)
    problems = {message.to[0]: found for message in mail.outbox if (found := check_email(message))}
    assert {message.to[0] for message in mail.outbox} == {ally.email, coordinator.email}
    assert not problems, problems


# URL fields ------------------------------------------------------------------------------

BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


def url_fields() -> list[tuple[str, str]]:
    return sorted(
        (model.__name__, f.name)
        for model in apps.get_app_config("wagtail_allyship").get_models()
        for f in model._meta.local_fields
        if isinstance(f, models.URLField)
    )


@pytest.mark.parametrize(("model_name", "field_name"), url_fields())
@pytest.mark.parametrize("bad", BAD_URLS)
def test_url_fields_refuse_scripts(model_name, field_name, bad):
    model_field = apps.get_model("wagtail_allyship", model_name)._meta.get_field(field_name)
    with pytest.raises(ValidationError) as model_error:
        model_field.clean(bad, None)
    with pytest.raises(ValidationError) as form_error:
        model_field.formfield(assume_scheme="https").clean(bad)
    for error in (model_error.value, form_error.value):
        assert error.messages and all(message.strip() for message in error.messages)
    # A web address is still accepted, so the refusal is about the scheme.
    model_field.clean("https://www.example.org/allies", None)


def evidence_link():
    from wagtail_allyship.reports.models import EvidenceLinkBlock

    block = EvidenceLinkBlock()
    return lambda url: block.clean(block.to_python({"label": "Minutes", "url": url}))


def video_link():
    from wagtail_allyship.content.blocks import VideoBlock

    block = VideoBlock()
    return lambda url: block.clean(block.to_python({"url": url, "title": "A video"}))


def call_to_action_link():
    from wagtail_allyship.content.blocks import CallToActionBlock

    block = CallToActionBlock()
    return lambda url: block.clean(block.to_python({"label": "Sign up", "link": url}))


#: Every block that holds a link, by "Block.child", with how to clean a value through it.
URL_BLOCKS = {
    "EvidenceLinkBlock.url": evidence_link,
    "VideoBlock.url": video_link,
    "CallToActionBlock.link": call_to_action_link,
}


@pytest.mark.parametrize("name", sorted(URL_BLOCKS))
@pytest.mark.parametrize("bad", BAD_URLS)
def test_url_blocks_refuse_scripts(name, bad):
    clean = URL_BLOCKS[name]()
    with pytest.raises(ValidationError) as error:
        clean(bad)
    assert error.value.messages and all(message.strip() for message in error.value.messages)
    clean("https://www.example.org/evidence")


def url_blocks() -> set[str]:
    """Every link-holding child of a block used in this app's StreamFields."""
    from wagtail import blocks
    from wagtail.fields import StreamField

    found, seen = set(), set()

    def walk(block):
        if id(block) in seen:
            return
        seen.add(id(block))
        children = getattr(block, "child_blocks", None) or {}
        for name, child in children.items():
            named_link = isinstance(block, blocks.StructBlock) and name in ("url", "link", "href")
            if isinstance(child, blocks.URLBlock) or named_link:
                found.add(f"{type(block).__name__}.{name}")
            walk(child)
        if hasattr(block, "child_block"):
            walk(block.child_block)

    for model in apps.get_app_config("wagtail_allyship").get_models():
        for f in model._meta.local_fields:
            if isinstance(f, StreamField):
                walk(f.stream_block)
    return found


class TestTheTablesAreComplete:
    """A new typed text field, URL field or link block fails here until it is probed."""

    def test_every_typed_text_field_is_probed(self):
        from wagtail.fields import RichTextField

        covered = {(probe.model, name) for probe in TEXT_PROBES for name in probe.fields}
        missing = [
            (model.__name__, f.name)
            for model in apps.get_app_config("wagtail_allyship").get_models()
            for f in model._meta.local_fields
            if isinstance(f, models.CharField | models.TextField)
            and not isinstance(f, models.URLField | RichTextField)
            and not f.choices
            and (model.__name__, f.name) not in covered
            and (model.__name__, f.name) not in NOT_PROBED
        ]
        assert not missing

    def test_every_link_block_is_probed(self):
        assert url_blocks() == set(URL_BLOCKS)

    def test_url_fields_are_found(self):
        assert ("OrganisationUnit", "sign_up_url") in url_fields()
        assert ("ResourcePage", "external_url") in url_fields()


class TestTheCheckersCatchLeaks:
    """The checks above report each kind of leak they exist for."""

    def test_html(self):
        assert check_html(f"<p>{PAYLOAD}</p>")
        assert check_html(f'<a title="{FORMULA}">')
        assert not check_html(f'<p>{escape(PAYLOAD)}</p><a title="{escape(PAYLOAD)}">')

    def test_feed(self):
        leaky = f"<rss><channel><item><title>{escape(PAYLOAD)}</title></item></channel></rss>"
        assert check_feed(leaky)
        safe = f"<rss><item><title>{escape(escape(PAYLOAD))}</title></item></rss>"
        assert not check_feed(safe)

    def test_ics(self):
        assert check_ics("BEGIN:VEVENT\r\nSUMMARY:alert(1), a; b\r\nEND:VEVENT")
        assert check_ics("DESCRIPTION:alert(1)\r\nURL:javascript:alert(1)")
        assert not check_ics("SUMMARY:alert(1)\\, a\\; b\r\n")

    def test_email(self):
        from django.core.mail import EmailMultiAlternatives

        leaky = EmailMultiAlternatives("Reminder", PAYLOAD)
        leaky.attach_alternative(f"<p>{PAYLOAD}</p>", "text/html")
        assert check_email(leaky)
        assert check_email(EmailMultiAlternatives("Reminder", escape(PAYLOAD)))
        safe = EmailMultiAlternatives("Reminder", PAYLOAD)
        safe.attach_alternative(f"<p>{escape(PAYLOAD)}</p>", "text/html")
        assert not check_email(safe)

    def test_cells(self):
        assert check_cells([FORMULA]) and check_cells(["@HYPERLINK"]) and check_cells(["x"])
        assert not check_cells(["'" + FORMULA])
