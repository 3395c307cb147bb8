"""Where a call to join the programme sends this person, given where they stand.

A recruitment article or the role profile asks staff to sign up. Shown to someone who already
has, that button is wrong twice over: it asks for what is done, and it hides what comes next.
So a sign-up button follows the viewer's state: an ally without this year's pledge is sent to
make it, an ally with a pledge to "My allyship", everyone else to the sign-up. A unit's own
sign-up address is used only where the unit has set one; otherwise the intranet's own sign-up
page (below the pledge page) is the way in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists
from django.utils.translation import gettext as _

from wagtail_allyship.pledges.models import Pledge, current_programme_year
from wagtail_allyship.pledges.views.common import allyship_links
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus

CACHE_ATTRIBUTE = "_allyship_next_step"


@dataclass(frozen=True)
class NextStep:
    """A button that replaces a sign-up button for someone already signed up."""

    label: str
    url: str
    text: str


def request_cache(request) -> dict:
    """What this module looked up for the request: a page may hold many sign-up buttons."""
    cached = getattr(request, CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = {}
        setattr(request, CACHE_ATTRIBUTE, cached)
    return cached


def programme_links(request, page) -> dict[str, str]:
    """The pledge page, the wall and My allyship, looked up once per request."""
    cached = request_cache(request)
    if "links" not in cached:
        cached["links"] = allyship_links(page, request)
    return cached["links"]


def on_site_sign_up_url(request, page) -> str:
    """The intranet's own sign-up address, in the page's language where it has one."""
    pledge = programme_links(request, page).get("pledge")
    return f"{pledge}sign-up/" if pledge else ""


def next_step(request, page) -> NextStep | None:
    """What a signed-up ally should do instead of signing up; ``None`` for everyone else."""
    cached = request_cache(request)
    if "step" not in cached:
        cached["step"] = find_next_step(request, page)
    return cached["step"]


def find_next_step(request, page) -> NextStep | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    # One query says both whether they are an ally and whether they pledged this year.
    standing = (
        AllyRegistration.objects.filter(
            user=user, status__in=[RegistrationStatus.ACTIVE, RegistrationStatus.PAUSED]
        )
        .annotate(
            pledged=Exists(
                Pledge.objects.filter(user=user, programme_year=current_programme_year())
            )
        )
        .values_list("pledged", flat=True)
        .first()
    )
    if standing is None:
        return None
    pledged = bool(standing)
    links = programme_links(request, page)
    if not pledged and links.get("pledge"):
        return NextStep(
            label=_("Make your pledge"),
            url=links["pledge"],
            text=_(
                "You are signed up as an ally: thank you. Next comes your pledge for this year."
            ),
        )
    if links.get("mine"):
        return NextStep(
            label=_("Go to My allyship"),
            url=links["mine"],
            text=_("You are already an ally: your pledge and your progress are on your own page."),
        )
    return None
