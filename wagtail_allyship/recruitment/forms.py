"""Admin forms of recruitment articles: the page's own form, and the local version form.

The page form offers only units of the page's language that the editor may use, and refuses
to publish a local version whose unit cannot fill its placeholders, with the reason next to
the unit.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page, Task

from wagtail_allyship.editing.forms import AllyshipAdminPageForm
from wagtail_allyship.recruitment.models import RecruitmentArticlePage
from wagtail_allyship.recruitment.tokens import missing_value_error
from wagtail_allyship.units.models import OrganisationUnit
from wagtail_allyship.units.rights import limit_unit_choices


def approval_completes_workflow(page: Page) -> bool:
    """Whether approving the page's current task ends its workflow, which publishes the page."""
    state = page.current_workflow_state
    if state is None or state.current_task_state is None:
        return False
    later_tasks = (
        Task.objects.filter(workflow_tasks__workflow_id=state.workflow_id, active=True)
        .exclude(pk=state.current_task_state.task_id)
        .exclude(task_states__in=state.successful_task_states)
    )
    return not later_tasks.exists()


class RecruitmentArticlePageForm(AllyshipAdminPageForm):
    """Offers only units in the page's language, and refuses to publish what cannot be filled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "unit" in self.fields:
            locale_id = getattr(self.instance, "locale_id", None) or (
                self.parent_page.locale_id if self.parent_page else None
            )
            self.fields["unit"].queryset = OrganisationUnit.objects.filter(locale_id=locale_id)
            limit_unit_choices(self.fields["unit"], self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        unit = cleaned_data.get("unit")
        if unit is not None and not self.errors and self._publishes():
            error = missing_value_error(unit, cleaned_data.get("title"), cleaned_data.get("body"))
            if error is not None:
                self.add_error("unit", error)
        return cleaned_data

    def _publishes(self) -> bool:
        """Whether the button pressed publishes the page: Publish, or the workflow's last approval.

        The page's own ``publish()`` refuses too, but by then the editor would only see
        Wagtail's generic refusal; checking here shows the reason next to the unit.
        """
        if self.data.get("action-publish"):
            return True
        approving = self.data.get("action-workflow-action") and (
            self.data.get("workflow-action-name") == "approve"
        )
        return bool(approving and self.instance.pk and approval_completes_workflow(self.instance))


class LocalVersionForm(forms.Form):
    """Choose the unit of the new local version and the page it goes under."""

    unit = forms.ModelChoiceField(
        queryset=OrganisationUnit.objects.none(),
        empty_label=gettext_lazy("Choose a unit"),
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
