"""Ally circles in the Wagtail admin: setting them up, their members and requests to join.

Circles are a snippet in the package's "Allyship" menu. Who is in a circle is personal data:
the circles and their members are for the programme's coordinators only (the snippet's
permission policy and every view here ask :func:`~wagtail_allyship.access.roles.
is_coordinator`). A coordinator places allies, takes them out, and answers their requests.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.circles import rules
from wagtail_allyship.circles.forms import PlaceAllyForm
from wagtail_allyship.circles.models import (
    AllyCircle,
    CircleMembership,
    CircleRequest,
    RequestStatus,
)
from wagtail_allyship.editing.listings import AllyshipIndexView, AllyshipSnippetViewSet
from wagtail_allyship.editing.titles import NamedInHeaderMixin
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.units.denied import forbidden


def _url(name: str, *args) -> str:
    return reverse(AllyCircle.snippet_viewset.get_url_name(name), args=args)


class CircleIndexView(AllyshipIndexView):
    """Every circle, with its number of members and a link to them."""

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            ListingButton(
                _("Members and requests"),
                url=_url("members", instance.pk),
                icon_name="group",
                priority=15,
            )
        )
        return buttons


class AllyCircleViewSet(AllyshipSnippetViewSet):
    model = AllyCircle
    icon = "group"
    menu_label = gettext_lazy("Ally circles")
    menu_name = "allyship_circles"
    index_view_class = CircleIndexView
    list_display = [
        "name",
        "unit",
        "rhythm_label",
        Column("member_count", label=gettext_lazy("Members")),
        "max_size",
        "admission",
    ]
    list_filter = ["admission", "rhythm"]
    search_fields = ["name"]
    ordering = ["name", "pk"]

    def get_queryset(self, request):
        return AllyCircle.objects.with_member_count().select_related("unit")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/members/", MembersView.as_view(), name="members"),
        ]


class MembersView(NamedInHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """One circle's members and waiting requests; place, take out, accept, decline (POST)."""

    template_name = "wagtail_allyship/circles/admin/members.html"
    header_icon = "group"
    page_title = gettext_lazy("Members and requests")

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            return forbidden(
                request, _("Only programme coordinators can see who is in an ally circle.")
            )
        self.circle = get_object_or_404(AllyCircle.objects.select_related("unit"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.circle.name

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        members = list(
            CircleMembership.objects.filter(circle=self.circle)
            .select_related("user__ally_registration__unit")
            .order_by("joined_at", "pk")
        )
        for membership in members:
            membership.name = display_name(membership.user)
        waiting = list(
            CircleRequest.objects.filter(circle=self.circle, status=RequestStatus.PENDING)
            .select_related("user")
            .order_by("asked_at", "pk")
        )
        for request in waiting:
            request.name = display_name(request.user)
        context.update(
            {
                "circle": self.circle,
                "members": members,
                "waiting": waiting,
                "places_left": self.circle.places_left(len(members)),
                "form": form or PlaceAllyForm(self.circle),
                "action_url": _url("members", self.circle.pk),
                "edit_url": _url("edit", self.circle.pk),
            }
        )
        return context

    def post(self, request, pk):
        action = request.POST.get("action")
        try:
            if action == "place":
                form = PlaceAllyForm(self.circle, request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                rules.place(self.circle.pk, form.cleaned_data["ally"])
                messages.success(request, _("The ally is now a member of the circle."))
            elif action in ("accept", "decline"):
                self._answer(request, action == "accept")
            elif action == "remove":
                self._remove(request)
            else:
                messages.error(request, _("Nothing was changed: choose what to do."))
        except rules.CircleRefused as refusal:
            messages.error(request, refusal.message)
        return redirect(_url("members", self.circle.pk))

    def _request_id(self, request) -> int:
        value = str(request.POST.get("request", ""))
        if not value.isdigit() or len(value) > 18:
            raise rules.CircleRefused(_("There is no such request."))
        if not CircleRequest.objects.filter(pk=int(value), circle=self.circle).exists():
            raise rules.CircleRefused(_("There is no such request."))
        return int(value)

    def _answer(self, request, accept: bool) -> None:
        rules.answer(self._request_id(request), accept)
        if accept:
            messages.success(request, _("Request accepted: the ally is now a member."))
        else:
            messages.success(request, _("Request declined."))

    def _remove(self, request) -> None:
        value = str(request.POST.get("member", ""))
        membership = (
            CircleMembership.objects.filter(circle=self.circle, pk=int(value))
            .select_related("user")
            .first()
            if value.isdigit() and len(value) < 19
            else None
        )
        if membership is None:
            raise rules.CircleRefused(_("This person is not a member of the circle."))
        rules.leave(self.circle.pk, membership.user)
        messages.success(
            request,
            _("%(name)s is no longer a member of the circle.")
            % {"name": display_name(membership.user)},
        )


# Deleting a circle ------------------------------------------------------------------------


def refuse_deleting_circles_in_use(request, instances):
    """Refuse to delete a circle that has members or meetings.

    Deleting would take people out of a group without a word, and leave its meetings open to
    everyone; the coordinator takes the members out first (each of them then sees the circle
    gone from "My allyship") and deletes or cancels the meetings.
    """
    circles = [instance for instance in instances if isinstance(instance, AllyCircle)]
    if not circles:
        return None
    in_use = AllyCircle.objects.filter(pk__in=[circle.pk for circle in circles]).filter(
        Q(memberships__isnull=False) | Q(meetings__isnull=False)
    )
    refused = list(in_use.distinct())
    if not refused:
        return None
    for circle in refused:
        messages.error(
            request,
            _(
                "“%(circle)s” cannot be deleted: it still has members or meetings. Take its "
                "members out and remove its meetings from the session sign-ups first."
            )
            % {"circle": circle.name},
        )
    return redirect(_url("list"))
