"""Sessions in the Wagtail admin: sign-up settings, the list of sign-ups, attendance.

Editors with permissions on session sign-ups set up places, closing times and how a session
is held, and see how many places are taken; changing the places moves people up or down the
waiting list (and tells them). Local editors change only the sessions of their own units.
Who signed up is personal data: the list of sign-ups, its export and the marking of
attendance are for the programme's coordinators, and for a session's organisers (see
:mod:`wagtail_allyship.sessions.organisers`), who see the names on it and no email.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import CreateView

from wagtail_allyship.calendar.models import AwarenessDate
from wagtail_allyship.editing.listings import AllyshipIndexView, AllyshipSnippetViewSet
from wagtail_allyship.editing.titles import NamedInHeaderMixin
from wagtail_allyship.exports.reports import ReportField, SpreadsheetReportView
from wagtail_allyship.registry.models import display_name
from wagtail_allyship.sessions import places
from wagtail_allyship.sessions.models import SessionRegistration, SessionSignup, SignupStatus
from wagtail_allyship.sessions.organisers import (
    may_read_details,
    may_read_names,
    signup_policy,
)
from wagtail_allyship.sessions.states import ordinal, waiting_position
from wagtail_allyship.units.denied import (
    UnitScopedEditView,
    UnitScopedIndexMixin,
    UnitScopedViewSetMixin,
    forbidden,
)
from wagtail_allyship.units.rights import limit_unit_choices, register_policy

register_policy(SessionSignup, signup_policy)

#: Called with ``(request, signup)`` after attendance is saved (session feedback invites).
ATTENDANCE_MARKED_HOOK = "after_allyship_attendance_marked"


def _url(name: str, *args) -> str:
    return reverse(SessionSignup.snippet_viewset.get_url_name(name), args=args)


# Sign-up settings -------------------------------------------------------------------------


class RebalanceMixin:
    """After the places change, move people up or down the waiting list in the same transaction.

    The emails that tell them are queued in that transaction and sent by the background
    workers once it commits (:mod:`wagtail_allyship.sessions.notices`).
    """

    def save_instance(self):
        instance = super().save_instance()
        down, up = places.rebalance(instance.pk)
        self.moved = (down, up)
        return instance

    def form_valid(self, form):
        response = super().form_valid(form)
        down, up = getattr(self, "moved", ([], []))
        if down:
            messages.warning(
                self.request,
                ngettext(
                    "%(count)d person moved to the waiting list; an email tells them so.",
                    "%(count)d people moved to the waiting list; an email tells each of them so.",
                    len(down),
                )
                % {"count": len(down)},
            )
        if up:
            messages.success(
                self.request,
                ngettext(
                    "%(count)d person moved up from the waiting list; an email tells them so.",
                    "%(count)d people moved up from the waiting list; "
                    "an email tells each of them so.",
                    len(up),
                )
                % {"count": len(up)},
            )
        return response


class SignupCreateView(RebalanceMixin, CreateView):
    pass


class SignupEditView(RebalanceMixin, UnitScopedEditView):
    pass


class SessionSignupForm(WagtailAdminModelForm):
    """Offers a local editor only their own units as the session's organiser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_unit_choices(self.fields.get("unit"), self.for_user)


class SignupIndexView(UnitScopedIndexMixin, AllyshipIndexView):
    """The organisers' list: every session that takes sign-ups, with its counts."""

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if may_read_names(self.request.user, instance):
            buttons.append(
                ListingButton(
                    _("Sign-ups and attendance"),
                    url=_url("registrations", instance.pk),
                    icon_name="group",
                    priority=15,
                )
            )
        if not instance.is_cancelled and not instance.has_ended() and self._may("change", instance):
            buttons.append(
                ListingButton(
                    _("Cancel the session"),
                    url=_url("cancel", instance.pk),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons


class SessionSignupViewSet(UnitScopedViewSetMixin, AllyshipSnippetViewSet):
    model = SessionSignup
    unit_policy = signup_policy
    icon = "calendar-check"
    menu_label = gettext_lazy("Session sign-ups")
    menu_name = "allyship_session_signups"
    index_view_class = SignupIndexView
    add_view_class = SignupCreateView
    edit_view_class = SignupEditView
    list_display = [
        "entry",
        "schedule",
        "mode",
        "places",
        Column("places_taken", label=gettext_lazy("Places taken")),
        Column("waiting", label=gettext_lazy("Waiting")),
        Column("attended", label=gettext_lazy("Attended")),
        "status_label",
    ]
    list_filter = ["mode", "unit"]
    search_fields = ["entry__title"]
    edit_handler = ObjectList(SessionSignup.panels, base_form_class=SessionSignupForm)
    ordering = ["-entry__starts_at", "pk"]
    list_per_page = 50

    def get_queryset(self, request):
        return SessionSignup.objects.with_counts().select_related("entry", "entry__locale")

    @property
    def registrations_view(self):
        return SessionRegistrationsView.as_view()

    @property
    def registrations_results_view(self):
        return SessionRegistrationsView.as_view(results_only=True)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/sign-ups/", self.registrations_view, name="registrations"),
            path(
                "<int:pk>/sign-ups/results/",
                self.registrations_results_view,
                name="registrations_results",
            ),
            path("<int:pk>/attendance/", AttendanceView.as_view(), name="attendance"),
            path("<int:pk>/cancel/", CancelSessionView.as_view(), name="cancel"),
        ]


# Who signed up, and who attended ---------------------------------------------------------


class OrganisersOnly:
    """For the session's organisers and the programme's coordinators; 403 for anyone else.

    The package's middleware lets these views through to ask the question themselves, per
    session (see :data:`wagtail_allyship.access.personal.ORGANISER_GUARD`).
    """

    guards_organisers_records = True

    def dispatch(self, request, *args, **kwargs):
        signup = get_object_or_404(
            SessionSignup.objects.select_related("entry", "unit"), pk=kwargs["pk"]
        )
        if not may_read_names(request.user, signup):
            return forbidden(
                request,
                _(
                    "Only the session's organisers and the programme's coordinators can see "
                    "who signed up for it."
                ),
            )
        self.signup = signup
        return super().dispatch(request, *args, **kwargs)


class AttendedColumn(Column):
    """A checkbox per person with a place, for marking attendance in one go."""

    cell_template_name = "wagtail_allyship/sessions/admin/attended_cell.html"


class SessionRegistrationsView(OrganisersOnly, SpreadsheetReportView):
    """Everyone who signed up for one session: place or turn, and whether they attended."""

    template_name = "wagtail_allyship/sessions/admin/registrations.html"
    results_template_name = "wagtail_allyship/sessions/admin/registrations_results.html"
    header_icon = "group"
    page_title = gettext_lazy("Sign-ups")
    paginate_by = 100
    model = SessionRegistration
    export_log_model = SessionRegistration
    fields = [
        ReportField("name", gettext_lazy("Name")),
        ReportField("email", gettext_lazy("Email")),
        ReportField("status_label", gettext_lazy("Status")),
        ReportField("signed_up", gettext_lazy("Signed up")),
        ReportField(
            "attended_box",
            gettext_lazy("Attended"),
            column=AttendedColumn("attended_box", label=gettext_lazy("Attended")),
            in_export=False,
        ),
        ReportField("attended_label", gettext_lazy("Attended"), in_table=False),
    ]

    def setup(self, request, *args, **kwargs):
        """Organisers get the names, status and attendance: no email column, none exported."""
        super().setup(request, *args, **kwargs)
        if not may_read_details(request.user):
            self.list_export = [name for name in self.list_export if name != "email"]
            self.columns = [column for column in self.columns if column.name != "email"]

    @property
    def index_url_name(self):
        return SessionSignup.snippet_viewset.get_url_name("registrations")

    @property
    def index_results_url_name(self):
        return SessionSignup.snippet_viewset.get_url_name("registrations_results")

    def get_index_url(self):
        return _url("registrations", self.signup.pk)

    def get_index_results_url(self):
        return _url("registrations_results", self.signup.pk)

    @property
    def filename_prefix(self):
        return f"allyship-session-{self.signup.pk}"

    def get_page_subtitle(self):
        return f"{self.signup.entry} ({self.signup.entry.schedule()})"

    def get_export_log_title(self):
        return _("Sign-ups for “%(session)s”") % {"session": self.signup.entry}

    def get_queryset(self):
        return (
            SessionRegistration.objects.filter(signup=self.signup)
            .exclude(status=SignupStatus.CANCELLED)
            .select_related("user")
            .annotate(position=waiting_position())
            .order_by("-status", "queued_at", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        for registration in object_list:
            describe(registration)
        return object_list

    def as_spreadsheet(self, queryset, spreadsheet_format):
        for registration in queryset:
            describe(registration)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "signup": self.signup,
                "attendance_url": _url("attendance", self.signup.pk),
                "can_mark": self.signup.entry.starts_at is None
                or self.signup.entry.starts_at <= timezone.now(),
            }
        )
        return context


def describe(registration: SessionRegistration) -> SessionRegistration:
    """Give a registration the labels its row shows (no queries)."""
    registration.name = display_name(registration.user)
    registration.email = registration.user.email
    if registration.is_waiting:
        registration.status_label = _("Waiting list (%(position)s)") % {
            "position": ordinal(registration.position)
        }
    else:
        registration.status_label = registration.get_status_display()
    registration.signed_up = timezone.localtime(registration.queued_at)
    registration.attended_label = {True: _("yes"), False: _("no")}.get(registration.attended, "")
    registration.attended_box = registration.attended
    return registration


class AttendanceView(OrganisersOnly, NamedInHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """Mark, in one go, who of the people with a place attended (from the sign-ups list)."""

    http_method_names = ["get", "post"]

    def get(self, request, pk):
        # The form is on the sign-ups list; an address typed or bookmarked leads there.
        return redirect(_url("registrations", pk))

    def post(self, request, pk):
        signup = self.signup
        back = _url("registrations", pk)
        if signup.entry.starts_at and signup.entry.starts_at > timezone.now():
            messages.error(request, _("Attendance can be marked once the session has started."))
            return redirect(back)
        shown = _ids(request.POST.getlist("shown"))
        attended = _ids(request.POST.getlist("attended")) & shown
        with_place = SessionRegistration.objects.filter(
            signup=signup, status=SignupStatus.PLACE, pk__in=shown
        )
        marked = with_place.filter(pk__in=attended).update(attended=True)
        with_place.exclude(pk__in=attended).update(attended=False)
        for after_marking in hooks.get_hooks(ATTENDANCE_MARKED_HOOK):
            after_marking(request, signup)
        messages.success(
            request,
            ngettext(
                "Attendance saved: %(count)d person attended.",
                "Attendance saved: %(count)d people attended.",
                marked,
            )
            % {"count": marked},
        )
        return redirect(back)


def _ids(values) -> set[int]:
    """The whole numbers among ``values``; anything else (a tampered form) is left out."""
    return {int(value) for value in values if str(value).isdigit() and len(str(value)) < 19}


class CancelSessionView(NamedInHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """Ask, then cancel a session: everyone signed up is told and their files cancel it."""

    template_name = "wagtail_allyship/sessions/admin/cancel.html"
    page_title = gettext_lazy("Cancel the session")
    header_icon = "cross"

    def dispatch(self, request, *args, **kwargs):
        self.signup = get_object_or_404(
            SessionSignup.objects.with_counts().select_related("entry"), pk=kwargs["pk"]
        )
        if not signup_policy.user_has_permission_for_instance(request.user, "change", self.signup):
            return forbidden(request, _("You may not change this session."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"signup": self.signup, "list_url": _url("list")})
        return context

    def post(self, request, pk):
        told = places.cancel_session(self.signup.pk)
        messages.success(
            request,
            ngettext(
                "The session is cancelled; an email tells the %(count)d person signed up.",
                "The session is cancelled; an email tells each of the %(count)d people signed up.",
                len(told),
            )
            % {"count": len(told)},
        )
        return redirect(_url("list"))


# Deleting a session that people signed up for ---------------------------------------


def refuse_deleting_sessions_with_signups(request, instances):
    """Refuse to delete a session (or its calendar entry) once people have signed up for it.

    Cancelling tells them and cancels the entry in their calendars; deleting would do
    neither, and would lose the record of who attended.
    """
    signups = SessionSignup.objects.filter(
        Exists(SessionRegistration.objects.filter(signup=OuterRef("pk")))
    ).select_related("entry")
    refused = [
        signup
        for signup in signups
        for instance in instances
        if (isinstance(instance, SessionSignup) and instance.pk == signup.pk)
        or (isinstance(instance, AwarenessDate) and instance.pk == signup.entry_id)
    ]
    if not refused:
        return None
    for signup in refused:
        messages.error(
            request,
            _(
                "“%(session)s” cannot be deleted: people have signed up for it. Cancel it "
                "instead, so that they are told and their calendars updated; the record of "
                "who attended is kept."
            )
            % {"session": signup.entry},
        )
    return redirect(_url("list"))
