"""The ally's photo page (upload, consent, removal) and the guarded addresses of the photos.

A photo is never linked from the storage: each of its files is served here, after the same
question every time (:func:`may_see`): the ally himself, a coordinator, or, once approved,
anyone logged in who may see the published pledge.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail_allyship.access.personal import personal_data_refusal
from wagtail_allyship.access.rate_limits import over_limit, refuse
from wagtail_allyship.content.responses import (
    error_summary,
    login_redirect,
    page_url,
    personal,
    subpage_url,
)
from wagtail_allyship.pledges.models import Pledge, can_view_pledge, current_programme_year
from wagtail_allyship.pledges.photos.forms import SignPhotoForm
from wagtail_allyship.pledges.photos.models import SignPhoto, photo_storage
from wagtail_allyship.pledges.photos.store import remove_photo, save_photo
from wagtail_allyship.pledges.views.common import render

NOT_HERE = "There is no photo here, or it is not shared with you."


def this_years_pledge(user) -> Pledge:
    pledge = (
        Pledge.objects.filter(user=user, programme_year=current_programme_year())
        .select_related("sign_photo")
        .first()
    )
    if pledge is None:
        raise Http404(_("You have no pledge for this year yet."))
    return pledge


def photo_of(pledge: Pledge) -> SignPhoto | None:
    return getattr(pledge, "sign_photo", None)


def may_see(user, photo: SignPhoto, pledge: Pledge) -> bool:
    """The one rule for every file of a photo."""
    if not user.is_authenticated:
        return False
    if pledge.user_id == user.pk or personal_data_refusal(user, SignPhoto) is None:
        return True
    return photo.is_approved and pledge.is_published and can_view_pledge(user, pledge)


def serve(field) -> HttpResponse:
    """One file of a photo, kept out of shared caches."""
    if not field:
        raise Http404(_(NOT_HERE))
    response = FileResponse(photo_storage().open(field.name, "rb"), content_type="image/jpeg")
    return personal(response)


def sign_photo(page, request) -> HttpResponse:
    """The ally's photo with his sign: its state, the upload form and the way to remove it."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    pledge = this_years_pledge(request.user)
    form = SignPhotoForm()
    limited = over_limit(request, "sign_photo")
    if request.method == "POST" and limited is None:
        form = SignPhotoForm(request.POST, request.FILES)
        if form.is_valid():
            save_photo(pledge, form.processed)
            messages.success(
                request,
                _("Thank you. Your photo is waiting for a coordinator's approval."),
            )
            return personal(redirect(subpage_url(page, request, "sign_photo")))
    photo = photo_of(pledge)
    response = render(
        page,
        request,
        "wagtail_allyship/pledges/sign_photo.html",
        {
            "pledge": pledge,
            "photo": photo,
            "form": form,
            "errors": error_summary(("", form)),
            "image_url": subpage_url(page, request, "sign_photo_image") if photo else "",
            "remove_url": subpage_url(page, request, "sign_photo_remove"),
            "sign_url": subpage_url(page, request, "pledge_sign"),
            "back_url": page_url(page, request),
            "submission_limit": limited,
        },
    )
    if form.is_bound:
        response.status_code = 400
    return refuse(response, limited) if limited else response


def remove_sign_photo(page, request) -> HttpResponse:
    """Withdraw consent: the photo is removed from the wall, the queue and the storage."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if remove_photo(this_years_pledge(request.user)):
        messages.success(request, _("Your photo has been removed everywhere."))
    return personal(redirect(subpage_url(page, request, "sign_photo")))


def sign_photo_image(page, request) -> HttpResponse:
    """The ally's own photo, whatever its state."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    photo = photo_of(this_years_pledge(request.user))
    if photo is None:
        raise Http404(_(NOT_HERE))
    return serve(photo.wall_image)


def wall_photo(page, request, pledge_id: int) -> HttpResponse:
    """The wall's version of an approved photo, for those who may see the pledge."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    pledge = (
        Pledge.objects.select_related("user__ally_registration", "sign_photo")
        .filter(pk=pledge_id)
        .first()
    )
    photo = pledge and photo_of(pledge)
    if photo is None or not may_see(request.user, photo, pledge):
        raise Http404(_(NOT_HERE))
    return serve(photo.wall_image)
