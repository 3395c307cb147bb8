"""Signing up as an ally, or changing one's unit, role, consent or status."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail_allyship.access.rate_limits import over_limit, refuse
from wagtail_allyship.content.responses import error_summary, login_redirect, page_url, personal
from wagtail_allyship.pledges.forms import SignUpForm
from wagtail_allyship.pledges.pages import PledgePage
from wagtail_allyship.pledges.views.common import render
from wagtail_allyship.registry.models import AllyRegistration


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
