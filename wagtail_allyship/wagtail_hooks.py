"""Register the admin viewsets and views, page buttons, and guard deletion of units in use."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from . import audit  # noqa: F401  (its hook registers on import)
from .models import FeedbackSurveyPage, OrganisationUnit, RecruitmentArticlePage
from .models.recruitment import publishing_refusals, strings_losing_tokens
from .views import dashboard, localize_guard, survey  # noqa: F401  (their hooks register on import)
from .views import recruitment as recruitment_views
from .views import resources as resource_views
from .views.registry import refuse_deleting_units_with_allies
from .viewsets import AllyshipViewSetGroup

register_snippet(AllyshipViewSetGroup)

# Before the general refusal below, which would name the allies of a unit in use.
hooks.register("before_delete_snippet", refuse_deleting_units_with_allies, order=-1)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path(
            "<int:page_id>/local-version/",
            recruitment_views.CreateLocalVersionView.as_view(),
            name="create_local_version",
        ),
        path(
            "<int:page_id>/template-reviewed/",
            recruitment_views.TemplateReviewedView.as_view(),
            name="template_reviewed",
        ),
    ]
    return [
        path(
            "reports/allyship-resources-review/",
            resource_views.ResourcesDueForReviewView.as_view(),
            name="wagtail_allyship_resources_review",
        ),
        path(
            "reports/allyship-resources-review/results/",
            resource_views.ResourcesDueForReviewView.as_view(results_only=True),
            name="wagtail_allyship_resources_review_results",
        ),
        path(
            "allyship/recruitment/",
            include(
                (urls, "wagtail_allyship_recruitment"), namespace="wagtail_allyship_recruitment"
            ),
        ),
    ]


@hooks.register("register_admin_urls", order=-100)
def register_translation_checks():
    """Shadows wagtail-localize's write URLs (matched first): unit rights and PO file checks."""
    return localize_guard.urls()


localize_guard.narrow_page_translation_buttons()


class ResourcesDueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return resource_views.ResourcesDueForReviewView.user_may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_resources_review_report():
    return ResourcesDueForReviewMenuItem(
        gettext_lazy("Resources due for review"),
        reverse("wagtail_allyship_resources_review"),
        name="allyship-resources-review",
        icon_name="date",
        order=900,
    )


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return resource_views.ResourceListingViewSet()


def _local_version_button(page, user):
    """'Create local version' for a recruitment article template, if the user may add pages."""
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, RecruitmentArticlePage):
        return None
    if page.specific_deferred.unit_id is not None:
        return None
    if not recruitment_views.user_can_create_local_versions(user):
        return None
    return wagtailadmin_widgets.Button(
        _("Create local version"),
        reverse("wagtail_allyship_recruitment:create_local_version", args=[page.pk]),
        icon_name="copy",
        priority=70,
    )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name=None, next_url=None):
    button = _local_version_button(page, user)
    if button is not None:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    button = _local_version_button(page, user)
    if button is not None:
        yield button


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_incomplete_local_versions(request, action_type, objects, action):
    """Publish nothing in bulk if a local version among the pages lacks a value from its unit.

    Without this, the page's own refusal would stop the bulk action halfway with an error
    page; here the editor learns which pages to fix, and nothing changes.
    """
    if action_type != "publish":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    form = getattr(action, "cleaned_form", None)
    include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    refusals = publishing_refusals(
        pages, include_descendants=include_descendants, user=request.user
    )
    if not refusals:
        return None
    for page, error in refusals:
        title = page.specific_deferred.get_admin_display_title()
        messages.error(
            request,
            _("Nothing was published. “%(page)s”: %(reason)s")
            % {"page": title, "reason": error.messages[0]},
        )
    return redirect(action.next_url)


@hooks.register("before_edit_page", order=-1)
def refuse_publishing_translations_losing_tokens(request, page):
    """In wagtail-localize's editor, refuse to publish a translation while a string lost a token.

    wagtail-localize would publish the original wording in place of each such string; the
    translator is told instead how many strings to correct (each is marked with its reason).
    Runs before wagtail-localize's own hook, which takes over the edit view for translations.
    """
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(page.specific_deferred, RecruitmentArticlePage):
        return None
    strings = strings_losing_tokens(page)
    if not strings:
        return None
    messages.error(
        request,
        ngettext(
            "Nothing was published: %(count)d translated string leaves out or changes a "
            "placeholder. It is marked with the reason; correct it, then publish again.",
            "Nothing was published: %(count)d translated strings leave out or change a "
            "placeholder. Each is marked with the reason; correct them, then publish again.",
            len(strings),
        )
        % {"count": len(strings)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def describe(obj) -> str:
    """'Organisation unit “Essex Police”', the way a refusal message names an object."""
    return _("%(type)s “%(name)s”") % {
        "type": capfirst(obj._meta.verbose_name),
        "name": obj,
    }


@hooks.register("before_delete_snippet")
def refuse_deleting_units_in_use(request, instances):
    """Refuse, before anything is deleted, to delete a unit that content still refers to."""
    refusals = []
    for unit in instances:
        if not isinstance(unit, OrganisationUnit):
            continue
        users = unit.blocking_references()
        if users:
            shown = ", ".join(describe(obj) for obj in users[:5])
            if len(users) > 5:
                shown += _(" and %(count)d more") % {"count": len(users) - 5}
            refusals.append(
                _("“%(unit)s” cannot be deleted because it is still used by: %(users)s.")
                % {"unit": unit, "users": shown}
            )
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    viewset = OrganisationUnit.snippet_viewset
    return redirect(viewset.get_url_name("list"))


@hooks.register("filter_form_submissions_for_user")
def hide_survey_responses(user, queryset):
    """Survey answers are read only in aggregate, never one by one in Wagtail's form listing."""
    return queryset.not_type(FeedbackSurveyPage)
