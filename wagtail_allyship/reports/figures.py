"""The figures of one programme year, computed from live data in a fixed number of queries.

The annual report stores what :func:`compute_figures` returns with the published revision,
so the result is plain JSON: numbers, strings and lists. Units are identified by translation
key, so that a report in any language can name them in its own language.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import Locale

from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges import years

#: How many years the year-on-year chart shows, the report's year included.
TREND_YEARS = 5

#: Bumped when the shape of the stored figures changes. Version 2 added the accountability
#: status of each unit's pledges (``pledges_green``, ``pledges_rated``) and the counts of
#: feedback requests (``feedback_asked``, ``feedback_answered``, per unit and in the totals);
#: reports frozen with version 1 have none of them, and show neither. Version 3 added sessions:
#: ``sessions_held``, and per unit and in the totals ``session_places`` and
#: ``session_attended`` (the attendance rate is the one over the other).
FIGURES_VERSION = 3


def year_range(year: int) -> tuple[datetime.date, datetime.date]:
    start_month = get_setting("PROGRAMME_YEAR_START_MONTH")
    return years.year_start(year, start_month), years.year_end(year, start_month)


def _units() -> list[dict[str, Any]]:
    """Units in the default language with their region.

    A unit's region is the top of its branch, except where the whole tree hangs from one
    unit: that one is the organisation itself (a national team, a head office), so its
    children are the regions. Northshire Police under a national team is its own region, not
    part of the national team's; the national team's own update stays under its name.
    """
    from wagtail_allyship.units.models import OrganisationUnit

    rows = list(
        OrganisationUnit.objects.filter(locale=Locale.get_default())
        .order_by("name", "pk")
        .values("pk", "translation_key", "name", "parent_id")
    )
    by_pk = {row["pk"]: row for row in rows}
    parents = {row["parent_id"] for row in rows if row["parent_id"]}
    roots = [row for row in rows if row["parent_id"] not in by_pk]
    organisation = roots[0]["pk"] if len(roots) == 1 else None
    for row in rows:
        row["region"] = _region_of(row, by_pk, organisation)
        row["has_sub_units"] = row["pk"] in parents
    return rows


def _region_of(row: dict, by_pk: dict, organisation: int | None) -> dict:
    """The ancestor of ``row`` that heads its region (see :func:`_units`)."""
    top, seen = row, {row["pk"]}
    while top["parent_id"] in by_pk and top["parent_id"] not in seen:
        if top["parent_id"] == organisation:
            return top
        top = by_pk[top["parent_id"]]
        seen.add(top["pk"])
    return top


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _live_count(model, start: datetime.date, end: datetime.date) -> int:
    """Pages first published in the year, each counted once whatever its translations.

    Compared with the bounds as times, so that the database uses its index on the column
    rather than turning every row's time into a date.
    """
    return (
        model.objects.live()
        .filter(
            first_published_at__gte=_day_start(start),
            first_published_at__lt=_day_start(end + datetime.timedelta(days=1)),
        )
        .values("translation_key")
        .distinct()
        .count()
    )


def green_pledges(year: int, today: datetime.date) -> dict[str, dict[str, int]]:
    """Per unit key: how many of the year's pledges are green, out of how many rated.

    Judged on the year's last day, or today while the year runs, with renewal left out (see
    :mod:`wagtail_allyship.pledges.accountability`): three queries.
    """
    from wagtail_allyship.pledges.models import Pledge
    from wagtail_allyship.pledges.status import rate_pledges

    as_of = min(today, year_range(year)[1])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"green": 0, "rated": 0})
    for rated in rate_pledges(Pledge.objects.for_year(year), as_of, renewal=False):
        row = counts[str(rated.unit_key)]
        row["rated"] += 1
        row["green"] += rated.status.is_green
    return counts


def feedback_counts(year: int) -> dict[str, dict[str, int]]:
    """Per unit key: feedback requests the unit's allies made in ``year``, and answers (counts)."""
    from wagtail_allyship.feedback.models import FeedbackRequest, FeedbackState

    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"asked": 0, "answered": 0})
    for row in (
        FeedbackRequest.objects.filter(programme_year=year)
        .values("ally__ally_registration__unit__translation_key")
        .annotate(asked=Count("pk"), answered=Count("pk", filter=Q(state=FeedbackState.ANSWERED)))
        .order_by()
    ):
        key = str(row["ally__ally_registration__unit__translation_key"])
        counts[key] = {"asked": row["asked"], "answered": row["answered"]}
    return counts


def session_counts(year: int, now: datetime.datetime | None = None) -> tuple[int, dict]:
    """Sessions held in ``year`` and, per unit key, places taken on them and attendance.

    A session is held when it started in the year, before ``now``, and was not cancelled;
    a place counts for the unit of the person who held it (``"None"`` when not registered as
    an ally). Two queries.
    """
    from wagtail_allyship.sessions.models import SessionRegistration, SessionSignup, SignupStatus

    now = now or timezone.now()
    start, end = year_range(year)
    held = SessionSignup.objects.filter(
        cancelled_at__isnull=True,
        entry__starts_at__gte=_day_start(start),
        entry__starts_at__lt=min(_day_start(end + datetime.timedelta(days=1)), now),
    )
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"places": 0, "attended": 0})
    for row in (
        SessionRegistration.objects.filter(signup__in=held, status=SignupStatus.PLACE)
        .values("user__ally_registration__unit__translation_key")
        .annotate(places=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by()
    ):
        key = str(row["user__ally_registration__unit__translation_key"])
        counts[key] = {"places": row["places"], "attended": row["attended"]}
    return held.count(), counts


def compute_figures(year: int, today: datetime.date | None = None) -> dict[str, Any]:
    """Everything the annual report of ``year`` shows as numbers."""
    from wagtail_allyship.pledges.models import OPEN_STATUSES, Commitment, CommitmentStatus, Pledge
    from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus
    from wagtail_allyship.reports.models import AnnualUpdate
    from wagtail_allyship.resources.models import ResourcePage
    from wagtail_allyship.stories.models import GoodPracticeStoryPage

    today = today or timezone.localdate()
    start, end = year_range(year)
    registrations = AllyRegistration.objects.exclude(status=RegistrationStatus.LEFT)

    allies = defaultdict(lambda: {"total": 0, "new": 0})
    for row in (
        registrations.filter(joined_on__lte=end)
        .values("unit__translation_key")
        .annotate(
            total=Count("pk"),
            new=Count("pk", filter=Q(joined_on__gte=start)),
        )
    ):
        allies[str(row["unit__translation_key"])] = {"total": row["total"], "new": row["new"]}

    pledges = {
        str(row["user__ally_registration__unit__translation_key"]): row["count"]
        for row in Pledge.objects.for_year(year)
        .values("user__ally_registration__unit__translation_key")
        .annotate(count=Count("pk"))
    }

    trend_years = list(range(year - TREND_YEARS + 1, year + 1))
    trend = registrations.aggregate(
        **{
            f"y{trend_year}": Count("pk", filter=Q(joined_on__lte=year_range(trend_year)[1]))
            for trend_year in trend_years
        }
    )

    carried = Commitment.objects.filter(carried_over_from=OuterRef("pk"))
    open_now = Q(status__in=OPEN_STATUSES) & ~Q(carried_on=True)
    commitments = (
        Commitment.objects.filter(pledge__programme_year=year)
        .annotate(carried_on=Exists(carried))
        .aggregate(
            done=Count("pk", filter=Q(status=CommitmentStatus.DONE)),
            overdue=Count("pk", filter=open_now & Q(deadline__lt=today)),
            in_progress=Count("pk", filter=open_now & Q(deadline__gte=today)),
        )
    )

    submitted = defaultdict(list)
    for pk, key in (
        AnnualUpdate.objects.approved()
        .for_year(year)
        .order_by("unit__name", "pk")
        .values_list("pk", "unit__translation_key")
    ):
        submitted[str(key)].append(pk)

    green = green_pledges(year, today)
    feedback = feedback_counts(year)
    sessions_held, sessions = session_counts(year)
    units = []
    for row in _units():
        key = str(row["translation_key"])
        units.append(
            {
                "key": key,
                "name": row["name"],
                "region_key": str(row["region"]["translation_key"]),
                "region": row["region"]["name"],
                "expected": not row["has_sub_units"],
                "submitted": key in submitted,
                "allies_total": allies[key]["total"],
                "allies_new": allies[key]["new"],
                "pledges": pledges.get(key, 0),
                "pledges_green": green[key]["green"],
                "pledges_rated": green[key]["rated"],
                "feedback_asked": feedback[key]["asked"],
                "feedback_answered": feedback[key]["answered"],
                "session_places": sessions[key]["places"],
                "session_attended": sessions[key]["attended"],
            }
        )

    return {
        "version": FIGURES_VERSION,
        "year": year,
        "computed_on": today.isoformat(),
        "totals": {
            "allies_total": sum(value["total"] for value in allies.values()),
            "allies_new": sum(value["new"] for value in allies.values()),
            "pledges": sum(pledges.values()),
            "commitments_done": commitments["done"],
            "commitments_in_progress": commitments["in_progress"],
            "commitments_overdue": commitments["overdue"],
            "stories": _live_count(GoodPracticeStoryPage, start, end),
            "resources": _live_count(ResourcePage, start, end),
            "feedback_asked": sum(row["asked"] for row in feedback.values()),
            "feedback_answered": sum(row["answered"] for row in feedback.values()),
            "sessions_held": sessions_held,
            "session_places": sum(row["places"] for row in sessions.values()),
            "session_attended": sum(row["attended"] for row in sessions.values()),
        },
        "units": units,
        "allies_by_year": [
            {"year": trend_year, "total": trend[f"y{trend_year}"]} for trend_year in trend_years
        ],
        "update_ids": [pk for pks in submitted.values() for pk in pks],
    }
