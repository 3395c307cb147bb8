"""Admin views for recruitment articles: make a local version, mark template changes as seen."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import OrganisationUnit, RecruitmentArticlePage
from ..unit_permissions import limit_unit_choices


class LocalVersionForm(forms.Form):
    """Choose the unit of the new local version and the page it goes under."""

    unit = forms.ModelChoiceField(
        queryset=OrganisationUnit.objects.none(),
        label=gettext_lazy("Unit"),
        help_text=gettext_lazy(
            "The force, region or business unit the local version is for. Its name, contact "
            "and sign-up link fill the placeholders."
        ),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose one of the units in the list; units in other languages cannot be used."
            )
        },
    )
    parent_page = forms.ModelChoiceField(
        queryset=Page.objects.all(),
        label=gettext_lazy("Put it under"),
        help_text=gettext_lazy("The page the local version will be a sub-page of."),
        widget=AdminPageChooser(can_choose_root=False, user_perms="add_subpage"),
    )

    def __init__(self, *args, template: RecruitmentArticlePage, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        self.user = user
        self.fields["unit"].queryset = OrganisationUnit.objects.filter(
            locale_id=template.locale_id
        ).order_by("name")
        limit_unit_choices(self.fields["unit"], user)
        self.fields["parent_page"].initial = template.get_parent()

    def clean_unit(self):
        unit = self.cleaned_data["unit"]
        existing = self.template.local_versions.filter(unit=unit).first()
        if existing is not None:
            raise forms.ValidationError(
                _("“%(unit)s” already has a local version of this template: “%(page)s”.")
                % {"unit": unit, "page": existing.get_admin_display_title()}
            )
        return unit

    def clean_parent_page(self):
        parent = self.cleaned_data["parent_page"].specific_deferred
        if not parent.permissions_for_user(self.user).can_add_subpage():
            raise forms.ValidationError(
                _("You are not allowed to add pages under “%(page)s”. Choose another page.")
                % {"page": parent.get_admin_display_title()}
            )
        if not RecruitmentArticlePage.can_create_at(parent):
            raise forms.ValidationError(
                _("Recruitment articles cannot be added under “%(page)s”. Choose another page.")
                % {"page": parent.get_admin_display_title()}
            )
        if parent.locale_id != self.template.locale_id:
            raise forms.ValidationError(
                _(
                    "“%(page)s” is in another language than the template. Choose a page in "
                    "%(language)s, or translate the template first."
                )
                % {
                    "page": parent.get_admin_display_title(),
                    "language": self.template.locale.get_display_name(),
                }
            )
        return parent


def get_template_or_404(page_id: int) -> RecruitmentArticlePage:
    page = get_object_or_404(RecruitmentArticlePage, pk=page_id)
    if not page.is_template:
        raise Http404(_("Only a template can have local versions."))
    return page


def user_can_create_local_versions(user) -> bool:
    """Whether ``user`` may add pages anywhere, which making a local version needs."""
    return PagePermissionPolicy().user_has_permission(user, "add")


class CreateLocalVersionView(WagtailAdminTemplateMixin, FormView):
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


class TemplateReviewedView(WagtailAdminTemplateMixin, FormView):
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
