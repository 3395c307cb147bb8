"""Demo content for good-practice stories and the allyship calendar, with French and Arabic.

The calendar comes from the package's starter (topics and the toolkit's dates); this module
adds a good-practice session, a story index with two stories, and the wording of their
translations (the starter brings the calendar's own).
"""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone
from wagtail.models import Page

from wagtail_allyship.models import (
    AwarenessDate,
    AwarenessDateKind,
    GoodPracticeIndexPage,
    GoodPracticeStoryPage,
    GoodPracticeStoryTopic,
    OrganisationUnit,
)
from wagtail_allyship.starter import calendar as starter_calendar

#: Translation keys of the demo objects (fixed, so that a second run finds them).
NAMESPACE = uuid.UUID("6d1c2f4e-3b8a-4f0e-9c55-1e7a0b2d9f31")

SESSION_TITLE = "Good-practice session: mentoring that lasts"
SESSION_DESCRIPTION = (
    "Allies from two forces describe their mentoring circles, then we discuss what made "
    "them last. Bring a question or an example of your own."
)

INDEX_TITLE = "Good-practice stories"
INDEX_INTRO = (
    "What allies across our forces have tried, what worked and what they would do "
    "differently. Send your own story to the national team."
)

STORIES = [
    {
        "key": "northshire-mentoring",
        "title": "Mentoring circles in Northshire",
        "slug": "mentoring-circles-in-northshire",
        "organisation_name": "Northshire Police",
        "unit": "Northshire Police",
        "date": datetime.date(2025, 10, 14),
        "topics": ["mentoring", "education"],
        "summary": (
            "Six allies each took on a small group of female constables preparing for "
            "promotion boards. A year on, most of them have been promoted."
        ),
        "body": [
            (
                "paragraph",
                "<p>The idea came from a sergeant who had sat on promotion boards and noticed "
                "how few women applied. Allies volunteered as mentors; each met a circle of "
                "three or four colleagues once a month, on duty time.</p>",
            ),
            (
                "quote",
                {
                    "text": "Having someone senior say 'you are ready' made me apply.",
                    "attribution": "Constable, Northshire Police",
                },
            ),
            (
                "lessons_learned",
                {
                    "heading": "",
                    "lessons": [
                        "Agree meeting times with line managers before the circles start.",
                        "Let the mentees set the agenda; mentors listen first.",
                        "Pair new mentors with someone who has done it before.",
                    ],
                },
            ),
            (
                "outcome_figures",
                {
                    "heading": "",
                    "figures": [
                        {"value": "6", "label": "mentoring circles"},
                        {"value": "21", "label": "constables mentored"},
                        {"value": "14", "label": "promoted within a year"},
                    ],
                },
            ),
        ],
    },
    {
        "key": "southvale-wellbeing",
        "title": "Talking about men's wellbeing in Southvale",
        "slug": "talking-about-mens-wellbeing-in-southvale",
        "organisation_name": "Southvale Police",
        "unit": "Southvale Police",
        "date": datetime.date(2026, 2, 3),
        "topics": ["health"],
        "summary": (
            "A series of four lunchtime conversations for men about pressure, health and asking "
            "for help, led by an outside facilitator with two allies."
        ),
        "body": [
            (
                "paragraph",
                "<p>Allies in Southvale wanted a space where men could talk about what "
                "expectations of masculinity cost them. They booked an outside facilitator and "
                "kept each conversation to one hour.</p>",
            ),
            (
                "quote",
                {
                    "text": "I had never said any of that out loud at work before.",
                    "attribution": "",
                },
            ),
            (
                "lessons_learned",
                {
                    "heading": "What we learned",
                    "lessons": [
                        "Start with the colleagues who are curious; others follow.",
                        "Keep attendance voluntary and what is said in the room private.",
                    ],
                },
            ),
            (
                "outcome_figures",
                {
                    "heading": "",
                    "figures": [
                        {"value": "4", "label": "conversations"},
                        {"value": "38", "label": "men took part"},
                        {"value": "9", "label": "new allies signed up"},
                    ],
                },
            ),
        ],
    },
]


def demo_key(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def load_stories_and_calendar(home: Page) -> list:
    """Calendar and stories under ``home`` (English); returns what the demo translates itself."""
    calendar = starter_calendar.load_calendar_starter(
        home.locale, parent=home, publish=True, show_in_menus=True
    )
    topics = {
        key: topic
        for (key, _name, _description), topic in zip(
            starter_calendar.TOPICS, calendar.topics, strict=True
        )
    }
    session = AwarenessDate.objects.filter(
        translation_key=demo_key("session"), locale=home.locale
    ).first()
    if session is None:
        session = AwarenessDate(
            translation_key=demo_key("session"),
            locale=home.locale,
            kind=AwarenessDateKind.SESSION,
            title=SESSION_TITLE,
            description=SESSION_DESCRIPTION,
            topic=topics["mentoring"],
            starts_on=timezone.localdate() + datetime.timedelta(days=30),
            start_time=datetime.time(12, 30),
            end_time=datetime.time(13, 30),
            time_zone="Europe/London",
            online_link="https://meet.example.org/allyship-good-practice",
        )
        session.full_clean()
        session.save()
    index = GoodPracticeIndexPage.objects.filter(
        translation_key=demo_key("stories"), locale=home.locale
    ).first()
    if index is None:
        index = home.add_child(
            instance=GoodPracticeIndexPage(
                translation_key=demo_key("stories"),
                title=INDEX_TITLE,
                slug="good-practice-stories",
                introduction=f"<p>{INDEX_INTRO}</p>",
                show_in_menus=True,
            )
        )
        index.save_revision().publish()
    stories = [load_story(index, data, topics) for data in STORIES]
    # The starter translates its own topics, dates and calendar page.
    return [session, index, *stories]


def load_story(index: GoodPracticeIndexPage, data: dict, topics: dict) -> GoodPracticeStoryPage:
    key = demo_key(f"story:{data['key']}")
    story = GoodPracticeStoryPage.objects.filter(translation_key=key, locale=index.locale).first()
    if story is not None:
        return story
    unit = OrganisationUnit.objects.get(name=data["unit"], locale=index.locale)
    story = GoodPracticeStoryPage(
        translation_key=key,
        title=data["title"],
        slug=data["slug"],
        organisation_name=data["organisation_name"],
        unit=unit,
        date=data["date"],
        summary=data["summary"],
        body=data["body"],
    )
    story.topic_links = [
        GoodPracticeStoryTopic(topic=topics[name], sort_order=order, locale=index.locale)
        for order, name in enumerate(data["topics"])
    ]
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


PAGES_FR = {
    "Northshire Police": "Police du Northshire",
    "Southvale Police": "Police du Southvale",
    SESSION_TITLE: "Séance de bonnes pratiques : un mentorat qui dure",
    SESSION_DESCRIPTION: (
        "Des alliés de deux forces présentent leurs cercles de mentorat, puis nous discutons de "
        "ce qui les a fait durer. Venez avec une question ou un exemple."
    ),
    INDEX_TITLE: "Récits de bonnes pratiques",
    INDEX_INTRO: (
        "Ce que des alliés de nos forces ont essayé, ce qui a marché et ce qu'ils feraient "
        "autrement. Envoyez votre propre récit à l'équipe nationale."
    ),
    STORIES[0]["title"]: "Des cercles de mentorat dans le Northshire",
    STORIES[0]["summary"]: (
        "Six alliés ont chacun accompagné un petit groupe d'agentes qui préparaient un jury de "
        "promotion. Un an plus tard, la plupart ont été promues."
    ),
    STORIES[1]["title"]: "Parler du bien-être des hommes dans le Southvale",
    STORIES[1]["summary"]: (
        "Quatre conversations à l'heure du déjeuner, pour les hommes, sur la pression, la santé "
        "et le fait de demander de l'aide, animées par un intervenant extérieur et deux alliés."
    ),
}

PAGES_AR = {
    "Northshire Police": "شرطة نورثشاير",
    "Southvale Police": "شرطة ساوثفيل",
    SESSION_TITLE: "جلسة الممارسات الجيدة: إرشاد يدوم",
    SESSION_DESCRIPTION: (
        "يعرض حلفاء من قوتين تجربتهم في حلقات الإرشاد، ثم نناقش ما جعلها تستمر. أحضر سؤالًا أو "
        "مثالًا من تجربتك."
    ),
    INDEX_TITLE: "قصص الممارسات الجيدة",
    INDEX_INTRO: (
        "ما جرّبه الحلفاء في قواتنا، وما نجح، وما كانوا سيفعلونه بشكل مختلف. أرسل قصتك إلى "
        "الفريق الوطني."
    ),
    STORIES[0]["title"]: "حلقات الإرشاد في نورثشاير",
    STORIES[0]["summary"]: (
        "تولّى ستة حلفاء كلٌّ منهم مجموعة صغيرة من الشرطيات اللواتي يستعددن للجان الترقية. "
        "وبعد عام، نالت معظمهن الترقية."
    ),
    STORIES[1]["title"]: "الحديث عن رفاه الرجال في ساوثفيل",
    STORIES[1]["summary"]: (
        "سلسلة من أربع محادثات في وقت الغداء للرجال حول الضغوط والصحة وطلب المساعدة، بقيادة "
        "ميسّر من خارج المؤسسة وحليفين."
    ),
}

STRINGS = {"fr": PAGES_FR, "ar": PAGES_AR}
