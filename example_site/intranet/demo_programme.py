"""Demo content for a programme in its third year: 300 allies, their pledges and progress.

Allies join across the nine forces over three programme years (the current one and the two
before it). Most make a pledge in the year they join; most of those still in the programme
renew it the next year, carrying an unfinished commitment over; some leave, a few pause.
Each commitment has a status that fits its deadline, and progress notes where work was done.

Everything comes from one seeded random generator, so two loads of the demo hold the same
people and the same figures (only the dates move with today's date). Rows are written with
``bulk_create`` in a handful of queries, which keeps ``allyship_demo`` fast. A second run
finds the first generated ally and changes nothing.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from wagtail.models import Locale

from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CommitmentUpdate,
    OrganisationUnit,
    Pledge,
    RegistrationStatus,
    UnitKind,
    Visibility,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports.figures import year_range

#: How many allies the demo generates, and the seed that makes them the same on every load.
ALLY_COUNT = 300
SEED = 2026
#: Share of the allies who joined in each of the three years, oldest first.
JOINED_SHARE = (0.36, 0.34, 0.30)
USERNAME = "demo-ally-{:03d}"

FIRST_NAMES = [
    "Adam", "Ahmed", "Aiden", "Andre", "Arjun", "Ben", "Callum", "Carlos", "Chidi", "Dan",
    "Darius", "Elias", "Emeka", "Felix", "Finn", "Gareth", "Hamza", "Ian", "Ibrahim", "Jack",
    "Jamal", "Jonas", "Kai", "Karim", "Kwame", "Liam", "Lucas", "Malik", "Marco", "Mateo",
    "Nathan", "Nikhil", "Olu", "Omar", "Owen", "Pavel", "Rhys", "Rory", "Sanjay", "Tariq",
    "Theo", "Tomasz", "Victor", "Wei", "Yusuf", "Zane",
]  # fmt: skip
LAST_NAMES = [
    "Adeyemi", "Ahmed", "Bailey", "Brennan", "Campbell", "Chen", "Costa", "Davies", "Dubois",
    "Edwards", "Evans", "Fraser", "Gill", "Green", "Haddad", "Hall", "Hughes", "Iqbal", "Jones",
    "Kaur", "Kelly", "Khan", "Kowalski", "Lewis", "Mahmoud", "Martin", "Morgan", "Murphy",
    "Nowak", "Okoro", "Owusu", "Patel", "Price", "Quinn", "Reid", "Roberts", "Rossi", "Singh",
    "Smith", "Taylor", "Thomas", "Walsh", "Watson", "Williams", "Wright", "Young",
]  # fmt: skip
ROLES = [
    "Police constable", "Sergeant", "Inspector", "Chief inspector", "Detective constable",
    "Detective sergeant", "Superintendent", "Call handler", "HR business partner",
    "Custody officer", "Firearms officer", "Training officer", "Analyst", "Dog handler",
]  # fmt: skip

#: (kind, text, KPI, what, how, who, by when): what allies in the demo commit to.
COMMITMENTS = [
    (
        CommitmentKind.PERSONAL,
        "Mentor a woman colleague who is preparing for promotion.",
        "One meeting a month for six months",
        "Find a mentee through the women's network",
        "Monthly conversations on duty time",
        "My mentee and the network lead",
        "Mentee found within a month",
    ),
    (
        CommitmentKind.PERSONAL,
        "Step in when a colleague is talked over in a meeting.",
        "Feedback from two colleagues twice a year",
        "Notice who is interrupted and hand the floor back",
        "Say that I would like to hear the end of the point",
        "My team",
        "From the next team meeting",
    ),
    (
        CommitmentKind.ORGANISATIONAL,
        "Make sure every promotion panel I sit on has a woman member.",
        "Share of my panels with a woman member, each quarter",
        "Check the make-up of each panel I am invited to",
        "Raise it with the chair before the date is set",
        "Panel chairs and HR",
        "From the next panel",
    ),
    (
        CommitmentKind.ORGANISATIONAL,
        "Trial flexible shift patterns for parents back from leave.",
        "Requests answered within four weeks",
        "Draft a rota with two flexible patterns",
        "Three-month trial, then a review with the team",
        "Sergeants and the rota office",
        "Trial starts next quarter",
    ),
    (
        CommitmentKind.PERSONAL,
        "Read the force's gender pay gap report and discuss it with my team.",
        "One team discussion held",
        "Read the report",
        "A half-hour slot in a team meeting",
        "My team",
        "Before the summer",
    ),
    (
        CommitmentKind.PERSONAL,
        "Share one story a month from women in the force on the team channel.",
        "Twelve stories posted",
        "Collect stories from colleagues who want to share",
        "A short post, with their permission",
        "Colleagues and the communications team",
        "First post this month",
    ),
    (
        CommitmentKind.ORGANISATIONAL,
        "Get a private room for breastfeeding and menopause breaks at my station.",
        "Room in use, with a booking sheet",
        "Find a room and agree it with estates",
        "Ask the station commander and the staff association",
        "Estates and the station commander",
        "Room open by the autumn",
    ),
    (
        CommitmentKind.PERSONAL,
        "Attend two sessions of the allyship learning programme.",
        "Two sessions attended, one thing tried after each",
        "Book the sessions",
        "Protect the time in my diary",
        "My line manager",
        "Within the first half of the year",
    ),
    (
        CommitmentKind.ORGANISATIONAL,
        "Review the wording of our job adverts with the recruitment team.",
        "Every advert for my unit reviewed",
        "Collect the adverts of the last year",
        "Use the gender decoder and the style guide",
        "Recruitment team",
        "Before the next recruitment round",
    ),
    (
        CommitmentKind.PERSONAL,
        "Take my full parental leave and talk about it openly.",
        "Leave taken, one talk given to my team",
        "Plan the leave with my inspector",
        "Share how it went at a team briefing",
        "My inspector and my team",
        "Before the baby is due",
    ),
    (
        CommitmentKind.ORGANISATIONAL,
        "Give every new starter on my team a named buddy for their first three months.",
        "Buddies named for all starters",
        "Ask for volunteers",
        "A short guide for buddies",
        "My sergeants",
        "From the next intake",
    ),
    (
        CommitmentKind.PERSONAL,
        "Call out sexist jokes in the group chat, kindly and at once.",
        "Times I stepped in, noted each month",
        "Agree with two colleagues to back each other up",
        "A short, calm message in the chat",
        "My shift",
        "From today",
    ),
]

PROGRESS_NOTES = [
    "Made a start; first meeting held.",
    "Halfway there; a colleague joined in.",
    "Slower than planned because of shift changes.",
    "Raised it with my inspector, who agreed to help.",
    "Done and written up for the team.",
    "Shared what I learned at the monthly briefing.",
]


@dataclass
class Programme:
    """The rows the generator builds before they are written, with their links by index."""

    users: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    #: (ally index, pledge, index of the pledge renewed, or None)
    pledges: list = field(default_factory=list)
    #: (pledge index, commitment, index of the commitment carried over, or None)
    commitments: list = field(default_factory=list)
    #: (commitment index, update)
    updates: list = field(default_factory=list)


def forces() -> list[OrganisationUnit]:
    return list(
        OrganisationUnit.objects.filter(locale=Locale.get_default(), kind=UnitKind.FORCE).order_by(
            "name"
        )
    )


def random_day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def pick_status(rng: random.Random, deadline: datetime.date, today: datetime.date) -> str:
    """A status that fits the deadline: most past commitments are done, a few slipped."""
    weights = (10, 12, 66, 12) if deadline < today else (40, 40, 15, 5)
    return rng.choices(
        [
            CommitmentStatus.NOT_STARTED,
            CommitmentStatus.IN_PROGRESS,
            CommitmentStatus.DONE,
            CommitmentStatus.DROPPED,
        ],
        weights,
    )[0]


class Generator:
    """Builds the three years of the programme in memory, from one seeded generator."""

    def __init__(self, units: list[OrganisationUnit], today: datetime.date) -> None:
        self.rng = random.Random(SEED)
        self.units = units
        self.today = today
        self.year = current_programme_year(today)
        self.years = [self.year - 2, self.year - 1, self.year]
        self.data = Programme()
        self.unusable = make_password(None)

    def build(self) -> Programme:
        for number in range(1, ALLY_COUNT + 1):
            self.add_ally(number)
        return self.data

    def add_ally(self, number: int) -> None:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        joined_year = rng.choices(self.years, JOINED_SHARE)[0]
        start, end = year_range(joined_year)
        joined = random_day(rng, start, min(end, self.today))
        status, left_on = self.fate(joined)
        username = USERNAME.format(number)
        ally = len(self.data.users)
        self.data.users.append(
            get_user_model()(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
                password=self.unusable,
            )
        )
        self.data.registrations.append(
            AllyRegistration(
                unit=rng.choice(self.units),
                role=rng.choice(ROLES),
                joined_on=joined,
                status=status,
                left_on=left_on,
                consent_to_contact=rng.random() < 0.8,
                reminders_on=rng.random() < 0.85,
            )
        )
        self.add_pledges(ally, joined, left_on)

    def fate(self, joined: datetime.date) -> tuple[str, datetime.date | None]:
        """One ally in ten has left the programme (some time after joining); a few paused."""
        roll = self.rng.random()
        if roll < 0.1 and (self.today - joined).days > 60:
            return RegistrationStatus.LEFT, random_day(
                self.rng, joined + datetime.timedelta(days=60), self.today
            )
        if roll < 0.14:
            return RegistrationStatus.PAUSED, None
        return RegistrationStatus.ACTIVE, None

    def add_pledges(self, ally: int, joined: datetime.date, left_on: datetime.date | None) -> None:
        """A pledge the year he joined (nine in ten), renewed three times in four after that."""
        previous = None
        for year in self.years:
            start, end = year_range(year)
            if end < joined or (left_on and left_on < start):
                continue
            chance = 0.9 if previous is None else 0.75
            if self.rng.random() >= chance:
                previous = None
                continue
            made = random_day(self.rng, max(start, joined), min(end, self.today, left_on or end))
            previous = self.add_pledge(ally, year, made, previous)

    def add_pledge(self, ally: int, year: int, made: datetime.date, renewed: int | None) -> int:
        published = self.rng.random() < 0.55
        index = len(self.data.pledges)
        pledge = Pledge(
            programme_year=year,
            visibility=Visibility.PUBLISHED if published else Visibility.PRIVATE,
            published_consent_at=at_noon(made) if published else None,
            created_at=at_noon(made),
        )
        self.data.pledges.append((ally, pledge, renewed))
        carried = self.carried_over(renewed)
        count = self.rng.choice((1, 2, 2, 3, 3, 3))
        texts = self.rng.sample(range(len(COMMITMENTS)), count)
        for position, text in enumerate(texts, start=1):
            from_index = carried if position == 1 else None
            self.add_commitment(index, position, COMMITMENTS[text], made, from_index)
        return index

    def carried_over(self, renewed: int | None) -> int | None:
        """The first unfinished commitment of the pledge renewed, if any, carries over."""
        if renewed is None:
            return None
        for index, (pledge_index, commitment, _from) in enumerate(self.data.commitments):
            if pledge_index == renewed and commitment.status in (
                CommitmentStatus.NOT_STARTED,
                CommitmentStatus.IN_PROGRESS,
            ):
                return index
        return None

    def add_commitment(
        self, pledge: int, position: int, row: tuple, made: datetime.date, carried: int | None
    ) -> None:
        kind, text, kpi, what, how, who, when = row
        if carried is not None:
            text = self.data.commitments[carried][1].text
        deadline = made + datetime.timedelta(days=self.rng.randint(60, 330))
        status = pick_status(self.rng, deadline, self.today)
        index = len(self.data.commitments)
        self.data.commitments.append(
            (
                pledge,
                Commitment(
                    position=position,
                    kind=kind,
                    text=text,
                    kpi=kpi,
                    kpi_private=self.rng.random() < 0.2,
                    deadline=deadline,
                    plan_what=what,
                    plan_how=how,
                    plan_who=who,
                    plan_when=when,
                    status=status,
                ),
                carried,
            )
        )
        self.add_updates(index, status, made, min(deadline, self.today))

    def add_updates(
        self, commitment: int, status: str, made: datetime.date, last: datetime.date
    ) -> None:
        """Progress notes: one for work under way, two for work done, none otherwise."""
        steps = {CommitmentStatus.IN_PROGRESS: 1, CommitmentStatus.DONE: 2}.get(status, 0)
        for step in range(steps):
            final = step == steps - 1
            day = random_day(self.rng, made, last) if not final else last
            note_status = status if final else CommitmentStatus.IN_PROGRESS
            self.data.updates.append(
                (
                    commitment,
                    CommitmentUpdate(
                        status=note_status,
                        note=self.rng.choice(PROGRESS_NOTES),
                        date=day,
                        created_at=at_noon(day),
                    ),
                )
            )


def save(data: Programme, step: Callable[[str], None]) -> None:
    """Write the rows, linking each to what the rows before it were given as keys."""
    User = get_user_model()
    User.objects.bulk_create(data.users, batch_size=500)
    users = dict(
        User.objects.filter(username__in=[user.username for user in data.users]).values_list(
            "username", "pk"
        )
    )
    step("allies")
    for user, registration in zip(data.users, data.registrations, strict=True):
        registration.user_id = users[user.username]
    AllyRegistration.objects.bulk_create(data.registrations, batch_size=500)
    step("registrations")
    pledge_keys = save_pledges(data, users)
    step("pledges")
    commitment_keys = save_commitments(data, pledge_keys)
    step("commitments")
    for commitment, update in data.updates:
        update.commitment_id = commitment_keys[commitment]
    CommitmentUpdate.objects.bulk_create([update for _c, update in data.updates], batch_size=500)
    step("progress notes")


def save_pledges(data: Programme, users: dict[str, int]) -> list[int]:
    """Pledges year by year, so that a renewal can point at the pledge it renews."""
    keys: list[int | None] = [None] * len(data.pledges)
    for year in sorted({pledge.programme_year for _a, pledge, _r in data.pledges}):
        batch = [
            (index, ally, pledge, renewed)
            for index, (ally, pledge, renewed) in enumerate(data.pledges)
            if pledge.programme_year == year
        ]
        for _index, ally, pledge, renewed in batch:
            pledge.user_id = users[data.users[ally].username]
            pledge.renewed_from_id = keys[renewed] if renewed is not None else None
        Pledge.objects.bulk_create([pledge for _i, _a, pledge, _r in batch], batch_size=500)
        saved = dict(Pledge.objects.filter(programme_year=year).values_list("user_id", "pk"))
        for index, _ally, pledge, _renewed in batch:
            keys[index] = saved[pledge.user_id]
    return keys


def save_commitments(data: Programme, pledge_keys: list[int]) -> list[int]:
    """Commitments, those carried over after the ones they continue."""
    for pledge, commitment, _carried in data.commitments:
        commitment.pledge_id = pledge_keys[pledge]
    first = [row for row in data.commitments if row[2] is None]
    Commitment.objects.bulk_create([commitment for _p, commitment, _c in first], batch_size=500)
    keys = commitment_keys(data)
    for _pledge, commitment, carried in data.commitments:
        if carried is not None:
            commitment.carried_over_from_id = keys[carried]
    rest = [commitment for _p, commitment, carried in data.commitments if carried is not None]
    Commitment.objects.bulk_create(rest, batch_size=500)
    return commitment_keys(data)


def commitment_keys(data: Programme) -> list[int | None]:
    saved = {
        (pledge, position): pk
        for pk, pledge, position in Commitment.objects.filter(
            pledge_id__in={commitment.pledge_id for _p, commitment, _c in data.commitments}
        ).values_list("pk", "pledge_id", "position")
    }
    return [saved.get((c.pledge_id, c.position)) for _p, c, _c in data.commitments]


def load_programme(step: Callable[[str], None] = lambda _name: None) -> int:
    """Generate the allies and their pledges once; returns how many allies were added."""
    if get_user_model().objects.filter(username=USERNAME.format(1)).exists():
        return 0
    data = Generator(forces(), timezone.localdate()).build()
    save(data, step)
    return len(data.users)
