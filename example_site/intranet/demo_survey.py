"""Demo content for the anonymous survey: an "Ally survey" page and twelve made-up responses.

The responses are spread over the demo units so that the results page shows a bit of
everything: all respondents together and Northshire Police (seven responses) are shown,
while the National Allyship Team and Southvale Police, with fewer than five each, are held
back. The ``ally`` user has not answered, so the survey can be tried out. Everything is
created once, under a fixed translation key: a second run changes nothing.
"""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Page

from wagtail_allyship.models import FeedbackSurveyPage, OrganisationUnit, SurveyResponse

from .demo_stories_calendar import demo_key

INTRODUCTION = (
    "Tell us how being an ally is going for you. The survey takes about five minutes. "
    "Your answers are anonymous, and results are shown only for groups of five people or more."
)
THANK_YOU = (
    "Thank you for your answers. The programme team reads the results each quarter and "
    "shares what it changes as a result on the allyship pages."
)

CONFIDENCE = "How confident do you feel speaking up when you hear a sexist remark?"
SUPPORT = "How well does your line manager support your work as an ally?"
HELPED = "Which part of the programme helped you most?"
OBSTACLES = "What gets in the way of being an active ally?"
NEXT_YEAR = "What should the programme do differently next year?"

#: (label, field type, choices, required)
QUESTIONS = [
    (CONFIDENCE, "scale", "", True),
    (SUPPORT, "scale", "", True),
    (HELPED, "radio", "Mentoring\nListening circles\nTraining sessions\nThe resource hub", True),
    (OBSTACLES, "checkboxes", "Time\nWorkload\nNot knowing what to say\nFear of backlash", False),
    (NEXT_YEAR, "multiline", "", False),
]

#: (unit name, answers by question label); seven in Northshire, three and two elsewhere.
RESPONSES = [
    ("Northshire Police", {CONFIDENCE: 4, SUPPORT: 3, HELPED: "Mentoring", OBSTACLES: ["Time"]}),
    (
        "Northshire Police",
        {
            CONFIDENCE: 5,
            SUPPORT: 4,
            HELPED: "Training sessions",
            OBSTACLES: [],
            NEXT_YEAR: "More sessions for night shifts, please.",
        },
    ),
    (
        "Northshire Police",
        {CONFIDENCE: 3, SUPPORT: 2, HELPED: "Mentoring", OBSTACLES: ["Workload", "Time"]},
    ),
    (
        "Northshire Police",
        {
            CONFIDENCE: 4,
            SUPPORT: 4,
            HELPED: "Listening circles",
            OBSTACLES: ["Not knowing what to say"],
            NEXT_YEAR: "Short examples of what to say in the moment.",
        },
    ),
    ("Northshire Police", {CONFIDENCE: 2, SUPPORT: 3, HELPED: "Mentoring", OBSTACLES: ["Time"]}),
    (
        "Northshire Police",
        {CONFIDENCE: 5, SUPPORT: 5, HELPED: "The resource hub", OBSTACLES: []},
    ),
    (
        "Northshire Police",
        {CONFIDENCE: 3, SUPPORT: 2, HELPED: "Training sessions", OBSTACLES: ["Fear of backlash"]},
    ),
    (
        "Southvale Police",
        {
            CONFIDENCE: 4,
            SUPPORT: 3,
            HELPED: "Mentoring",
            OBSTACLES: ["Workload"],
            NEXT_YEAR: "Involve more senior officers.",
        },
    ),
    ("Southvale Police", {CONFIDENCE: 3, SUPPORT: 4, HELPED: "Listening circles", OBSTACLES: []}),
    (
        "Southvale Police",
        {CONFIDENCE: 2, SUPPORT: 1, HELPED: "Training sessions", OBSTACLES: ["Fear of backlash"]},
    ),
    (
        "National Allyship Team",
        {
            CONFIDENCE: 5,
            SUPPORT: 4,
            HELPED: "The resource hub",
            OBSTACLES: ["Time"],
            NEXT_YEAR: "A yearly meeting of allies from every force.",
        },
    ),
    (
        "National Allyship Team",
        {CONFIDENCE: 4, SUPPORT: 4, HELPED: "Mentoring", OBSTACLES: ["Workload"]},
    ),
]


def load_survey(home: Page) -> FeedbackSurveyPage:
    """The published "Ally survey" under ``home`` with its demo responses; returns the page."""
    key = demo_key("survey")
    page = FeedbackSurveyPage.objects.filter(translation_key=key, locale=home.locale).first()
    if page is None:
        page = FeedbackSurveyPage(
            translation_key=key,
            title="Ally survey",
            slug="ally-survey",
            show_in_menus=True,
            introduction=f"<p>{INTRODUCTION}</p>",
            thank_you_text=f"<p>{THANK_YOU}</p>",
        )
        for order, (label, field_type, choices, required) in enumerate(QUESTIONS):
            page.form_fields.add(
                page.form_fields.model(
                    label=label,
                    field_type=field_type,
                    choices=choices,
                    required=required,
                    sort_order=order,
                )
            )
        page = home.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
    if not SurveyResponse.objects.filter(page=page).exists():
        load_responses(page)
    return page


def load_responses(page: FeedbackSurveyPage) -> None:
    names = {question.label: question.clean_name for question in page.get_form_fields()}
    units = {
        unit.name: unit.translation_key
        for unit in OrganisationUnit.objects.filter(locale=page.locale)
    }
    month = timezone.localdate().replace(day=1)
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            page=page,
            form_data={names[label]: value for label, value in answers.items()},
            month=month,
            unit_key=units.get(unit),
        )
        for unit, answers in RESPONSES
    )
