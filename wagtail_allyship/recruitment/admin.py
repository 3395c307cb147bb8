"""Recruitment articles in the admin: make a local version, mark template changes as seen.

Also the admin's refusals to publish a local version (in bulk, or as a translation) that
would show a placeholder unfilled; ``wagtail_hooks.py`` registers them.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_allyship.editing.titles import NamedInHeaderMixin
from wagtail_allyship.recruitment.forms import LocalVersionForm
from wagtail_allyship.recruitment.models import (
    RecruitmentArticlePage,
    publishing_refusals,
    strings_losing_tokens,
)
from wagtail_allyship.units.models import OrganisationUnit


def get_template_or_404(page_id: int) -> RecruitmentArticlePage:
    page = get_object_or_404(RecruitmentArticlePage, pk=page_id)
    if not page.is_template:
        raise Http404(_("Only a template can have local versions."))
    return page


def user_can_create_local_versions(user) -> bool:
    """Whether ``user`` may add pages anywhere, which making a local version needs."""
    return PagePermissionPolicy().user_has_permission(user, "add")


class CreateLocalVersionView(NamedInHeaderMixin, WagtailAdminTemplateMixin, FormView):
    """Copy a template as a draft local version for one unit, under a page the editor picks."""

    form_class = LocalVersionForm
    template_name = "wagtail_allyship/recruitment/admin/create_local_version.html"
    header_icon = "doc-empty-inverse"

    def dispatch(self, request, *args, **kwargs):
        self.template = get_template_or_404(kwargs["page_id"])
        if not user_can_create_local_versions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Create local version")

    def get_page_subtitle(self):
        return self.template.get_admin_display_title()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "template": self.template, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_page"] = self.template
        context["cancel_url"] = reverse("wagtailadmin_pages:edit", args=[self.template.pk])
        context["units_missing"] = not OrganisationUnit.objects.filter(
            locale_id=self.template.locale_id
        ).exists()
        return context

    def form_valid(self, form):
        unit = form.cleaned_data["unit"]
        copy = self.template.create_local_version(
            unit, form.cleaned_data["parent_page"], user=self.request.user
        )
        messages.success(
            self.request,
            _("Local version for “%(unit)s” created as a draft. Check it, then publish it.")
            % {"unit": unit},
        )
        error = copy.publishing_error()
        if error is not None:
            messages.warning(self.request, error.messages[0])
        return redirect("wagtailadmin_pages:edit", copy.pk)


class TemplateReviewedView(NamedInHeaderMixin, WagtailAdminTemplateMixin, FormView):
    """Confirm that the editor of a local version has looked at the template's changes."""

    form_class = forms.Form
    template_name = "wagtail_allyship/recruitment/admin/template_reviewed.html"
    header_icon = "doc-empty-inverse"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(
            RecruitmentArticlePage.objects.filter(~Q(template_page=None)), pk=kwargs["page_id"]
        )
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Template changes reviewed")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["local_version"] = self.page
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return context

    def form_valid(self, form):
        self.page.mark_template_reviewed()
        messages.success(
            self.request,
            _("Noted. You will be told again when the template is next published."),
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


def local_version_button(page, user):
    """'Create local version' for a recruitment article template, if the user may add pages."""
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, RecruitmentArticlePage):
        return None
    if page.specific_deferred.unit_id is not None:
        return None
    if not user_can_create_local_versions(user):
        return None
    return wagtailadmin_widgets.Button(
        _("Create local version"),
        reverse("wagtail_allyship_recruitment:create_local_version", args=[page.pk]),
        icon_name="copy",
        priority=70,
    )


def local_version_header_buttons(page, user, view_name=None, next_url=None):
    button = local_version_button(page, user)
    if button is not None:
        yield button


def local_version_listing_buttons(page, user, next_url=None):
    button = local_version_button(page, user)
    if button is not None:
        yield button


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


def admin_urls() -> list:
    """The local-version form and the "template reviewed" action, below ``allyship/``."""
    return [
        path(
            "<int:page_id>/local-version/",
            CreateLocalVersionView.as_view(),
            name="create_local_version",
        ),
        path(
            "<int:page_id>/template-reviewed/",
            TemplateReviewedView.as_view(),
            name="template_reviewed",
        ),
    ]
