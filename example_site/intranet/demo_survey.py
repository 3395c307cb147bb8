"""Demo content for the anonymous survey: an "Ally survey" page and its made-up responses.

Twelve written-out responses (seven from Northshire Police, three from Southvale Police, two
from the National Allyship Team) and 150 generated ones from a seeded random generator,
spread over the other forces and the last twelve months, so that the results page shows a
bit of everything: all respondents together and most forces are shown, while the National
Allyship Team, Southvale Police and Riverford Police, with fewer than five responses each,
are held back. The ``ally`` user has not answered, so the survey can be tried out.
The page is translated into French and Arabic with wagtail-localize (questions, choices and
texts in their own wording; the questions keep their field names, so the results page counts
the answers given in every language together).
Everything is created once, under a fixed translation key: a second run changes nothing.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale, Page

from wagtail_allyship.models import FeedbackSurveyPage, OrganisationUnit, SurveyResponse
from wagtail_allyship.translations.translate import translate

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


#: How many responses are generated, from which forces (Riverford gets only three), and the
#: seed that makes them the same on every load.
GENERATED = 150
GENERATED_UNITS = [
    "Fellbridge Police",
    "Harrowmere Police",
    "Seabrook Police",
    "Kestrel Downs Police",
    "Westmarch Police",
    "Ashcombe Police",
]
SMALL_UNIT = ("Riverford Police", 3)
SEED = 2026
SUGGESTIONS = [
    "More sessions for night shifts, please.",
    "Pair new allies with someone who has done it for a year.",
    "Tell us what changed because of the survey.",
    "Shorter emails, and fewer of them.",
    "Involve more senior officers.",
    "",
    "",
    "",
]


def generated_responses() -> list[tuple[str, dict]]:
    """Seeded answers, leaning the way a programme in its third year might see them."""
    rng = random.Random(SEED)
    helped = QUESTIONS[2][2].split("\n")
    obstacles = QUESTIONS[3][2].split("\n")
    units = [rng.choice(GENERATED_UNITS) for _ in range(GENERATED - SMALL_UNIT[1])]
    units += [SMALL_UNIT[0]] * SMALL_UNIT[1]
    responses = []
    for unit in units:
        answers = {
            CONFIDENCE: rng.choices([1, 2, 3, 4, 5], (1, 3, 6, 8, 5))[0],
            SUPPORT: rng.choices([1, 2, 3, 4, 5], (2, 4, 6, 6, 3))[0],
            HELPED: rng.choices(helped, (5, 3, 4, 2))[0],
            OBSTACLES: [item for item in obstacles if rng.random() < 0.35],
        }
        suggestion = rng.choice(SUGGESTIONS)
        if suggestion:
            answers[NEXT_YEAR] = suggestion
        responses.append((unit, answers))
    return responses


def months_back(today: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` before today's."""
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def load_survey(home: Page, locales: dict[str, Locale] | None = None) -> FeedbackSurveyPage:
    """The published "Ally survey" under ``home`` with its demo responses, translated into the
    other ``locales`` that have wording in ``STRINGS``; returns the English page."""
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
    for code, locale in (locales or {}).items():
        if code in STRINGS and not page.has_translation(locale):
            translate(page, locale, segments(STRINGS[code]))
    return page


def load_responses(page: FeedbackSurveyPage) -> None:
    names = {question.label: question.clean_name for question in page.get_form_fields()}
    units = {
        unit.name: unit.translation_key
        for unit in OrganisationUnit.objects.filter(locale=page.locale)
    }
    today = timezone.localdate()
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            page=page,
            form_data={names[label]: value for label, value in answers.items()},
            month=months_back(today, number % 12),
            unit_key=units.get(unit),
        )
        for number, (unit, answers) in enumerate([*RESPONSES, *generated_responses()])
    )


# translations -----------------------------------------------------------------------------

STRINGS_FR = {
    "Ally survey": "Enquête auprès des alliés",
    INTRODUCTION: (
        "Dites-nous comment se passe votre rôle d'allié. Comptez environ cinq minutes. Vos "
        "réponses sont anonymes, et les résultats ne sont montrés que pour des groupes d'au "
        "moins cinq personnes."
    ),
    THANK_YOU: (
        "Merci pour vos réponses. L'équipe du programme étudie les résultats chaque trimestre "
        "et présente sur les pages des alliés ce qu'elle change en conséquence."
    ),
    CONFIDENCE: (
        "Dans quelle mesure vous sentez-vous capable de réagir quand vous entendez une "
        "remarque sexiste ?"
    ),
    SUPPORT: "Dans quelle mesure votre responsable hiérarchique soutient-il votre rôle d'allié ?",
    HELPED: "Quelle partie du programme vous a le plus aidé ?",
    OBSTACLES: "Qu'est-ce qui vous empêche d'être un allié actif ?",
    NEXT_YEAR: "Que devrait faire le programme autrement l'an prochain ?",
    QUESTIONS[2][2]: (
        "Le mentorat\nLes cercles d'écoute\nLes sessions de formation\nLe centre de ressources"
    ),
    QUESTIONS[3][2]: (
        "Le manque de temps\nLa charge de travail\nNe pas savoir quoi dire\n"
        "La crainte des réactions"
    ),
}

STRINGS_AR = {
    "Ally survey": "استبيان الحلفاء",
    INTRODUCTION: (
        "أخبرنا كيف تسير تجربتك حليفًا. يستغرق الاستبيان نحو خمس دقائق. إجاباتك مجهولة "
        "الهوية، ولا تُعرض النتائج إلا لمجموعات من خمسة أشخاص أو أكثر."
    ),
    THANK_YOU: (
        "شكرًا على إجاباتك. يراجع فريق البرنامج النتائج كل ثلاثة أشهر، وينشر على صفحات "
        "الحلفاء ما يغيّره بناءً عليها."
    ),
    CONFIDENCE: "ما مدى ثقتك بنفسك في الاعتراض حين تسمع ملاحظة متحيزة ضد المرأة؟",
    SUPPORT: "إلى أي حد يدعم مديرك المباشر دورك حليفًا؟",
    HELPED: "أي جزء من البرنامج أفادك أكثر من غيره؟",
    OBSTACLES: "ما الذي يمنعك من أن تكون حليفًا فاعلًا؟",
    NEXT_YEAR: "ما الذي ينبغي أن يفعله البرنامج بشكل مختلف في العام المقبل؟",
    QUESTIONS[2][2]: "الإرشاد\nحلقات الإصغاء\nالدورات التدريبية\nمركز الموارد",
    QUESTIONS[3][2]: "ضيق الوقت\nعبء العمل\nعدم معرفة ما يُقال\nالخوف من ردود الفعل",
}

#: Source text to translation, by language code.
STRINGS = {"fr": STRINGS_FR, "ar": STRINGS_AR}


def segments(strings: dict[str, str]) -> dict[str, str]:
    """The strings as wagtail-localize gives them to translators: a list of choices, one a
    line, comes as one text with ``<br/>`` between the lines."""
    return {
        source.replace("\n", "<br/>"): text.replace("\n", "<br/>")
        for source, text in strings.items()
    }
