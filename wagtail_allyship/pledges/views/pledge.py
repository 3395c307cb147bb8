"""The pledge form: this year's pledge made, changed, or renewed from last year's.

The view reads as its steps: find the ally and this year's pledge, offer last year's open
commitments to carry over, refuse a stale second submit, bind the forms, save, or show the
forms again with every error listed at the top.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_allyship.access.rate_limits import over_limit, refuse
from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.responses import (
    error_summary,
    is_preview,
    login_redirect,
    page_url,
    personal,
    subpage_url,
)
from wagtail_allyship.pledges.commitment_forms import (
    carry_over_initial,
    commitment_formset,
    save_pledge,
)
from wagtail_allyship.pledges.forms import PledgeForm
from wagtail_allyship.pledges.models import (
    MAX_COMMITMENTS,
    Commitment,
    Pledge,
    current_programme_year,
    programme_year_label,
)
from wagtail_allyship.pledges.pages import PledgePage
from wagtail_allyship.pledges.views.common import localized_unit, render
from wagtail_allyship.registry.models import AllyRegistration


@dataclass
class PledgeState:
    """Where the ally stands this year: the pledge if made, and what could be renewed."""

    year: int
    today: datetime.date
    pledge: Pledge | None
    previous: Pledge | None = None
    carried: list[Commitment] = field(default_factory=list)


def pledge_state(user, request) -> PledgeState:
    """This year's pledge, or, before it is made, last year's open commitments to carry over.

    ``?fresh`` asks for an empty form instead of last year's commitments.
    """
    year = current_programme_year()
    state = PledgeState(
        year=year,
        today=timezone.localdate(),
        pledge=Pledge.objects.filter(user=user, programme_year=year).first(),
    )
    if state.pledge is None and "fresh" not in request.GET:
        state.previous = (
            Pledge.objects.filter(user=user, programme_year__lt=year)
            .order_by("-programme_year")
            .first()
        )
        if state.previous is not None:
            state.carried = list(
                state.previous.commitments.open().order_by("position")[:MAX_COMMITMENTS]
            )
    return state


def is_stale_submit(data, pledge: Pledge | None) -> bool:
    """A second submit of a form made before the pledge existed (or after it was deleted).

    Saving it would make a second pledge or change the wrong one.
    """
    return data.get("pledge_id", "") != (str(pledge.pk) if pledge else "")


def bind_forms(data, user, state: PledgeState):
    """The sharing form and the commitments formset, bound to ``data`` when it is a submit."""
    pledge = state.pledge
    instance = pledge or Pledge(user=user, programme_year=state.year)
    existing = pledge.commitments.count() if pledge else 0
    formset_class = commitment_formset(extra=MAX_COMMITMENTS - existing)
    # What a hidden "carried over from" value may point at: the ally's own earlier commitments.
    carry_choices = Commitment.objects.filter(
        pledge__user=user, pledge__programme_year__lt=state.year
    )
    sharing_form = PledgeForm(data, instance=instance)
    formset = formset_class(
        data,
        instance=instance,
        queryset=(pledge.commitments.order_by("position") if pledge else Commitment.objects.none()),
        prefix="commitments",
        initial=carry_over_initial(state.carried) if pledge is None else None,
        form_kwargs={"today": state.today, "carried_over": carry_choices},
    )
    return sharing_form, formset


def save_and_redirect(page, request, state: PledgeState, sharing_form, formset) -> HttpResponse:
    """Save the pledge with its commitments in one transaction, then say what happens next."""
    try:
        save_pledge(
            user=request.user,
            year=state.year,
            pledge_form=sharing_form,
            formset=formset,
            renewed_from=state.previous,
        )
    except IntegrityError:
        messages.info(
            request,
            _(
                "Your pledge had already been saved in the meantime, so nothing was "
                "changed. Here it is as it is now."
            ),
        )
        return personal(redirect(page_url(page, request)))
    changed = "changes" if state.pledge is not None else "new"
    return personal(redirect(subpage_url(page, request, "saved") + f"?saved={changed}"))


def pledge_saved(page: PledgePage, request) -> HttpResponse:
    """What happens next, once a pledge is saved: the end of the flow is never a dead end.

    It shows this year's pledge as saved (from the database, so a reload shows the truth),
    when reminders will come, and where to go from here.
    """
    if not request.user.is_authenticated:
        return login_redirect(request)
    year = current_programme_year()
    pledge = (
        Pledge.objects.filter(user=request.user, programme_year=year)
        .prefetch_related("commitments")
        .first()
    )
    if pledge is None:
        return personal(redirect(page_url(page, request)))
    return render(
        page,
        request,
        "wagtail_allyship/pledges/pledge_saved.html",
        {
            "pledge": pledge,
            "commitments": sorted(pledge.commitments.all(), key=lambda c: c.position),
            "first_save": request.GET.get("saved") != "changes",
            "year_label": programme_year_label(year),
            "reminder_days": get_setting("REMINDER_DAYS_BEFORE"),
            "edit_url": page_url(page, request),
        },
    )


def form_errors(sharing_form, formset) -> list[dict]:
    """Every error of the page, in the order of the form, for the summary at its top."""
    labelled = [(_("Who can see your pledge"), sharing_form)]
    for number, form in enumerate(formset.forms, start=1):
        labelled.append((_("Commitment %(number)d") % {"number": number}, form))
    errors = error_summary(*labelled)
    for message in formset.non_form_errors():
        first = formset.forms[0]["text"] if formset.forms else None
        errors.insert(
            0,
            {
                "anchor": first.id_for_label if first else "",
                "label": _("Commitments"),
                "message": message,
            },
        )
    return errors


def pledge_form(page: PledgePage, request) -> HttpResponse:
    """This year's pledge: make it, edit it, or renew last year's."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    registration = AllyRegistration.objects.select_related("unit").filter(user=request.user).first()
    if registration is None and not is_preview(request):
        return personal(redirect(subpage_url(page, request, "sign_up")))

    state = pledge_state(request.user, request)
    data = request.POST if request.method == "POST" and not is_preview(request) else None
    limited = over_limit(request, "pledge") if data is not None else None
    if data is not None and limited is None and is_stale_submit(data, state.pledge):
        messages.info(
            request,
            _(
                "Your pledge for %(year)s had already been saved, so nothing was changed. "
                "Here it is: check it and save again if you want to change it."
            )
            % {"year": programme_year_label(state.year)},
        )
        return personal(redirect(page_url(page, request)))

    sharing_form, formset = bind_forms(data, request.user, state)
    if data is not None and limited is None and sharing_form.is_valid() and formset.is_valid():
        return save_and_redirect(page, request, state, sharing_form, formset)

    pledge = state.pledge
    response = render(
        page,
        request,
        page.get_template(request),
        {
            "registration": registration,
            "unit": localized_unit(registration, page),
            "pledge": pledge,
            "previous": state.previous,
            "carried": state.carried,
            "year_label": programme_year_label(state.year),
            "pledge_form": sharing_form,
            "formset": formset,
            "errors": form_errors(sharing_form, formset),
            "sign_up_url": subpage_url(page, request, "sign_up"),
            "submission_limit": limited,
        },
    )
    return refuse(response, limited) if limited else response
