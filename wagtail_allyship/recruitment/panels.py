"""Admin panels that tell editors where a page stands in the template / local version scheme."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_allyship.text import placeholders


class RecruitmentStatusPanel(Panel):
    """Above a recruitment article: is it a template or a local version, and is it up to date?

    On a template it lists the placeholders and the local versions made from it. On a local
    version it names the unit and the template, and warns when the template has been
    published again since the copy was made, with a link to compare the two versions.
    """

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("help_text", None)
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or "recruitment_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_allyship/recruitment/admin/status_panel.html"

        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "pk", None))

        def get_context_data(self, parent_context=None):
            from wagtail_allyship.recruitment.tokens import token_sources

            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            if page.is_template:
                context["tokens"] = [placeholders.token(name) for name in token_sources()]
                context["local_versions"] = list(
                    page.local_versions.select_related("unit").order_by("title")
                )
                # The button at the top of the edit form, for those who may add pages; the
                # same action is in the header's actions menu (register_page_header_buttons).
                if PagePermissionPolicy().user_has_permission(self.request.user, "add"):
                    context["create_url"] = reverse(
                        "wagtail_allyship_recruitment:create_local_version", args=[page.pk]
                    )
                return context
            template = page.template_page
            context["template"] = template
            context["template_changed"] = page.template_has_changed()
            if context["template_changed"]:
                context["compare_url"] = reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[template.pk, page.template_revision_id, template.live_revision_id],
                )
                context["reviewed_url"] = reverse(
                    "wagtail_allyship_recruitment:template_reviewed", args=[page.pk]
                )
            if template is not None:
                context["template_edit_url"] = reverse(
                    "wagtailadmin_pages:edit", args=[template.pk]
                )
            return context
