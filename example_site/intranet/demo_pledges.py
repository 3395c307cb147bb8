"""Demo content for pledges: the three pages, the demo ally's pledge and two more allies.

The ``ally`` user is registered in Northshire Police with a published pledge of three
commitments and some progress; Morgan (published) and Dev (private) are two more allies who
cannot log in. The Coordinators group gets the registry permissions. Everything is created
once: a second run finds it and changes nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Page

from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CommitmentUpdate,
    MyAllyshipPage,
    OrganisationUnit,
    Pledge,
    PledgePage,
    PledgeWallPage,
    Visibility,
)
from wagtail_allyship.pledges.models import current_programme_year

PLEDGE_INTRO = (
    "A pledge is one to three things you will do this year for gender equality at work, "
    "each with a way to measure it and a date. Keep it private or share it with colleagues."
)
SIGN_UP_INTRO = (
    "Anyone in the force can be an ally, whatever their rank. Tell us where you work so that "
    "your local coordinator can keep you posted."
)
PRIVACY_NOTICE = (
    "Your registration and your pledge are seen by you and the programme coordinators. "
    "Colleagues see your pledge only if you publish it. You can download or delete it on "
    "My allyship at any time."
)
WALL_INTRO = (
    "What colleagues across the forces have pledged this year. Add yours, and ask them how "
    "they are getting on."
)
MINE_INTRO = "Your registration, your pledges and their progress, in one place."

#: (page class, title, slug, fields)
PAGES = [
    (
        PledgePage,
        "Make your pledge",
        "pledge",
        {
            "introduction": f"<p>{PLEDGE_INTRO}</p>",
            "sign_up_introduction": f"<p>{SIGN_UP_INTRO}</p>",
            "privacy_notice": f"<p>{PRIVACY_NOTICE}</p>",
        },
    ),
    (PledgeWallPage, "Pledge wall", "pledge-wall", {"introduction": f"<p>{WALL_INTRO}</p>"}),
    (MyAllyshipPage, "My allyship", "my-allyship", {"introduction": f"<p>{MINE_INTRO}</p>"}),
]

#: (username, name, unit, role, visibility, commitments). A commitment is (kind, text, KPI,
#: KPI private, days to its deadline, what, how, who, by when, status, progress notes).
ALLIES = [
    (
        "ally",
        ("Alex", "Ally"),
        "Northshire Police",
        "Police constable",
        Visibility.PUBLISHED,
        [
            (
                CommitmentKind.PERSONAL,
                "Mentor two women constables who are preparing for the sergeant's exam.",
                "Two mentees, one meeting a month with each",
                False,
                150,
                "Ask the network lead for two mentees and agree their goals",
                "Monthly meetings on duty time, with a short note after each",
                "My mentees, the network lead and my inspector",
                "Both mentees found by the end of next month",
                CommitmentStatus.IN_PROGRESS,
                ["Found my first mentee through the network; we met for an hour."],
            ),
            (
                CommitmentKind.ORGANISATIONAL,
                "Ask for a woman on every promotion panel I sit on.",
                "Share of my panels with a woman member, counted each quarter",
                False,
                240,
                "Check the make-up of each panel when I am invited",
                "Raise it with the panel chair before the date is fixed",
                "Panel chairs and HR",
                "From the next panel onwards",
                CommitmentStatus.NOT_STARTED,
                [],
            ),
            (
                CommitmentKind.PERSONAL,
                "Step in when a colleague is talked over in a meeting.",
                "How often I step in, plus feedback from two colleagues twice a year",
                True,
                300,
                "Notice who gets interrupted and hand the floor back",
                "Say 'I would like to hear the end of that point'",
                "My team",
                "Ask for feedback in six months",
                CommitmentStatus.NOT_STARTED,
                [],
            ),
        ],
    ),
    (
        "morgan",
        ("Morgan", "Reid"),
        "Southvale Police",
        "Inspector",
        Visibility.PUBLISHED,
        [
            (
                CommitmentKind.ORGANISATIONAL,
                "Set up flexible shift patterns for parents returning from leave in my team.",
                "Requests agreed within four weeks",
                False,
                200,
                "Draft a rota with two flexible patterns",
                "Trial it for three months, then review with the team",
                "My sergeants and the rota office",
                "Trial starts next quarter",
                CommitmentStatus.IN_PROGRESS,
                ["The rota office agreed to a trial."],
            ),
            (
                CommitmentKind.PERSONAL,
                "Share one story a month from women in the force on my team channel.",
                "Twelve stories posted",
                False,
                330,
                "Collect stories from colleagues who want to share",
                "A short post with their permission",
                "Colleagues and the communications team",
                "First post this month",
                CommitmentStatus.NOT_STARTED,
                [],
            ),
        ],
    ),
    (
        "dev",
        ("Dev", "Patel"),
        "Northshire Police",
        "Detective sergeant",
        Visibility.PRIVATE,
        [
            (
                CommitmentKind.PERSONAL,
                "Read the force's gender pay gap report and discuss it with my team.",
                "One team discussion held",
                False,
                90,
                "Read the report",
                "A half-hour slot in a team meeting",
                "My team",
                "Before the summer",
                CommitmentStatus.NOT_STARTED,
                [],
            ),
        ],
    ),
]

STRINGS = {
    "fr": {
        "Make your pledge": "Prendre un engagement",
        "Pledge wall": "Mur des engagements",
        "My allyship": "Mon engagement d'allié",
        PLEDGE_INTRO: (
            "Un engagement, c'est une à trois actions que vous mènerez cette année pour "
            "l'égalité au travail, chacune avec sa mesure et sa date. Gardez-le pour vous ou "
            "partagez-le avec vos collègues."
        ),
        WALL_INTRO: (
            "Ce que les collègues des différentes polices ont promis cette année. Ajoutez le "
            "vôtre, et demandez-leur où ils en sont."
        ),
        MINE_INTRO: "Votre inscription, vos engagements et leur avancement, au même endroit.",
    },
    "ar": {
        "Make your pledge": "قدّم تعهّدك",
        "Pledge wall": "جدار التعهّدات",
        "My allyship": "مشاركتي كحليف",
        WALL_INTRO: (
            "ما تعهّد به الزملاء هذا العام في مختلف أجهزة الشرطة. أضف تعهّدك واسألهم عن تقدّمهم."
        ),
        MINE_INTRO: "تسجيلك وتعهّداتك ومدى تقدّمها، في مكان واحد.",
    },
}


def load_pages(home: Page) -> list[Page]:
    pages = []
    for model, title, slug, fields in PAGES:
        page = model.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(
                instance=model(title=title, slug=slug, show_in_menus=True, **fields)
            )
            page.save_revision().publish()
        pages.append(page)
    return pages


def grant_registry_permissions() -> None:
    """Coordinators may see and edit the ally registry (that makes them coordinators)."""
    group, _created = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtail_allyship",
            codename__in=["view_allyregistration", "change_allyregistration"],
        )
    )


def load_allies() -> None:
    User = get_user_model()
    today = timezone.localdate()
    year = current_programme_year(today)
    for username, (first, last), unit_name, role, visibility, commitments in ALLIES:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username, first_name=first, last_name=last, email=f"{username}@example.org"
            )
            user.set_unusable_password()
            user.save()
        unit = OrganisationUnit.objects.get(name=unit_name, locale__language_code="en")
        AllyRegistration.objects.get_or_create(
            user=user,
            defaults={"unit": unit, "role": role, "consent_to_contact": True},
        )
        pledge, created = Pledge.objects.get_or_create(
            user=user,
            programme_year=year,
            defaults={
                "visibility": visibility,
                "published_consent_at": timezone.now()
                if visibility == Visibility.PUBLISHED
                else None,
            },
        )
        if not created:
            continue
        for position, row in enumerate(commitments, start=1):
            kind, text, kpi, kpi_private, days, what, how, who, when, status, notes = row
            commitment = Commitment.objects.create(
                pledge=pledge,
                position=position,
                kind=kind,
                text=text,
                kpi=kpi,
                kpi_private=kpi_private,
                deadline=today + datetime.timedelta(days=days),
                plan_what=what,
                plan_how=how,
                plan_who=who,
                plan_when=when,
                status=status,
            )
            for note in notes:
                CommitmentUpdate.objects.create(
                    commitment=commitment, status=status, note=note, date=today
                )


def load_pledges(home: Page) -> list[Page]:
    """The pledge pages under ``home``, the demo allies and their pledges; returns the pages."""
    pages = load_pages(home)
    grant_registry_permissions()
    load_allies()
    return pages
