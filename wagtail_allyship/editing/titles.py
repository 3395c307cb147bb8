"""Admin screens that name themselves in the header.

Wagtail's header shows the last breadcrumb. A view built on ``WagtailAdminTemplateMixin``
has only the admin's home as its breadcrumb, so without this its header reads "Home" above
a form to send an update or a list of sign-ups, which tells the reader nothing.
"""

from __future__ import annotations


class NamedInHeaderMixin:
    """Ends the breadcrumbs with the view's own title (and its subtitle, when it has one)."""

    def get_breadcrumbs_items(self):
        label = str(self.get_page_title())
        subtitle = self.get_page_subtitle() if hasattr(self, "get_page_subtitle") else ""
        if subtitle:
            label = f"{label}: {subtitle}"
        return [*super().get_breadcrumbs_items(), {"url": "", "label": label}]
