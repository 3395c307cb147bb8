"""A session's feedback in the admin: its answers in aggregate, for its organisers.

The results page shows how many attendees answered and, once at least the smallest group
shown (the survey's ``SURVEY_MIN_GROUP_SIZE``) have, the answers of everyone together: the
spread and mean of the scale, the share of each choice, the written answers in alphabetical
order. It is open to the programme's coordinators and to the session's organisers
(:mod:`wagtail_allyship.sessions.organisers`); nobody reads an answer one by one.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.editing.titles import NamedInHeaderMixin
from wagtail_allyship.session_feedback import answers, questions
from wagtail_allyship.sessions.models import SessionSignup, SignupStatus
from wagtail_allyship.sessions.organisers import organises
from wagtail_allyship.units.denied import forbidden

URL_NAME = "wagtail_allyship_session_feedback"


def may_see_results(user, signup: SessionSignup) -> bool:
    return is_coordinator(user) or organises(user, signup)


class SessionFeedbackResultsView(NamedInHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """One session's feedback in aggregate."""

    template_name = "wagtail_allyship/session_feedback/admin/results.html"
    page_title = gettext_lazy("Session feedback")
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        self.signup = get_object_or_404(
            SessionSignup.objects.select_related("entry", "unit").annotate(
                attended_count=Count(
                    "registrations",
                    filter=Q(
                        registrations__attended=True,
                        registrations__status=SignupStatus.PLACE,
                    ),
                )
            ),
            pk=kwargs["pk"],
        )
        if not may_see_results(request.user, self.signup):
            return forbidden(
                request,
                _(
                    "Only the session's organisers and the programme's coordinators see its "
                    "feedback."
                ),
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.signup.entry} ({self.signup.entry.schedule()})"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = answers.results(self.signup)
        sections = results.sections
        for section in sections:
            tally = results.overall.tally_for(section.question)
            section.tally = tally
            section.lines = [
                (
                    questions.choice_label(count.value)
                    if section.question.is_choice
                    else count.value,
                    count,
                )
                for count in (tally.counts if tally is not None else [])
            ]
        context.update(
            {
                "signup": self.signup,
                "results": results,
                "sections": sections,
                "attended": self.signup.attended_count,
                "list_url": reverse(SessionSignup.snippet_viewset.get_url_name("list")),
            }
        )
        return context


def admin_urls() -> list:
    return [
        path(
            "allyship/session-feedback/<int:pk>/",
            SessionFeedbackResultsView.as_view(),
            name=URL_NAME,
        )
    ]


def results_button(snippet, user, next_url=None) -> list:
    """ "Feedback" in a session's menu, for its organisers, once the session has started."""
    if not isinstance(snippet, SessionSignup) or snippet.is_cancelled:
        return []
    start = snippet.entry.starts_at
    if start is None or not snippet.has_ended() or not may_see_results(user, snippet):
        return []
    return [
        ListingButton(
            _("Feedback"),
            url=reverse(URL_NAME, args=[snippet.pk]),
            icon_name="form",
            priority=17,
        )
    ]
