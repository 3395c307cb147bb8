"""The pages allies use: sign-up, the pledge form, the pledge wall and "My allyship".

Each function serves one route of a page type in :mod:`wagtail_allyship.models.pledges`.
All of them need a logged-in user and send ``Cache-Control: private, no-store``, because
they show personal data; a user only ever reaches their own pledge, registration and
progress log, or pledges that others published (404 for anything else).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError
from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..forms.pledges import (
    PledgeForm,
    ProgressForm,
    SignUpForm,
    carry_over_initial,
    commitment_formset,
    save_pledge,
)
from ..models import (
    AllyRegistration,
    Commitment,
    CommitmentUpdate,
    MyAllyshipPage,
    OrganisationUnit,
    Pledge,
    PledgePage,
    PledgeWallPage,
    SentReminder,
)
from ..models.pledges import (
    MAX_COMMITMENTS,
    current_programme_year,
    display_name,
    programme_year_label,
)
from ..permissions import can_view_pledge, is_coordinator
from ..rate_limits import over_limit, refuse

# Helpers ------------------------------------------------------------------------------


def personal(response: HttpResponse) -> HttpResponse:
    """Keep a page of personal data out of shared caches and the browser's history cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def render(page, request, template: str, context: dict) -> HttpResponse:
    full_context = page.get_context(request)
    full_context.update(context)
    full_context.setdefault("links", allyship_links(page, request))
    return personal(TemplateResponse(request, template, full_context))


def login_redirect(request) -> HttpResponse:
    return personal(redirect_to_login(request.get_full_path()))


def page_url(page, request) -> str:
    """The page's address; empty for a page that has none yet (a preview of a new page)."""
    return page.get_url(request=request) or ""


def subpage_url(page, request, name: str, *args) -> str:
    return page_url(page, request) + page.reverse_subpage(name, args=args)


def is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


def allyship_links(page, request) -> dict[str, str]:
    """Addresses of the pledge page, the wall and My allyship in the page's language.

    One query; pages in another language are used only where the page's language has none.
    """
    kinds = {
        ContentType.objects.get_for_model(PledgePage).pk: "pledge",
        ContentType.objects.get_for_model(PledgeWallPage).pk: "wall",
        ContentType.objects.get_for_model(MyAllyshipPage).pk: "mine",
    }
    found: dict[str, tuple[bool, Page]] = {}
    for candidate in (
        Page.objects.live().filter(content_type_id__in=kinds).order_by("depth", "path")
    ):
        kind = kinds[candidate.content_type_id]
        same_language = candidate.locale_id == page.locale_id
        if kind not in found or (same_language and not found[kind][0]):
            found[kind] = (same_language, candidate)
    links = {kind: candidate.get_url(request=request) for kind, (_same, candidate) in found.items()}
    return {kind: url for kind, url in links.items() if url}


def error_summary(*labelled_forms) -> list[dict]:
    """Every error of the forms, each with the id of the field to jump to and its label."""
    items = []
    for label, form in labelled_forms:
        if form is None or not form.is_bound:
            continue
        first_field = next((bf for bf in form.visible_fields()), None)
        for name, errors in form.errors.items():
            if name == NON_FIELD_ERRORS or name not in form.fields:
                field = first_field
                field_label = label
            else:
                field = form[name]
                field_label = f"{label}: {field.label}" if label else field.label
            anchor = (field.id_for_label or f"{field.auto_id}_0") if field else ""
            for message in errors:
                items.append({"anchor": anchor, "label": field_label, "message": message})
    return items


# Sign-up ------------------------------------------------------------------------------


def sign_up(page: PledgePage, request) -> HttpResponse:
    """Join the programme, or change one's unit, role, consent or status."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    registration = AllyRegistration.objects.select_related("unit").filter(user=request.user).first()
    form = SignUpForm(
        request.POST if request.method == "POST" else None,
        instance=registration,
        locale_id=page.locale_id,
    )
    limited = over_limit(request, "sign_up")
    if request.method == "POST" and limited is None and form.is_valid():
        form.save(user=request.user)
        if registration is None:
            messages.success(
                request,
                _("Welcome to the programme. Now make your pledge: up to three commitments."),
            )
        else:
            messages.success(request, _("Your details are saved."))
        return personal(redirect(page_url(page, request)))
    response = render(
        page,
        request,
        "wagtail_allyship/pledges/sign_up.html",
        {
            "form": form,
            "registration": registration,
            "errors": error_summary(("", form)),
            "submission_limit": limited,
        },
    )
    return refuse(response, limited) if limited else response


# The pledge form ----------------------------------------------------------------------


def pledge_form(page: PledgePage, request) -> HttpResponse:
    """This year's pledge: make it, edit it, or renew last year's."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    user = request.user
    registration = AllyRegistration.objects.select_related("unit").filter(user=user).first()
    if registration is None and not is_preview(request):
        return personal(redirect(subpage_url(page, request, "sign_up")))

    year = current_programme_year()
    today = timezone.localdate()
    pledge = Pledge.objects.filter(user=user, programme_year=year).first()
    previous = None
    carried: list[Commitment] = []
    if pledge is None and "fresh" not in request.GET:
        previous = (
            Pledge.objects.filter(user=user, programme_year__lt=year)
            .order_by("-programme_year")
            .first()
        )
        if previous is not None:
            carried = list(previous.commitments.open().order_by("position")[:MAX_COMMITMENTS])
    # What a hidden "carried over from" value may point at: the ally's own earlier commitments.
    carry_choices = Commitment.objects.filter(pledge__user=user, pledge__programme_year__lt=year)

    existing = pledge.commitments.count() if pledge else 0
    formset_class = commitment_formset(extra=MAX_COMMITMENTS - existing)
    data = request.POST if request.method == "POST" and not is_preview(request) else None
    limited = over_limit(request, "pledge") if data is not None else None

    if data is not None and limited is None:
        posted_for = data.get("pledge_id", "")
        if posted_for != (str(pledge.pk) if pledge else ""):
            # A second submit of a form made before the pledge existed (or was deleted):
            # saving it would make a second pledge or change the wrong one.
            messages.info(
                request,
                _(
                    "Your pledge for %(year)s had already been saved, so nothing was changed. "
                    "Here it is: check it and save again if you want to change it."
                )
                % {"year": programme_year_label(year)},
            )
            return personal(redirect(page_url(page, request)))

    sharing_form = PledgeForm(data, instance=pledge or Pledge(user=user, programme_year=year))
    formset = formset_class(
        data,
        instance=pledge or Pledge(user=user, programme_year=year),
        queryset=(pledge.commitments.order_by("position") if pledge else Commitment.objects.none()),
        prefix="commitments",
        initial=carry_over_initial(carried) if pledge is None else None,
        form_kwargs={"today": today, "carried_over": carry_choices},
    )

    if data is not None and limited is None and sharing_form.is_valid() and formset.is_valid():
        try:
            saved = save_pledge(
                user=user,
                year=year,
                pledge_form=sharing_form,
                formset=formset,
                renewed_from=previous,
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
        messages.success(
            request,
            _("Your pledge for %(year)s is saved.") % {"year": saved.year_label}
            if pledge is None
            else _("Your changes are saved."),
        )
        return personal(redirect(page_url(page, request)))

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

    response = render(
        page,
        request,
        page.get_template(request),
        {
            "registration": registration,
            "unit": localized_unit(registration, page),
            "pledge": pledge,
            "previous": previous,
            "carried": carried,
            "year_label": pledge.year_label if pledge else Pledge(programme_year=year).year_label,
            "pledge_form": sharing_form,
            "formset": formset,
            "errors": errors,
            "sign_up_url": subpage_url(page, request, "sign_up"),
            "submission_limit": limited,
        },
    )
    return refuse(response, limited) if limited else response


# The pledge wall ----------------------------------------------------------------------


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
        .select_related("user", "user__ally_registration__unit")
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
        Pledge.objects.select_related("user", "user__ally_registration__unit")
        .filter(pk=pledge_id)
        .first()
    )
    if pledge is None or not can_view_pledge(request.user, pledge):
        raise Http404(_("There is no pledge here, or it is not shared with you."))
    prefetch_related_objects([pledge], commitments_prefetch())
    units_by_key = {unit.translation_key: unit for unit in wall_units(page)}
    pledge.shown_unit = shown_unit(pledge, units_by_key)
    pledge.shown_name = display_name(pledge.user)
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


# My allyship --------------------------------------------------------------------------


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


def localized_unit(registration: AllyRegistration | None, page) -> OrganisationUnit | None:
    """The ally's unit in the page's language, where it has been translated."""
    if registration is None:
        return None
    unit = registration.unit
    if unit.locale_id != page.locale_id:
        unit = unit.get_translation_or_none(page.locale_id) or unit
    return unit


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
        },
    )


def my_data(user) -> dict:
    """Everything the programme holds about ``user``, as JSON-ready data."""
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
        "reminders_sent": [
            {"kind": reminder.kind, "for_date": reminder.for_date, "sent_at": reminder.sent_at}
            for reminder in reminders
        ],
    }


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
