"""Demo content for session sign-up: a full session with a waiting list, and past sessions.

The good-practice session of the demo calendar takes sign-ups: its four places are taken and
two colleagues wait for one (the demo ally among them, second in line). Two sessions held in
the past months have their attendance marked, so that "My allyship" and the organisers' list
show attended sessions; five of the colleagues who attended the second answered its feedback,
enough for the organisers to see the results (the demo ally has not yet, so "My allyship"
offers him the link). Idempotent, like the rest of the demo.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from intranet.demo_stories_calendar import demo_key
from wagtail_allyship.models import (
    AttendanceMode,
    AwarenessDate,
    AwarenessDateKind,
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)
from wagtail_allyship.session_feedback.answers import record

#: Colleagues who sign up in the demo (username, first name, last name).
COLLEAGUES = [
    ("sam.patel", "Sam", "Patel"),
    ("jo.okafor", "Jo", "Okafor"),
    ("ravi.shah", "Ravi", "Shah"),
    ("tom.becker", "Tom", "Becker"),
    ("dan.murphy", "Dan", "Murphy"),
    ("lee.morgan", "Lee", "Morgan"),
]

PAST_SESSIONS = [
    # key, title, description, days ago, attended (by colleague index)
    (
        "past-session-listening",
        "Drop-in: listening when a colleague speaks up",
        "An hour on what to say, and what not to say, when a colleague tells you about "
        "sexism at work. Two colleagues shared what helped them.",
        40,
        (0, 1, 3),
    ),
    (
        "past-session-meetings",
        "Explores: who gets heard in meetings",
        "A colleague from the women's network spoke about being talked over, and the group "
        "tried three simple habits for chairing meetings fairly.",
        75,
        (0, 1, 2, 4, 5),
    ),
]

#: What the colleagues who attended the second session answered (useful, change, better).
FEEDBACK = [
    (5, "yes", "More time to practise chairing in pairs."),
    (4, "yes", "A handout with the three habits to keep on the desk."),
    (4, "maybe", ""),
    (3, "maybe", "Invite the team leaders who chair most meetings."),
    (5, "yes", "Run it again for the night shift."),
]


#: A coming session with one place and nobody signed up yet, in three languages: the browser
#: journey signs up, cancels and watches the next in line move up, and leaves it empty again.
SMALL_SESSION = {
    "en": "Lunch and learn: allyship in small teams",
    "fr": "Midi-échange : l’alliance dans les petites équipes",
    "ar": "غداء وتعلّم: المناصرة في الفرق الصغيرة",
}
SMALL_DESCRIPTION = {
    "en": "Half an hour over lunch on speaking up in a team of five.",
    "fr": "Une demi-heure au déjeuner pour prendre la parole dans une équipe de cinq.",
    "ar": "نصف ساعة وقت الغداء عن رفع الصوت في فريق من خمسة أشخاص.",
}


def load_small_session() -> SessionSignup:
    locale = Locale.get_default()
    entry = AwarenessDate.objects.filter(
        translation_key=demo_key("session-small"), locale=locale
    ).first()
    if entry is None:
        entry = AwarenessDate(
            translation_key=demo_key("session-small"),
            locale=locale,
            kind=AwarenessDateKind.SESSION,
            title=SMALL_SESSION["en"],
            description=SMALL_DESCRIPTION["en"],
            starts_on=timezone.localdate() + datetime.timedelta(days=45),
            start_time=datetime.time(12, 30),
            end_time=datetime.time(13, 0),
            time_zone="Europe/London",
            online_link="https://meet.example.org/allyship-lunch",
        )
        entry.save()
    for code, title in SMALL_SESSION.items():
        other = Locale.objects.filter(language_code=code).first()
        if (
            other is None
            or AwarenessDate.objects.filter(
                translation_key=entry.translation_key, locale=other
            ).exists()
        ):
            continue
        copy = entry.copy_for_translation(other)
        copy.title = title
        copy.description = SMALL_DESCRIPTION[code]
        copy.save()
    signup, _created = SessionSignup.objects.get_or_create(
        entry=entry, defaults={"places": 1, "mode": AttendanceMode.ONLINE}
    )
    return signup


def colleagues() -> list:
    User = get_user_model()
    people = []
    for username, first, last in COLLEAGUES:
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        people.append(user)
    return people


def give_permissions() -> None:
    """Editors set up sign-ups; coordinators also see who signed up (they read the registry)."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtail_allyship", content_type__model="sessionsignup"
    )
    for name in ("Editors", "Coordinators"):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def register(signup, user, status, when, attended=None) -> None:
    SessionRegistration.objects.get_or_create(
        signup=signup,
        user=user,
        defaults={"status": status, "queued_at": when, "attended": attended},
    )


def load_full_session(people, ally) -> SessionSignup | None:
    entry = AwarenessDate.objects.filter(
        translation_key=demo_key("session"), locale=Locale.get_default()
    ).first()
    if entry is None:
        return None
    signup, _created = SessionSignup.objects.get_or_create(
        entry=entry, defaults={"places": 4, "mode": AttendanceMode.ONLINE}
    )
    start = timezone.now() - datetime.timedelta(days=3)
    for number, user in enumerate(people[:4]):
        register(signup, user, SignupStatus.PLACE, start + datetime.timedelta(hours=number))
    register(signup, people[4], SignupStatus.WAITING, start + datetime.timedelta(days=1))
    if ally is not None:
        register(signup, ally, SignupStatus.WAITING, start + datetime.timedelta(days=2))
    return signup


def load_feedback(signup, people, attended) -> None:
    """The answers of the colleagues who attended, each kept once (anonymously)."""
    for user, (useful, change, better) in zip(
        [people[number] for number in attended], FEEDBACK, strict=False
    ):
        record(signup, user, {"useful": useful, "change": change, "better": better})


def load_past_session(key, title, description, days_ago, attended, people, ally):
    locale = Locale.get_default()
    entry = AwarenessDate.objects.filter(translation_key=demo_key(key), locale=locale).first()
    if entry is None:
        entry = AwarenessDate(
            translation_key=demo_key(key),
            locale=locale,
            kind=AwarenessDateKind.SESSION,
            title=title,
            description=description,
            starts_on=timezone.localdate() - datetime.timedelta(days=days_ago),
            start_time=datetime.time(12, 30),
            end_time=datetime.time(13, 30),
            time_zone="Europe/London",
            location="Training room 2, Head office",
            online_link="https://meet.example.org/allyship-drop-in",
        )
        entry.save()
    signup, _created = SessionSignup.objects.get_or_create(
        entry=entry, defaults={"places": 12, "mode": AttendanceMode.BOTH}
    )
    signed_up = timezone.now() - datetime.timedelta(days=days_ago + 7)
    for number, user in enumerate(people):
        register(signup, user, SignupStatus.PLACE, signed_up, attended=number in attended)
    if ally is not None:
        register(signup, ally, SignupStatus.PLACE, signed_up, attended=True)
    return signup


def load_sessions() -> None:
    """Sign-ups, a waiting list and attendance for the demo calendar (idempotent)."""
    give_permissions()
    people = colleagues()
    ally = get_user_model().objects.filter(username="ally").first()
    load_full_session(people, ally)
    load_small_session()
    for key, title, description, days_ago, attended in PAST_SESSIONS:
        signup = load_past_session(key, title, description, days_ago, attended, people, ally)
    load_feedback(signup, people, PAST_SESSIONS[-1][4])
