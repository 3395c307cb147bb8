"""The pledge wall: published pledges of this programme year, and one pledge on its own."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.content.responses import login_redirect, page_url, subpage_url
from wagtail_allyship.pledges.models import (
    Commitment,
    Pledge,
    can_view_pledge,
    current_programme_year,
)
from wagtail_allyship.pledges.pages import PledgeWallPage
from wagtail_allyship.pledges.views.common import render
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.units.models import OrganisationUnit


def wall_units(page) -> list[OrganisationUnit]:
    return list(OrganisationUnit.objects.filter(locale_id=page.locale_id).order_by("name"))


def commitments_prefetch() -> Prefetch:
    return Prefetch("commitments", queryset=Commitment.objects.order_by("position"))


def shown_unit(pledge: Pledge, units_by_key: dict) -> OrganisationUnit | None:
    """The ally's unit, in the page's language where it has been translated."""
    registration = getattr(pledge.user, "ally_registration", None)
    if registration is None:
        return None
    return units_by_key.get(registration.unit.translation_key, registration.unit)


def photo_url(pledge: Pledge, page, request) -> str:
    """The address of the pledge's photo if it is approved (needs ``sign_photo`` loaded)."""
    photo = getattr(pledge, "sign_photo", None)
    if photo is None or not photo.is_approved or not photo.wall_image:
        return ""
    return subpage_url(page, request, "pledge_photo", pledge.pk)


def pledge_wall(page: PledgeWallPage, request) -> HttpResponse:
    if not request.user.is_authenticated:
        return login_redirect(request)
    year = current_programme_year()
    units = wall_units(page)
    units_by_key = {unit.translation_key: unit for unit in units}

    chosen = None
    wanted = request.GET.get("unit", "")
    if wanted.isdigit():
        chosen = next((unit for unit in units if unit.pk == int(wanted)), None)

    pledges = (
        Pledge.objects.for_year(year)
        .on_the_wall()
        .select_related("user", "user__ally_registration__unit", "sign_photo")
        .order_by("-created_at", "-pk")
    )
    if chosen is not None:
        keys = OrganisationUnit.objects.descendants_of([chosen]).values_list(
            "translation_key", flat=True
        )
        pledges = pledges.filter(user__ally_registration__unit__translation_key__in=list(keys))

    paginator = Paginator(pledges, page.per_page)
    page_of_pledges = paginator.get_page(request.GET.get("page"))
    shown = list(page_of_pledges.object_list)
    prefetch_related_objects(shown, commitments_prefetch())
    for pledge in shown:
        pledge.shown_unit = shown_unit(pledge, units_by_key)
        pledge.shown_name = display_name(pledge.user)
        pledge.photo_url = photo_url(pledge, page, request)

    query = f"&unit={chosen.pk}" if chosen else ""
    return render(
        page,
        request,
        page.get_template(request),
        {
            "pledges": shown,
            "page_of_pledges": page_of_pledges,
            "paginator": paginator,
            "units": units,
            "chosen_unit": chosen,
            "filter_query": query,
            "wall_url": page_url(page, request),
            "year_label": Pledge(programme_year=year).year_label,
            "coordinator": is_coordinator(request.user),
        },
    )


def pledge_detail(page: PledgeWallPage, request, pledge_id: int) -> HttpResponse:
    """One pledge: for its owner, coordinators, or anyone logged in if it was published."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    pledge = (
        Pledge.objects.select_related("user", "user__ally_registration__unit", "sign_photo")
        .filter(pk=pledge_id)
        .first()
    )
    if pledge is None or not can_view_pledge(request.user, pledge):
        raise Http404(_("There is no pledge here, or it is not shared with you."))
    prefetch_related_objects([pledge], commitments_prefetch())
    units_by_key = {unit.translation_key: unit for unit in wall_units(page)}
    pledge.shown_unit = shown_unit(pledge, units_by_key)
    pledge.shown_name = display_name(pledge.user)
    pledge.photo_url = photo_url(pledge, page, request)
    is_owner = pledge.user_id == request.user.pk
    return render(
        page,
        request,
        "wagtail_allyship/pledges/pledge_detail.html",
        {
            "pledge": pledge,
            "is_owner": is_owner,
            "full_view": is_owner or is_coordinator(request.user),
            "wall_url": page_url(page, request),
        },
    )
