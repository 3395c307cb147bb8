"""The coordinators' queue of photos to approve, in Wagtail's admin.

A listing in the shape of Wagtail's reports (a header, a filter by state, a paginated table)
with an approve and a refuse button on each photo waiting. Only coordinators reach it, and
the photos themselves are served to them by :func:`photo_image`, behind the same guard.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_allyship.access.personal import personal_data_refusal
from wagtail_allyship.pledges.photos.models import PhotoStatus, SignPhoto
from wagtail_allyship.pledges.photos.store import review
from wagtail_allyship.pledges.photos.views import serve
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.units.denied import forbidden

QUEUE_URL = "wagtail_allyship_signphoto"
PER_PAGE = 20


def refusal(request) -> HttpResponse | None:
    reason = personal_data_refusal(request.user, SignPhoto)
    return forbidden(request, reason) if reason else None


class PhotoQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Photos waiting for approval (or, filtered, those approved and refused)."""

    template_name = "wagtail_allyship/pledges/admin/photo_queue.html"
    page_title = gettext_lazy("Pledge photos to approve")
    header_icon = "image"

    def dispatch(self, request, *args, **kwargs):
        return refusal(request) or super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def chosen_status(self) -> str:
        wanted = self.request.GET.get("status", PhotoStatus.PENDING)
        return wanted if wanted in PhotoStatus.values else PhotoStatus.PENDING

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.chosen_status()
        photos = (
            SignPhoto.objects.filter(status=status)
            .select_related("pledge__user", "pledge__user__ally_registration__unit", "reviewed_by")
            .order_by("uploaded_at", "pk")
        )
        page = Paginator(photos, PER_PAGE).get_page(self.request.GET.get("p"))
        rows = list(page.object_list)
        for photo in rows:
            photo.ally_name = display_name(photo.pledge.user)
            registration = getattr(photo.pledge.user, "ally_registration", None)
            photo.unit_name = registration.unit.name if registration else ""
            photo.image_url = reverse(f"{QUEUE_URL}_image", args=[photo.pk])
            photo.review_url = reverse(f"{QUEUE_URL}_review", args=[photo.pk])
        context.update(
            {
                "photos": rows,
                "page_obj": page,
                "status": status,
                "statuses": PhotoStatus.choices,
                "queue_url": reverse(QUEUE_URL),
            }
        )
        return context


def review_photo(request, pk: int) -> HttpResponse:
    """Approve or refuse one waiting photo (POST); a second click changes nothing."""
    denied = refusal(request)
    if denied:
        return denied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    action = request.POST.get("action")
    if action not in ("approve", "reject"):
        messages.error(request, _("Choose whether to approve or refuse the photo."))
        return redirect(QUEUE_URL)
    photo = review(pk, approve=action == "approve", reviewer=request.user)
    if photo is None:
        messages.warning(
            request, _("This photo is no longer waiting: it was reviewed or removed meanwhile.")
        )
    elif action == "approve":
        messages.success(request, _("The photo is approved and shown on the pledge wall."))
    else:
        messages.success(request, _("The photo is refused and has been deleted."))
    return redirect(QUEUE_URL)


def photo_image(request, pk: int) -> HttpResponse:
    """The wall version of any photo, for coordinators reviewing it."""
    denied = refusal(request)
    if denied:
        return denied
    photo = SignPhoto.objects.filter(pk=pk).first()
    return serve(photo.wall_image if photo else None)


def admin_urls() -> list:
    return [
        path("allyship/sign-photos/", PhotoQueueView.as_view(), name=QUEUE_URL),
        path("allyship/sign-photos/<int:pk>/review/", review_photo, name=f"{QUEUE_URL}_review"),
        path("allyship/sign-photos/<int:pk>/image/", photo_image, name=f"{QUEUE_URL}_image"),
    ]


class PhotoQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return personal_data_refusal(request.user, SignPhoto) is None


def photo_queue_menu_item() -> MenuItem:
    return PhotoQueueMenuItem(
        gettext_lazy("Pledge photos to approve"),
        reverse(QUEUE_URL),
        name="allyship-sign-photos",
        icon_name="image",
        order=950,
    )
