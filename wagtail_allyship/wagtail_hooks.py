"""All of the package's wiring into Wagtail's admin, in one place: nothing here but registration.

Each feature keeps its admin views, buttons and refusals in its own ``admin.py`` (or
``views.py``); this module lists them under the Wagtail hook that calls them.
"""

from __future__ import annotations

from functools import partial

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from wagtail_allyship.access.personal import PersonalDataPermissionPolicy, personal_models
from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.calendar.admin import AwarenessDateViewSet
from wagtail_allyship.circles import admin as circles
from wagtail_allyship.circles import data as circle_data
from wagtail_allyship.circles import urls as circle_urls
from wagtail_allyship.content.pages import SUBPAGE_URLS_HOOK
from wagtail_allyship.dashboard.accountability import ACCOUNTABILITY_REPORTS
from wagtail_allyship.dashboard.feedback import FEEDBACK_REPORTS
from wagtail_allyship.dashboard.panel import CoordinatorDashboardPanel
from wagtail_allyship.dashboard.views import REPORTS
from wagtail_allyship.exports.audit import register_export_log_action
from wagtail_allyship.feedback import data as feedback_data
from wagtail_allyship.feedback import urls as feedback_urls
from wagtail_allyship.glossary.admin import GlossaryTermViewSet
from wagtail_allyship.newsletters import admin as newsletters
from wagtail_allyship.newsletters import data as newsletter_data
from wagtail_allyship.pledges.photos import admin as photos
from wagtail_allyship.pledges.photos import data as photo_data
from wagtail_allyship.pledges.views.mine import MY_DATA_HOOK
from wagtail_allyship.profile.admin import AllyActionViewSet
from wagtail_allyship.recruitment import admin as recruitment
from wagtail_allyship.registry.admin import (
    AllyRegistrationViewSet,
    refuse_deleting_units_with_allies,
)
from wagtail_allyship.reports.admin import AnnualUpdateViewSet
from wagtail_allyship.resources import admin as resources
from wagtail_allyship.session_feedback import admin as session_feedback
from wagtail_allyship.session_feedback import tasks as session_feedback_tasks
from wagtail_allyship.session_feedback import urls as session_feedback_urls
from wagtail_allyship.sessions import admin as sessions
from wagtail_allyship.survey import admin as survey
from wagtail_allyship.topics.admin import TopicViewSet
from wagtail_allyship.translations import guard as translations
from wagtail_allyship.translations import status_view as translation_status
from wagtail_allyship.units.admin import (
    OrganisationUnitViewSet,
    UnitEditorGroupViewSet,
    refuse_deleting_units_in_use,
)
from wagtail_allyship.units.rights import register_policy


class AllyshipViewSetGroup(SnippetViewSetGroup):
    """The 'Allyship' admin menu that holds every allyship snippet."""

    menu_label = _("Allyship")
    menu_icon = "group"
    menu_name = "allyship"
    menu_order = 250
    items = (
        OrganisationUnitViewSet,
        AllyActionViewSet,
        GlossaryTermViewSet,
        AllyRegistrationViewSet,
        TopicViewSet,
        AwarenessDateViewSet,
        sessions.SessionSignupViewSet,
        circles.AllyCircleViewSet,
        AnnualUpdateViewSet,
        UnitEditorGroupViewSet,
    )


# Personal data: Wagtail's own views, choosers and APIs ask this policy about these models.
for model in personal_models():
    register_policy(model, PersonalDataPermissionPolicy(model))

register_snippet(AllyshipViewSetGroup)
hooks.register("register_admin_viewset", resources.ResourceListingViewSet)

#: Every coordinator report, in the order of the Reports menu.
ALL_REPORTS = [*REPORTS, *ACCOUNTABILITY_REPORTS, *FEEDBACK_REPORTS]

# URLs -----------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        *resources.admin_urls(),
        *survey.admin_urls(),
        *session_feedback.admin_urls(),
        *photos.admin_urls(),
        *newsletters.admin_urls(),
        path(
            "allyship/recruitment/",
            include(
                (recruitment.admin_urls(), "wagtail_allyship_recruitment"),
                namespace="wagtail_allyship_recruitment",
            ),
        ),
    ]
    for report in ALL_REPORTS:
        urls += report.urls()
    return urls + translation_status.urls()


# Matched before wagtail-localize's own write URLs, which they shadow: unit rights, PO checks.
hooks.register("register_admin_urls", translations.urls, order=-100)
translations.narrow_page_translation_buttons()

# Feedback adds its addresses below "My allyship", and its part of "My data".
hooks.register(SUBPAGE_URLS_HOOK, feedback_urls.subpage_urls)
hooks.register(MY_DATA_HOOK, feedback_data.my_feedback_data)
# A session's feedback adds its form below the calendar page.
hooks.register(SUBPAGE_URLS_HOOK, session_feedback_urls.subpage_urls)
# Saving attendance asks the attendees for their feedback, by email, in the background.
hooks.register(sessions.ATTENDANCE_MARKED_HOOK, session_feedback_tasks.after_attendance_marked)
# Circles do the same: their pages below "My allyship", and their part of "My data".
hooks.register(SUBPAGE_URLS_HOOK, circle_urls.subpage_urls)
hooks.register(MY_DATA_HOOK, circle_data.my_circle_data)
hooks.register(MY_DATA_HOOK, photo_data.my_photo_data)
hooks.register(MY_DATA_HOOK, newsletter_data.my_newsletter_data)

# Menus and panels -----------------------------------------------------------------------

hooks.register("register_reports_menu_item", resources.resources_review_menu_item)
for order, report in enumerate(ALL_REPORTS, start=901):
    hooks.register("register_reports_menu_item", partial(report.menu_item, order))
hooks.register("register_reports_menu_item", survey.survey_results_menu_item)
hooks.register("register_reports_menu_item", photos.photo_queue_menu_item)
hooks.register("register_reports_menu_item", translation_status.menu_item)


@hooks.register("construct_homepage_panels")
def add_coordinator_dashboard(request, panels):
    if is_coordinator(request.user):
        panels.append(CoordinatorDashboardPanel())


hooks.register("register_log_actions", register_export_log_action)

# Buttons ----------------------------------------------------------------------------------

hooks.register("register_page_header_buttons", recruitment.local_version_header_buttons)
hooks.register("register_page_listing_more_buttons", recruitment.local_version_listing_buttons)
hooks.register("register_page_header_buttons", survey.survey_header_buttons)
hooks.register("register_page_header_buttons", newsletters.send_header_buttons)
hooks.register("register_page_listing_more_buttons", newsletters.send_listing_more_buttons)
hooks.register("register_page_listing_more_buttons", survey.survey_listing_more_buttons)
hooks.register("register_snippet_listing_buttons", session_feedback.results_button)
hooks.register(
    "construct_snippet_listing_buttons", translations.hide_refused_snippet_translation_buttons
)

# Refusals ---------------------------------------------------------------------------------

# Before the general refusal below, which would name the allies of a unit in use.
hooks.register("before_delete_snippet", refuse_deleting_units_with_allies, order=-1)
hooks.register("before_delete_snippet", refuse_deleting_units_in_use)
hooks.register("before_delete_snippet", sessions.refuse_deleting_sessions_with_signups)
hooks.register("before_delete_snippet", circles.refuse_deleting_circles_in_use)
hooks.register("before_bulk_action", recruitment.refuse_bulk_publishing_incomplete_local_versions)
# Before wagtail-localize's own hook, which takes over the edit view for translations.
hooks.register(
    "before_edit_page", recruitment.refuse_publishing_translations_losing_tokens, order=-1
)
hooks.register("filter_form_submissions_for_user", survey.hide_survey_responses)
