"""Demo content for feedback: requests of the demo ally in every state, and one to him.

Four colleagues who cannot log in (Sam, Priya, Jo, Dana) were asked by Alex Ally: Sam answered
and both agreed to show it on the pledge wall; Priya answered and agreed, and Alex has not
decided yet; Jo declined; Dana has not answered. Alex also made a private link that nobody has
used and one that expired. Morgan asked Alex for feedback (Alex sees it under "Asked of you")
and Priya reported Morgan's request to her as unwanted (the coordinators' panel counts it).
Everything is created once: a second run finds it and changes nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail_allyship.feedback.models import FeedbackRequest, FeedbackState, new_token
from wagtail_allyship.pledges.models import Commitment, current_programme_year

COLLEAGUES = [
    ("sam", ("Sam", "Okafor")),
    ("priya", ("Priya", "Nair")),
    ("jo", ("Jo", "Walsh")),
    ("dana", ("Dana", "Price")),
]

SAM_SAYS = (
    "When my case review was about to be presented by someone else, Alex made sure I "
    "presented it myself, and told the superintendent whose work it was."
)
PRIYA_SAYS = (
    "Alex kept his promise to find me a mentor before the sergeant's exam, and checked in "
    "after the first meeting."
)


def colleague(username: str, name: tuple[str, str]):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, first_name=name[0], last_name=name[1])
        user.email = f"{username}@example.org"
        user.set_unusable_password()
        user.save()
    return user


def request(ally, person, state=FeedbackState.PENDING, **fields) -> FeedbackRequest:
    now = timezone.now()
    found, _created = FeedbackRequest.objects.get_or_create(
        ally=ally,
        colleague=person,
        programme_year=current_programme_year(),
        defaults={
            "state": state,
            "expires_at": now + datetime.timedelta(days=14),
            "answered_at": now if state != FeedbackState.PENDING else None,
            **fields,
        },
    )
    return found


def load_feedback() -> None:
    User = get_user_model()
    ally = User.objects.filter(username="ally").first()
    morgan = User.objects.filter(username="morgan").first()
    if ally is None or morgan is None:
        return
    sam, priya, jo, dana = (colleague(username, name) for username, name in COLLEAGUES)
    mentoring = Commitment.objects.filter(
        pledge__user=ally, pledge__programme_year=current_programme_year(), position=1
    ).first()
    request(
        ally,
        sam,
        FeedbackState.ANSWERED,
        text=SAM_SAYS,
        writer_agrees=True,
        ally_agrees=True,
    )
    request(
        ally,
        priya,
        FeedbackState.ANSWERED,
        text=PRIYA_SAYS,
        commitment=mentoring,
        writer_agrees=True,
    )
    request(ally, jo, FeedbackState.DECLINED)
    request(ally, dana)
    request(morgan, ally)
    request(morgan, priya, FeedbackState.REPORTED)
    if not FeedbackRequest.objects.filter(ally=ally, token_hash__isnull=False).exists():
        now = timezone.now()
        for expires_at in (now + datetime.timedelta(days=10), now - datetime.timedelta(days=2)):
            FeedbackRequest.objects.create(
                ally=ally,
                token_hash=new_token()[1],
                programme_year=current_programme_year(),
                expires_at=expires_at,
            )
