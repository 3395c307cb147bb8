"""Starter content for the allyship calendar: topics, every date of the toolkit's calendar, a page.

The dates are those of the "Allyship Calendar" in the HeForShe Male Allyship Toolkit (2024);
titles and descriptions are the project's own words. Most dates come round every year. Five
were tied to one year (a conference, an assembly, a summit): they are one-off events in the
year the toolkit meant, so they show under past events once they are over. Two observances
move with the weekday each year (Girls in ICT Day, Father's Day in the US): they keep the
toolkit's date, and their descriptions say how the day is set, so editors can move them.

Like the rest of the starter content, every object has a fixed translation key: loading twice,
or into a language the content was already translated into, adds nothing and leaves editors'
changes alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from wagtail.models import Locale, Page

from wagtail_allyship.calendar.models import AwarenessDate, AwarenessDateKind
from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.starter.loader import LoadResult, load_page, load_snippet
from wagtail_allyship.topics.models import Topic

HEFORSHE = "https://www.heforshe.org"

#: key, name, description. The programme's starter topics, in filter order.
TOPICS = [
    ("mentoring", "Mentoring", "Mentoring and sponsoring colleagues, and being mentored."),
    ("menopause", "Menopause", "Support at work for colleagues going through the menopause."),
    (
        "flexible-working",
        "Flexible working",
        "Part-time, hybrid and flexible hours, and making them work for every gender.",
    ),
    (
        "gender-based-violence",
        "Gender-based violence",
        "Preventing and responding to violence, abuse and harassment against women and girls.",
    ),
    (
        "health",
        "Health and wellbeing",
        "Physical and mental health, including men's mental health.",
    ),
    (
        "education",
        "Education and careers",
        "Learning, skills and careers, above all where women are few, such as science and "
        "technology.",
    ),
    (
        "families",
        "Families and caring",
        "Parenthood, caring responsibilities and sharing them fairly at home and at work.",
    ),
    ("equal-pay", "Equal pay", "Closing the gender pay gap and valuing work fairly."),
    (
        "lgbtqia",
        "LGBTQIA+ inclusion",
        "Standing with lesbian, gay, bisexual, trans, queer, intersex and asexual colleagues.",
    ),
    (
        "human-rights",
        "Human rights",
        "Equality as a question of human rights, and solidarity across borders.",
    ),
    (
        "heforshe",
        "HeForShe",
        "The HeForShe movement: men and people of every gender standing up for equality.",
    ),
    (
        "global-events",
        "Global events",
        "International conferences and assemblies where gender equality is on the agenda.",
    ),
]


@dataclass(frozen=True)
class YearlyDate:
    key: str
    title: str
    description: str
    month: int
    day: int
    topic: str
    end: tuple[int, int] | None = None
    link: str = ""


@dataclass(frozen=True)
class OneOffEvent:
    key: str
    title: str
    description: str
    starts_on: date
    topic: str
    ends_on: date | None = None
    location: str = ""
    link: str = ""


#: Every date of the toolkit's allyship calendar, in calendar order.
DATES: list[YearlyDate | OneOffEvent] = [
    OneOffEvent(
        "wef-2025",
        "World Economic Forum Annual Meeting",
        "Business and political leaders meet in Davos. A moment to ask what leaders in our own "
        "sector are doing about gender parity.",
        date(2025, 1, 20),
        "global-events",
        ends_on=date(2025, 1, 24),
        location="Davos, Switzerland",
    ),
    YearlyDate(
        "education-day",
        "International Day of Education",
        "Education as a right for every girl and boy. Allies can share what learning did for "
        "them and back colleagues who are studying.",
        1,
        24,
        "education",
    ),
    YearlyDate(
        "fgm-zero-tolerance",
        "International Day of Zero Tolerance for Female Genital Mutilation",
        "A day to speak out against female genital mutilation and to support the people and "
        "groups working to end it.",
        2,
        6,
        "gender-based-violence",
    ),
    YearlyDate(
        "women-girls-science",
        "International Day of Women and Girls in Science",
        "Celebrates women in science and asks why so few girls choose it. Allies can mentor, "
        "and put women scientists forward as speakers.",
        2,
        11,
        "education",
    ),
    YearlyDate(
        "womens-day",
        "International Women's Day",
        "The best-known date of the year for gender equality. Ask the women you work with what "
        "would help, and act on it.",
        3,
        8,
        "human-rights",
    ),
    OneOffEvent(
        "csw69",
        "CSW69 / Beijing+30",
        "The UN Commission on the Status of Women meets for its 69th session, thirty years "
        "after the Beijing Declaration and Platform for Action.",
        date(2025, 3, 10),
        "global-events",
        ends_on=date(2025, 3, 21),
        location="United Nations Headquarters, New York",
    ),
    YearlyDate(
        "health-day",
        "World Health Day",
        "A day about health for all. A good moment to talk about women's health at work, "
        "menopause included.",
        4,
        7,
        "health",
    ),
    YearlyDate(
        "mother-earth-day",
        "International Mother Earth Day",
        "A day for the planet. Climate change hits women and girls hardest; allies can bring "
        "that into the conversation.",
        4,
        22,
        "human-rights",
    ),
    YearlyDate(
        "girls-in-ict",
        "International Girls in ICT Day",
        "Encourages girls and young women into technology careers. Held on the fourth Thursday "
        "of April, so check the day each year.",
        4,
        25,
        "education",
    ),
    YearlyDate(
        "families-day",
        "International Day of Families",
        "Families in all their forms. A chance to talk about parental leave and about sharing "
        "care at home.",
        5,
        15,
        "families",
    ),
    YearlyDate(
        "idahobit",
        "International Day Against Homophobia, Transphobia and Biphobia",
        "A day to stand with LGBTQIA+ colleagues and to speak up against discrimination.",
        5,
        17,
        "lgbtqia",
    ),
    YearlyDate(
        "parents-day",
        "Global Day of Parents",
        "Honours parents everywhere. Allies can show that caring is men's work too, and use "
        "the flexible working they have.",
        6,
        1,
        "families",
    ),
    YearlyDate(
        "fathers-day-us",
        "Father's Day (US)",
        "Fathers and the part they play. In the US it falls on the third Sunday of June, so "
        "check the day each year.",
        6,
        18,
        "families",
    ),
    YearlyDate(
        "youth-day",
        "International Youth Day",
        "Young people and their future. Think of the young women starting out in our "
        "organisation, and how to open doors for them.",
        8,
        12,
        "education",
    ),
    YearlyDate(
        "womens-equality-day",
        "Women's Equality Day",
        "Marks the day American women won the vote in 1920. A reminder that rights were won "
        "with allies' help.",
        8,
        26,
        "human-rights",
    ),
    OneOffEvent(
        "unga79",
        "UN General Assembly opens its 79th session (UNGA 79)",
        "World leaders gather for the new session of the General Assembly, with gender "
        "equality among the subjects on the table.",
        date(2024, 9, 10),
        "global-events",
        location="United Nations Headquarters, New York",
    ),
    YearlyDate(
        "equal-pay-day",
        "International Equal Pay Day",
        "Equal pay for work of equal value. A good day to look at our own pay gap figures and "
        "ask what is being done about them.",
        9,
        18,
        "equal-pay",
    ),
    YearlyDate(
        "heforshe-anniversary",
        "HeForShe Anniversary",
        "The birthday of the HeForShe movement. Share what allies here have done over the "
        "year, and invite others to join.",
        9,
        20,
        "heforshe",
        link=HEFORSHE,
    ),
    OneOffEvent(
        "heforshe-summit-10",
        "HeForShe 10th Anniversary Summit",
        "Ten years of HeForShe: a summit that looks back at what has changed and ahead at "
        "what allies still need to do.",
        date(2024, 9, 24),
        "heforshe",
        link=HEFORSHE,
    ),
    YearlyDate(
        "mental-health-day",
        "World Mental Health Day",
        "Mental health for everyone. Rigid ideas of masculinity stop many men asking for "
        "help; allies can make it easier to talk.",
        10,
        10,
        "health",
    ),
    YearlyDate(
        "girl-child-day",
        "International Day of the Girl Child",
        "The rights of girls and the barriers they face. Allies can support mentoring and work "
        "experience for girls.",
        10,
        11,
        "education",
    ),
    OneOffEvent(
        "cop29",
        "UN Climate Change Conference (COP29) opens",
        "Governments meet to agree on climate action. Women's voices and the effect of climate "
        "change on women are part of the debate.",
        date(2024, 11, 11),
        "global-events",
        location="Baku, Azerbaijan",
    ),
    YearlyDate(
        "mens-day",
        "International Men's Day",
        "A day about men's health, positive role models and relations between the genders. A "
        "natural moment to invite men to become allies.",
        11,
        19,
        "health",
    ),
    YearlyDate(
        "evaw-day",
        "International Day for the Elimination of Violence against Women",
        "A day to say that violence against women is never acceptable, and to point colleagues "
        "to the help that is there.",
        11,
        25,
        "gender-based-violence",
    ),
    YearlyDate(
        "16-days",
        "16 Days of Activism against Gender-Based Violence",
        "Sixteen days of campaigning, from the day against violence towards women to Human "
        "Rights Day. Plan one visible action for each week.",
        11,
        25,
        "gender-based-violence",
        end=(12, 10),
    ),
    YearlyDate(
        "human-rights-day",
        "Human Rights Day",
        "Marks the Universal Declaration of Human Rights. Women's rights are human rights.",
        12,
        10,
        "human-rights",
    ),
    YearlyDate(
        "human-solidarity-day",
        "International Human Solidarity Day",
        "A day for unity across differences, and a fitting end to the allyship year.",
        12,
        20,
        "human-rights",
    ),
]

CALENDAR_TITLE = "Allyship calendar"
CALENDAR_INTRODUCTION = (
    "<p>Dates through the year that give allies a reason to start a conversation, share a "
    "resource or hold an event. Add them to your own calendar with one click.</p>"
)


@dataclass
class CalendarStarterResult(LoadResult):
    """What a load created and what it found already there."""

    topics: list[Topic] = field(default_factory=list)
    dates: list[AwarenessDate] = field(default_factory=list)
    page: CalendarPage | None = None


def _date_values(entry: YearlyDate | OneOffEvent) -> dict:
    if isinstance(entry, YearlyDate):
        end_month, end_day = entry.end or (None, None)
        return {
            "kind": AwarenessDateKind.YEARLY,
            "month": entry.month,
            "day": entry.day,
            "end_month": end_month,
            "end_day": end_day,
        }
    return {
        "kind": AwarenessDateKind.EVENT,
        "starts_on": entry.starts_on,
        "ends_on": entry.ends_on,
        "location": entry.location,
    }


@transaction.atomic
def load_calendar_starter(
    locale: Locale,
    parent: Page | None = None,
    publish: bool = False,
    show_in_menus: bool = False,
) -> CalendarStarterResult:
    """Load the starter topics and calendar dates into ``locale``, and a calendar page.

    The page goes under ``parent`` (none when ``parent`` is ``None``) and stays a draft
    unless ``publish``.
    """
    result = CalendarStarterResult()
    topics = {}
    for order, (key, name, description) in enumerate(TOPICS, start=1):
        topics[key] = load_snippet(
            Topic, f"topic:{key}", locale, result, name=name, description=description, order=order
        )
    result.topics = list(topics.values())
    for entry in DATES:
        result.dates.append(
            load_snippet(
                AwarenessDate,
                f"date:{entry.key}",
                locale,
                result,
                title=entry.title,
                description=entry.description,
                link=entry.link,
                topic=topics[entry.topic],
                **_date_values(entry),
            )
        )
    if parent is None:
        return result
    page = load_page(
        CalendarPage,
        "page:calendar",
        parent,
        publish,
        result,
        title=CALENDAR_TITLE,
        slug=CALENDAR_TITLE,
        introduction=CALENDAR_INTRODUCTION,
        show_in_menus=show_in_menus,
    )
    result.page = page
    return result
