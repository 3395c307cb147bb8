"""My allyship: the ally's own registration, pledges and progress, and all their data."""

from __future__ import annotations

import datetime
import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from wagtail_allyship.access.rate_limits import over_limit, refuse
from wagtail_allyship.content.responses import (
    error_summary,
    login_redirect,
    page_url,
    personal,
    subpage_url,
)
from wagtail_allyship.exports.spreadsheets import CSV_CONTENT_TYPE, csv_text, flat_rows
from wagtail_allyship.pledges.forms import ProgressForm
from wagtail_allyship.pledges.models import (
    Commitment,
    CommitmentUpdate,
    Pledge,
    SentReminder,
    current_programme_year,
)
from wagtail_allyship.pledges.pages import MyAllyshipPage
from wagtail_allyship.pledges.status import my_status
from wagtail_allyship.pledges.views.common import localized_unit, render
from wagtail_allyship.registry.models import AllyRegistration, display_name
from wagtail_allyship.sessions.mine import my_session_data


def my_pledges(user) -> list[Pledge]:
    """Every pledge of ``user``, newest year first, with commitments and their progress."""
    carried = Commitment.objects.filter(carried_over_from=OuterRef("pk"))
    commitments = Commitment.objects.annotate(was_carried_over=Exists(carried)).order_by("position")
    return list(
        Pledge.objects.filter(user=user)
        .order_by("-programme_year")
        .prefetch_related(
            Prefetch("commitments", queryset=commitments),
            Prefetch(
                "commitments__updates",
                queryset=CommitmentUpdate.objects.order_by("-date", "-created_at", "-pk"),
            ),
        )
    )


def my_allyship(page: MyAllyshipPage, request) -> HttpResponse:
    if not request.user.is_authenticated:
        return login_redirect(request)
    user = request.user
    today = timezone.localdate()
    year = current_programme_year(today)
    registration = AllyRegistration.objects.select_related("unit").filter(user=user).first()
    unit = localized_unit(registration, page)
    pledges = my_pledges(user)
    current = next((p for p in pledges if p.programme_year == year), None)
    earlier = [p for p in pledges if p is not current]
    overdue = [
        commitment
        for pledge in pledges
        for commitment in pledge.commitments.all()
        if commitment.is_overdue(today) and not commitment.was_carried_over
    ]
    for pledge in pledges:
        pledge.delete_url = subpage_url(page, request, "delete_pledge", pledge.pk)
        for commitment in pledge.commitments.all():
            commitment.progress_url = subpage_url(page, request, "log_progress", commitment.pk)
            commitment.latest_update = next(iter(commitment.updates.all()), None)
    return render(
        page,
        request,
        page.get_template(request),
        {
            "registration": registration,
            "unit": unit,
            "current": current,
            "earlier": earlier,
            "overdue": overdue,
            "today": today,
            "year_label": Pledge(programme_year=year).year_label,
            "download_url": subpage_url(page, request, "download"),
            "download_csv_url": subpage_url(page, request, "download_csv"),
            "accountability": accountability_context(pledges, today),
            "reminders_url": subpage_url(page, request, "reminders"),
        },
    )


def accountability_context(pledges: list[Pledge], today) -> dict | None:
    """The ally's accountability status and the commitments it names (no further query)."""
    found = my_status(pledges, today)
    if found is None:
        return None
    pledge, status = found
    commitments = {commitment.position: commitment for commitment in pledge.commitments.all()}
    return {
        "pledge": pledge,
        "status": status.status,
        "reasons": [
            {"code": reason.code, "commitment": commitments.get(reason.position)}
            for reason in status.reasons
        ],
    }


#: The Wagtail hook through which other features add to "My data": each function registered
#: under it takes the user and returns a dict of JSON-ready entries.
MY_DATA_HOOK = "register_allyship_my_data"


def set_reminders(page: MyAllyshipPage, request) -> HttpResponse:
    """Turn one of the ally's emails on or off (a POST from "My allyship").

    Reminders, programme updates or the monthly digest, named by the posted field.
    """
    if not request.user.is_authenticated:
        return login_redirect(request)
    if request.method != "POST":
        return personal(redirect(page_url(page, request)))
    registration = AllyRegistration.objects.filter(user=request.user).first()
    if registration is None:
        raise Http404(_("You have not signed up as an ally yet."))
    name = next((name for name in EMAIL_SETTINGS if name in request.POST), "reminders")
    field_name, said_on, said_off = EMAIL_SETTINGS[name]
    on = request.POST.get(name) == "on"
    if getattr(registration, field_name) != on:
        registration.set_subscription(field_name, on)
    messages.success(request, said_on if on else said_off)
    return personal(redirect(page_url(page, request) + "#allyship-reminders"))


#: The emails an ally turns on and off from "My allyship": the posted name, the field of his
#: registration, and what the page says after each change.
EMAIL_SETTINGS = {
    "reminders": (
        "reminders_on",
        gettext_lazy("Reminder emails are on."),
        gettext_lazy("Reminder emails are off."),
    ),
    "newsletters": (
        "newsletters_on",
        gettext_lazy("Programme updates are on."),
        gettext_lazy("Programme updates are off."),
    ),
    "digest": (
        "digest_on",
        gettext_lazy("The monthly digest is on."),
        gettext_lazy("The monthly digest is off."),
    ),
}


def my_data(user) -> dict:
    """Everything the programme holds about ``user``, as JSON-ready data."""
    data = my_pledge_data(user)
    for more in hooks.get_hooks(MY_DATA_HOOK):
        data.update(more(user))
    return data


def my_pledge_data(user) -> dict:
    """The registration, pledges and reminders of ``user``."""
    registration = AllyRegistration.objects.select_related("unit").filter(user=user).first()
    reminders = SentReminder.objects.filter(user=user).order_by("sent_at")
    return {
        "exported_at": timezone.now(),
        "user": {
            "username": user.get_username(),
            "name": display_name(user),
            "email": user.email,
        },
        "registration": registration
        and {
            "unit": registration.unit.name,
            "role": registration.role,
            "joined_on": registration.joined_on,
            "status": registration.status,
            "consent_to_contact": registration.consent_to_contact,
            "reminders_on": registration.reminders_on,
        },
        "pledges": [
            {
                "programme_year": pledge.year_label,
                "visibility": pledge.visibility,
                "published_consent_at": pledge.published_consent_at,
                "created_at": pledge.created_at,
                "updated_at": pledge.updated_at,
                "commitments": [
                    {
                        "kind": commitment.kind,
                        "commitment": commitment.text,
                        "kpi": commitment.kpi,
                        "kpi_private": commitment.kpi_private,
                        "deadline": commitment.deadline,
                        "action_plan": {
                            "what": commitment.plan_what,
                            "how": commitment.plan_how,
                            "who": commitment.plan_who,
                            "by_when": commitment.plan_when,
                        },
                        "status": commitment.status,
                        "progress": [
                            {"date": update.date, "status": update.status, "note": update.note}
                            for update in commitment.updates.all()
                        ],
                    }
                    for commitment in pledge.commitments.all()
                ],
            }
            for pledge in my_pledges(user)
        ],
        "sessions": my_session_data(user),
        "reminders_sent": [
            {"kind": reminder.kind, "for_date": reminder.for_date, "sent_at": reminder.sent_at}
            for reminder in reminders
        ],
    }


def cell_text(value) -> str:
    """A value of "My data" as a spreadsheet shows it: dates in ISO form, Yes/No for flags."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def download_my_data_csv(page: MyAllyshipPage, request) -> HttpResponse:
    """The same data as :func:`download_my_data`, one value a row, for a spreadsheet."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    text = csv_text([_("Item"), _("Value")], flat_rows(my_data(request.user)), render=cell_text)
    response = HttpResponse(text, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="my-allyship-data.csv"'
    return personal(response)


def download_my_data(page: MyAllyshipPage, request) -> HttpResponse:
    """All of the logged-in user's own data as a JSON file (and nobody else's)."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    response = HttpResponse(
        json.dumps(my_data(request.user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-allyship-data.json"'
    return personal(response)


def delete_pledge(page: MyAllyshipPage, request, pledge_id: int) -> HttpResponse:
    """Ask, then delete one of the user's own pledges with its commitments and progress."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    pledge = Pledge.objects.filter(pk=pledge_id, user=request.user).first()
    if pledge is None:
        raise Http404(_("You have no such pledge."))
    if request.method == "POST":
        label = pledge.year_label
        pledge.delete()
        messages.success(request, _("Your pledge for %(year)s has been deleted.") % {"year": label})
        return personal(redirect(page_url(page, request)))
    return render(
        page,
        request,
        "wagtail_allyship/pledges/delete_pledge.html",
        {"pledge": pledge, "cancel_url": page_url(page, request)},
    )


def log_progress(page: MyAllyshipPage, request, commitment_id: int) -> HttpResponse:
    """Add a step to the progress log of one of the user's own commitments."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    commitment = (
        Commitment.objects.select_related("pledge")
        .filter(pk=commitment_id, pledge__user=request.user)
        .first()
    )
    if commitment is None:
        raise Http404(_("You have no such commitment."))
    today = timezone.localdate()
    form = ProgressForm(
        request.POST if request.method == "POST" else None,
        commitment=commitment,
        today=today,
    )
    limited = over_limit(request, "progress")
    if request.method == "POST" and limited is None and form.is_valid():
        form.save()
        messages.success(request, _("Your progress is logged."))
        return personal(redirect(page_url(page, request)))
    response = render(
        page,
        request,
        "wagtail_allyship/pledges/log_progress.html",
        {
            "commitment": commitment,
            "form": form,
            "errors": error_summary(("", form)),
            "history": list(commitment.updates.order_by("-date", "-created_at", "-pk")),
            "cancel_url": page_url(page, request),
            "submission_limit": limited,
        },
    )
    return refuse(response, limited) if limited else response
