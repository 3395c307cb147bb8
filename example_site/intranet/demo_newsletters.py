"""Demo content for programme updates: two issues in English, French and Arabic, already sent.

Each update is a page under the home page, translated through wagtail-localize, with a send
to all allies and the delivery log a real send leaves: who got it, in which language, and one
failed email so that the progress table shows every state. Nothing is emailed: the logs are
written as they would be after the workers had done their work. Idempotent.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from intranet.demo_stories_calendar import demo_key
from wagtail_allyship.models import (
    AllyRegistration,
    AudienceKind,
    GoodPracticeStoryPage,
    NewsletterDelivery,
    NewsletterSend,
    ProgrammeUpdatePage,
)
from wagtail_allyship.newsletters.audience import choose_language
from wagtail_allyship.translations.translate import translate

UPDATES = [
    {
        "key": "update-spring",
        "slug": "programme-update-spring",
        "title": "Programme update: spring",
        "intro": "Sixty allies across both forces, and our first sessions on fair meetings.",
        "text": (
            "Since January, sixty colleagues have signed up as allies, and most have made a "
            "pledge. Thank you to everyone who asked a colleague how they could help."
        ),
        "days_ago": 60,
    },
    {
        "key": "update-summer",
        "slug": "programme-update-summer",
        "title": "Programme update: summer",
        "intro": "Halfway through the year: what allies have done, and what comes next.",
        "text": (
            "Half of this year's commitments are already done. The next session looks at "
            "how we share out the work nobody asks for."
        ),
        "days_ago": 12,
    },
]

STRINGS = {
    "fr": {
        "Programme update: spring": "Les nouvelles du programme : printemps",
        "Sixty allies across both forces, and our first sessions on fair meetings.": (
            "Soixante alliés dans les deux services, et nos premières séances sur des "
            "réunions plus équitables."
        ),
        UPDATES[0]["text"]: (
            "Depuis janvier, soixante collègues se sont inscrits comme alliés, et la plupart "
            "ont pris un engagement. Merci à toutes celles et ceux qui ont demandé à une "
            "collègue comment l'aider."
        ),
        "Programme update: summer": "Les nouvelles du programme : été",
        "Halfway through the year: what allies have done, and what comes next.": (
            "À mi-parcours : ce que les alliés ont accompli, et la suite."
        ),
        UPDATES[1]["text"]: (
            "La moitié des engagements de l'année sont déjà tenus. La prochaine séance porte "
            "sur le partage des tâches que personne ne demande."
        ),
    },
    "ar": {
        "Programme update: spring": "أخبار البرنامج: الربيع",
        "Sixty allies across both forces, and our first sessions on fair meetings.": (
            "ستون حليفًا في الجهازين، وأولى جلساتنا حول اجتماعات أكثر إنصافًا."
        ),
        UPDATES[0]["text"]: (
            "منذ يناير، انضم ستون زميلًا حلفاءً، وقدّم معظمهم تعهدًا. شكرًا لكل من سأل "
            "زميلته كيف يمكنه المساعدة."
        ),
        "Programme update: summer": "أخبار البرنامج: الصيف",
        "Halfway through the year: what allies have done, and what comes next.": (
            "في منتصف العام: ما أنجزه الحلفاء، وما الذي ينتظرنا."
        ),
        UPDATES[1]["text"]: (
            "أُنجز نصف تعهدات هذا العام بالفعل. تتناول الجلسة القادمة توزيع الأعمال التي "
            "لا يطلبها أحد."
        ),
    },
}


def load_update(home: Page, spec: dict) -> ProgrammeUpdatePage:
    page = ProgrammeUpdatePage.objects.filter(translation_key=demo_key(spec["key"])).first()
    if page is not None:
        return page
    featured = [
        ("page", story)
        for story in GoodPracticeStoryPage.objects.live().filter(locale=home.locale)[:2]
    ]
    page = home.add_child(
        instance=ProgrammeUpdatePage(
            title=spec["title"],
            slug=spec["slug"],
            translation_key=demo_key(spec["key"]),
            intro=spec["intro"],
            body=[("paragraph", f"<p>{spec['text']}</p>")],
            featured=featured,
        )
    )
    page.save_revision().publish()
    page.first_published_at = timezone.now() - datetime.timedelta(days=spec["days_ago"])
    page.save(update_fields=["first_published_at"])
    for code, strings in STRINGS.items():
        translate(page, Locale.objects.get(language_code=code), strings)
    return page


def load_log(page: ProgrammeUpdatePage, spec: dict) -> None:
    """The send to all allies and one delivery per ally, as the workers would have left them."""
    if NewsletterSend.objects.filter(translation_key=page.translation_key).exists():
        return
    when = timezone.now() - datetime.timedelta(days=spec["days_ago"])
    send = NewsletterSend.objects.create(
        translation_key=page.translation_key,
        page=page,
        audience=AudienceKind.ALL_ALLIES,
        status="sending",
        send_at=when,
        created_at=when,
    )
    available = ["en", "fr", "ar"]
    registrations = AllyRegistration.objects.select_related(
        "user__wagtail_userprofile", "unit__locale"
    ).order_by("pk")
    rows = []
    for number, registration in enumerate(registrations):
        user = registration.user
        if not user.email:
            send.skipped_without_email += 1
            continue
        language, _first = choose_language(user, available)
        rows.append(
            NewsletterDelivery(
                kind="newsletter",
                send=send,
                user=user,
                language=language,
                status="sent",
                attempts=1,
                sent_at=when + datetime.timedelta(seconds=number),
                created_at=when,
            )
        )
    if len(rows) > 1:  # one mailbox refused every attempt
        last = rows[-1]
        last.status, last.attempts, last.sent_at = "failed", 5, None
        last.last_error = "SMTPRecipientsRefused: 550 mailbox unavailable"
    NewsletterDelivery.objects.bulk_create(rows)
    send.save(update_fields=["skipped_without_email"])


def load_newsletters(home: Page) -> list[ProgrammeUpdatePage]:
    pages = []
    for spec in UPDATES:
        page = load_update(home, spec)
        load_log(page, spec)
        pages.append(page)
    return pages
