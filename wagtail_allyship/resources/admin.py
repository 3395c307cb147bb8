"""Admin views of the resource hub: the flat list of resources and the review report."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.exports.reports import ReportField, SpreadsheetReportView
from wagtail_allyship.exports.spreadsheets import SafeSpreadsheetMixin
from wagtail_allyship.resources.models import ResourcePage, overdue_resources
from wagtail_allyship.search.safe import SearchErrorMixin


class ReviewDateColumn(Column):
    """The review date, with an 'overdue' flag once it has passed."""

    cell_template_name = "wagtail_allyship/resources/admin/review_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        review_date = getattr(instance, "review_date", None)
        context["review_date"] = review_date
        context["overdue"] = bool(review_date and review_date < timezone.localdate())
        return context


class ResourceFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Review overdue"),
        method="filter_overdue",
        widget=django_filters.widgets.BooleanWidget,
    )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        if value:
            return queryset.filter(review_date__lt=today)
        return queryset.exclude(review_date__lt=today)

    class Meta:
        model = ResourcePage
        fields = ["locale", "resource_type", "audience", "live"]


#: Wagtail's own columns of a page listing: ``base_columns`` since Wagtail 7.1, ``columns``
#: (a plain list) before.
_PAGE_COLUMNS = getattr(PageIndexView, "base_columns", None) or PageIndexView.columns


class ResourceIndexView(SafeSpreadsheetMixin, SearchErrorMixin, PageIndexView):
    columns = [
        *[column for column in _PAGE_COLUMNS if column.name != "type"],
        ReviewDateColumn("review_date", label=_("Review by"), sort_key="review_date", width="14%"),
    ]


class ResourceListingViewSet(PageListingViewSet):
    """All resources of every hub in one list, with the review date of each."""

    model = ResourcePage
    index_view_class = ResourceIndexView
    icon = "doc-full-inverse"
    menu_label = _("Resources")
    menu_order = 250
    add_to_admin_menu = True
    name = "allyship-resources"
    filterset_class = ResourceFilterSet
    columns = ResourceIndexView.columns


class ResourcesDueForReviewView(SpreadsheetReportView):
    """The coordinator's list of resources whose review date has passed, oldest first."""

    page_title = _("Resources due for review")
    header_icon = "date"
    index_url_name = "wagtail_allyship_resources_review"
    index_results_url_name = "wagtail_allyship_resources_review_results"
    filename_prefix = "resources-due-for-review"
    export_log_model = ResourcePage
    fields = [
        ReportField(
            "title",
            _("Resource"),
            column=TitleColumn("title", label=_("Resource"), url_name="wagtailadmin_pages:edit"),
        ),
        ReportField(
            "review_date", _("Review by"), column=DateColumn("review_date", label=_("Review by"))
        ),
        ReportField("owner_unit_name", _("Owner")),
        ReportField(
            "language",
            _("Language"),
            accessor="locale.get_display_name",
            in_export=False,
        ),
        ReportField("url", _("Address"), in_table=False),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def user_may_see(user) -> bool:
        """Coordinators, and editors who may change resource pages."""
        if is_coordinator(user):
            return True
        return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])

    def user_has_permission(self, permission):
        return self.user_may_see(self.request.user)

    def get_queryset(self):
        return overdue_resources()


class ResourcesDueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return ResourcesDueForReviewView.user_may_see(request.user)


def resources_review_menu_item() -> MenuItem:
    return ResourcesDueForReviewMenuItem(
        _("Resources due for review"),
        reverse("wagtail_allyship_resources_review"),
        name="allyship-resources-review",
        icon_name="date",
        order=900,
    )


def admin_urls() -> list:
    return [
        path(
            "reports/allyship-resources-review/",
            ResourcesDueForReviewView.as_view(),
            name="wagtail_allyship_resources_review",
        ),
        path(
            "reports/allyship-resources-review/results/",
            ResourcesDueForReviewView.as_view(results_only=True),
            name="wagtail_allyship_resources_review_results",
        ),
    ]
