"""What the programme home shows one visitor: the main action for their state, and the rest.

The main action follows where the person stands (see :func:`main_action`): staff who are not
allies are asked to join, allies without this year's pledge to make it, allies with a pledge
see their next deadline and a "log progress" button, and allies whose pledge year is ending
are told to renew. Around it: the newest stories and resources, the coming dates, and the key
figures of the latest published annual report. The number of queries does not depend on how
much content there is (pinned by ``tests/test_query_counts.py``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from wagtail_allyship.calendar.pages import CalendarItem, CalendarPage
from wagtail_allyship.pledges.accountability import RENEW
from wagtail_allyship.pledges.models import Commitment, Pledge, current_programme_year
from wagtail_allyship.pledges.next_step import on_site_sign_up_url, programme_links
from wagtail_allyship.pledges.status import my_status
from wagtail_allyship.pledges.views.mine import my_pledges
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
from wagtail_allyship.reports.pages import AnnualReportPage
from wagtail_allyship.resources.models import CARD_RENDITION, ResourcePage
from wagtail_allyship.stories.models import LIST_RENDITION, GoodPracticeStoryPage

#: How many coming dates and new resources the home lists.
DATES_SHOWN = 4
RESOURCES_SHOWN = 3

#: The annual report totals the home shows, in order, with what each number counts.
FIGURES = ("allies_total", "pledges", "commitments_done")


@dataclass
class MainAction:
    """The one thing the home asks this person to do, and why."""

    state: str  # "join", "pledge", "renew" or "progress"
    heading: str
    text: str
    label: str
    url: str
    commitment: Commitment | None = None
    deadline: datetime.date | None = None
    more: list[tuple[str, str]] = field(default_factory=list)  # (label, url)


def is_personal(request) -> bool:
    """Whether the home differs from person to person (it does for anyone logged in)."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def main_action(request, page, today: datetime.date) -> MainAction | None:
    """The main action for the person looking at ``page``; ``None`` without a pledge page."""
    links = programme_links(request, page)
    if not links.get("pledge"):
        return None
    registration = None
    if is_personal(request):
        registration = (
            AllyRegistration.objects.filter(user=request.user)
            .exclude(status=RegistrationStatus.LEFT)
            .first()
        )
    if registration is None:
        return MainAction(
            state="join",
            heading=_("Become an ally"),
            text=_(
                "Sign up in two minutes, then make a pledge of up to three things you will do "
                "this year. Support, resources and other allies come with it."
            ),
            label=_("Become an ally"),
            url=on_site_sign_up_url(request, page),
        )
    return ally_action(request.user, links, today)


def ally_action(user, links: dict[str, str], today: datetime.date) -> MainAction:
    """The main action of someone signed up: pledge, renew, or log progress."""
    pledges = my_pledges(user)
    year = current_programme_year(today)
    current = next((pledge for pledge in pledges if pledge.programme_year == year), None)
    mine = [(_("Go to My allyship"), links["mine"])] if links.get("mine") else []
    if current is None:
        return MainAction(
            state="pledge",
            heading=_("Make your pledge for this year"),
            text=_(
                "You are signed up: thank you. Choose up to three commitments, each with a "
                "deadline, and the programme helps you keep them."
            )
            if not pledges
            else _(
                "A new programme year has begun. Make this year's pledge: what you have not "
                "finished can carry over."
            ),
            label=_("Make your pledge"),
            url=links["pledge"],
            more=mine,
        )
    found = my_status(pledges, today)
    if found is not None and any(reason.code == RENEW for reason in found[1].reasons):
        return MainAction(
            state="renew",
            heading=_("Time to renew your pledge"),
            text=_(
                "Your pledge year is ending. Look back at what you did, then renew your "
                "pledge for the year ahead."
            ),
            label=_("Renew your pledge"),
            url=links["pledge"],
            more=mine,
        )
    return progress_action(current, links, mine)


def progress_action(current: Pledge, links: dict[str, str], mine: list) -> MainAction:
    """An ally with a pledge: the open commitment due first, and a way to log progress."""
    open_commitments = [
        commitment
        for commitment in current.commitments.all()
        if commitment.is_open and not commitment.was_carried_over
    ]
    commitment = min(open_commitments, key=lambda c: (c.deadline, c.position), default=None)
    if commitment is None or not links.get("mine"):
        return MainAction(
            state="progress",
            heading=_("Your pledge"),
            text=_("Every commitment of your pledge is done. Thank you: tell others how it went."),
            label=_("Go to My allyship"),
            url=links.get("mine") or links["pledge"],
        )
    return MainAction(
        state="progress",
        heading=_("Your next deadline"),
        text=commitment.text,
        label=_("Log progress"),
        url=f"{links['mine']}commitments/{commitment.pk}/progress/",
        commitment=commitment,
        deadline=commitment.deadline,
        more=[(_("See your whole pledge"), links["mine"])],
    )


def latest_stories(locale_id: int, count: int) -> list[GoodPracticeStoryPage]:
    """The newest live stories in the language, with their card images (two queries)."""
    if count <= 0:
        return []
    images = get_image_model().objects.prefetch_renditions(LIST_RENDITION)
    return list(
        GoodPracticeStoryPage.objects.live()
        .filter(locale_id=locale_id)
        .select_related("unit")
        .prefetch_related(Prefetch("image", queryset=images))
        .defer_streamfields()
        .order_by("-date", "-pk")[:count]
    )


def latest_resources(locale_id: int) -> list[ResourcePage]:
    """The resources published last in the language, with their card images (one query, and
    two more when any of them has an image)."""
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return list(
        ResourcePage.objects.live()
        .filter(locale_id=locale_id)
        .prefetch_related(Prefetch("image", queryset=images))
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")[:RESOURCES_SHOWN]
    )


def coming_dates(request, locale_id: int) -> tuple[list[CalendarItem], str]:
    """The next few dates of the language's calendar and its address (three queries)."""
    calendar = CalendarPage.objects.live().filter(locale_id=locale_id).first()
    if calendar is None:
        return [], ""
    # Sessions have their own box on the home (the next one, with its sign-up).
    items = [
        item
        for _month, month_items in calendar.upcoming_items()
        for item in month_items
        if not item.entry.is_session
    ]
    return items[:DATES_SHOWN], calendar.get_url(request=request) or ""


def key_figures(request, locale_id: int) -> dict | None:
    """The totals of the latest published report with stored figures, and its address."""
    report = (
        AnnualReportPage.objects.live()
        .filter(locale_id=locale_id, figures__isnull=False)
        .order_by("-year", "-pk")
        .first()
    )
    if report is None or not report.figures:
        return None
    totals = report.figures.get("totals", {})
    labels = {
        "allies_total": _("allies"),
        "pledges": _("pledges"),
        "commitments_done": _("commitments kept"),
    }
    # A zero says nothing to someone deciding whether to join: only figures above it are shown.
    figures = [(totals[name], labels[name]) for name in FIGURES if totals.get(name)]
    if not figures:
        return None
    return {"report": report, "url": report.get_url(request=request) or "", "figures": figures}


def programme_home(request, page, story_count: int = 3, show_figures: bool = True) -> dict:
    """Everything the programme home shows ``request``'s visitor, for its template."""
    today = timezone.localdate()
    locale_id = page.locale_id
    dates, calendar_url = coming_dates(request, locale_id)
    links = programme_links(request, page)
    return {
        "action": main_action(request, page, today),
        "links": links,
        "stories": latest_stories(locale_id, story_count),
        "resources": latest_resources(locale_id),
        "dates": dates,
        "calendar_url": calendar_url,
        "figures": key_figures(request, locale_id) if show_figures else None,
    }
