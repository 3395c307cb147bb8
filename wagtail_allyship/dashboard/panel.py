"""The coordinator's panel on the Wagtail admin home page: headline figures, each a link."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from wagtail_allyship.dashboard import accountability, deliveries, figures
from wagtail_allyship.dashboard import feedback as feedback_figures
from wagtail_allyship.dashboard import sessions as session_figures
from wagtail_allyship.dashboard.views import (
    AlliesPerUnitView,
    MissingAnnualUpdatesView,
    OverdueCommitmentsView,
    ReminderEmailsView,
    SurveyResponsesView,
)
from wagtail_allyship.pledges.models import (
    DeliveryStatus,
    current_programme_year,
    programme_year_label,
)
from wagtail_allyship.resources.admin import ResourcesDueForReviewView


class CoordinatorDashboardPanel(Component):
    """Headline figures of the programme, each linking to the report behind it."""

    name = "allyship_dashboard"
    template_name = "wagtail_allyship/dashboard/panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        counts = figures.headline_figures()
        emails = deliveries.delivery_counts()
        allies = reverse(AlliesPerUnitView.url_name())
        rows = [
            (
                "group",
                allies,
                counts["allies"],
                ngettext(
                    "%(number)s ally registered", "%(number)s allies registered", counts["allies"]
                ),
            ),
            (
                "plus",
                allies,
                counts["joined_this_year"],
                ngettext(
                    "%(number)s joined this year",
                    "%(number)s joined this year",
                    counts["joined_this_year"],
                ),
            ),
            (
                "warning",
                reverse(OverdueCommitmentsView.url_name()),
                counts["overdue_commitments"],
                ngettext(
                    "%(number)s overdue commitment",
                    "%(number)s overdue commitments",
                    counts["overdue_commitments"],
                ),
            ),
            (
                "doc-full",
                reverse(MissingAnnualUpdatesView.url_name()),
                counts["units_missing_update"],
                ngettext(
                    "%(number)s unit without an approved update this year",
                    "%(number)s units without an approved update this year",
                    counts["units_missing_update"],
                ),
            ),
            (
                "date",
                reverse(ResourcesDueForReviewView.index_url_name),
                counts["resources_due"],
                ngettext(
                    "%(number)s resource due for review",
                    "%(number)s resources due for review",
                    counts["resources_due"],
                ),
            ),
            (
                "form",
                reverse(SurveyResponsesView.url_name()),
                counts["responses_this_month"],
                ngettext(
                    "%(number)s survey response this month",
                    "%(number)s survey responses this month",
                    counts["responses_this_month"],
                ),
            ),
            (
                "mail",
                reverse(ReminderEmailsView.url_name()),
                emails[DeliveryStatus.FAILED],
                ngettext(
                    "%(number)s reminder email failed",
                    "%(number)s reminder emails failed",
                    emails[DeliveryStatus.FAILED],
                ),
            ),
        ]
        rows.append(accountability.panel_row())
        rows.append(feedback_figures.panel_row())
        rows += session_figures.panel_rows()
        return {
            "year": programme_year_label(current_programme_year()),
            "items": [
                {
                    "icon": icon,
                    "url": url,
                    "text": text % {"number": number_format(count, force_grouping=True)},
                }
                for icon, url, count, text in rows
            ],
        }
