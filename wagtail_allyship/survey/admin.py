"""Survey results in the Wagtail admin, shown only in aggregate and only to coordinators.

The results page and its CSV file are built from :mod:`wagtail_allyship.survey_results`: the
counts and means of the survey and of every translation of it, overall and per unit, with
groups smaller than ``SURVEY_MIN_GROUP_SIZE`` held back. The CSV file holds no written
answers. Coordinators reach them from *Reports › Survey results*, which lists every survey,
and from a "Survey results" button on survey pages.
"""

from __future__ import annotations

import csv

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.urls import path, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.exports.audit import log_export
from wagtail_allyship.exports.spreadsheets import neutralise
from wagtail_allyship.survey.models import FeedbackSurveyPage, SurveyResponse
from wagtail_allyship.survey.results import survey_results
from wagtail_allyship.survey.tally import SurveyResults


class CoordinatorsOnlyMixin:
    """Refuse anyone who is not a coordinator with a 403.

    The refusal is a real 403 rather than Wagtail's usual redirect to the dashboard, so that
    scripts and monitoring see it for what it is; it says nothing about the survey.
    """

    refused = False

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            return self.refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, request):
        return HttpResponseForbidden(
            _("Only programme coordinators can see survey results."),
            content_type="text/plain; charset=utf-8",
        )


class CoordinatorsOnlyAdminPageMixin(CoordinatorsOnlyMixin, WagtailAdminTemplateMixin):
    """The same, as a Wagtail admin page."""

    header_icon = "table"

    def refuse(self, request):
        self.refused = True
        self.template_name = "wagtail_allyship/survey/admin/results.html"
        self.page_title = _("Permission denied")
        return self.render_to_response(
            {**WagtailAdminTemplateMixin.get_context_data(self), "refused": True}, status=403
        )


class SurveyPageMixin:
    """404 unless ``page_id`` is a survey."""

    @cached_property
    def page(self) -> FeedbackSurveyPage:
        page = FeedbackSurveyPage.objects.filter(pk=self.kwargs["page_id"]).first()
        if page is None:
            raise Http404(_("There is no survey with this number."))
        return page

    @cached_property
    def results(self) -> SurveyResults:
        return survey_results(self.page)


class SurveyIndexView(CoordinatorsOnlyAdminPageMixin, TemplateView):
    """Every survey (once, whatever its translations) with its number of responses."""

    template_name = "wagtail_allyship/survey/admin/index.html"
    page_title = gettext_lazy("Survey results")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default_locale = Locale.get_default()
        surveys: dict = {}
        for page in FeedbackSurveyPage.objects.select_related("locale").order_by("title", "pk"):
            entry = surveys.setdefault(page.translation_key, {"page": page, "languages": []})
            entry["languages"].append(page.locale.get_display_name())
            if page.locale_id == default_locale.pk and entry["page"].locale_id != page.locale_id:
                entry["page"] = page
        counts = dict(
            SurveyResponse.objects.values_list("page__translation_key")
            .annotate(number=Count("pk"))
            .order_by()
        )
        rows = [
            {
                **entry,
                "responses": counts.get(key, 0),
                "url": reverse("wagtail_allyship_survey_results", args=[entry["page"].pk]),
            }
            for key, entry in surveys.items()
        ]
        rows.sort(key=lambda row: (row["page"].title.casefold(), row["page"].pk))
        context["surveys"] = rows
        return context


class SurveyResultsView(CoordinatorsOnlyAdminPageMixin, SurveyPageMixin, TemplateView):
    """Counts and means per question, overall and per unit; written answers overall only."""

    template_name = "wagtail_allyship/survey/admin/results.html"
    page_title = gettext_lazy("Survey results")

    def get_page_subtitle(self):
        return "" if self.refused else self.page.title

    def get_breadcrumbs_items(self):
        if self.refused:
            return super().get_breadcrumbs_items()
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtail_allyship_surveys"), "label": self.page_title},
            {"url": "", "label": self.page.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_edit = self.page.permissions_for_user(self.request.user).can_edit()
        context.update(
            {
                "page": self.page,
                "results": self.results,
                "sections": self.results.sections,
                "csv_url": reverse("wagtail_allyship_survey_results_csv", args=[self.page.pk]),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk])
                if can_edit
                else None,
            }
        )
        return context


def csv_rows(results: SurveyResults) -> list[list]:
    """The aggregated results as rows: question, group, responses, answer, count or mean.

    Written answers are left out: the file only says how many there were overall. Every
    text cell is neutralised so that no label or unit name can run as a spreadsheet formula.
    """
    too_small = _("Fewer than %(number)d responses: not shown") % {"number": results.min_group_size}
    rows = [[_("Question"), _("Group"), _("Responses"), _("Answer"), _("Count or mean")]]
    for section in results.sections:
        label = section.question.label
        for row in section.rows:
            group, tally = row.group, row.tally
            if tally is None:
                rows.append([label, group.name, "", too_small, ""])
                continue
            if section.question.is_text:
                rows.append([label, group.name, group.size, _("Written answers"), tally.answered])
                continue
            for count in tally.counts:
                rows.append([label, group.name, group.size, count.value, count.number])
            if tally.mean is not None:
                rows.append([label, group.name, group.size, _("Mean"), round(tally.mean, 2)])
    return [[neutralise(cell) for cell in row] for row in rows]


class SurveyResultsCSVView(CoordinatorsOnlyMixin, SurveyPageMixin, View):
    """The aggregated results as a CSV file (with a byte-order mark, for spreadsheet programs).

    Each download is recorded in the audit log (see :mod:`wagtail_allyship.audit`).
    """

    def get(self, request, *args, **kwargs):
        rows = csv_rows(self.results)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"survey-results-{slugify(self.page.slug) or self.page.pk}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")
        csv.writer(response).writerows(rows)
        with translation.override(settings.LANGUAGE_CODE):
            title = _("Results of the survey “%(survey)s”") % {"survey": self.page.title}
        log_export(
            request.user,
            model=SurveyResponse,
            title=title,
            export_format="csv",
            rows=len(rows) - 1,  # without the heading
            extra={"page_id": self.page.pk},
        )
        return response


def admin_urls() -> list:
    return [
        path("allyship/survey/", SurveyIndexView.as_view(), name="wagtail_allyship_surveys"),
        path(
            "allyship/survey/<int:page_id>/results/",
            SurveyResultsView.as_view(),
            name="wagtail_allyship_survey_results",
        ),
        path(
            "allyship/survey/<int:page_id>/results.csv",
            SurveyResultsCSVView.as_view(),
            name="wagtail_allyship_survey_results_csv",
        ),
    ]


class SurveyResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


def survey_results_menu_item() -> MenuItem:
    return SurveyResultsMenuItem(
        gettext_lazy("Survey results"),
        reverse("wagtail_allyship_surveys"),
        name="allyship-survey-results",
        icon_name="table",
        order=910,
    )


def _results_button(page, user):
    """'Survey results' on a survey page, for coordinators."""
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, FeedbackSurveyPage):
        return None
    if not is_coordinator(user):
        return None
    return wagtailadmin_widgets.Button(
        _("Survey results"),
        reverse("wagtail_allyship_survey_results", args=[page.pk]),
        icon_name="table",
        priority=60,
    )


def survey_header_buttons(page, user, view_name=None, next_url=None):
    button = _results_button(page, user)
    if button is not None:
        yield button


def survey_listing_more_buttons(page, user, next_url=None):
    button = _results_button(page, user)
    if button is not None:
        yield button


def hide_survey_responses(user, queryset):
    """Survey answers are read only in aggregate, never one by one in Wagtail's form listing."""
    return queryset.not_type(FeedbackSurveyPage)
