"""What every allyship page type shares: the host's base template, unit rights, sub-page routes.

Page types stay models: they hold what editors write and never import a view. A page that
answers at addresses below its own (``/pledge/sign-up/``, ``/wall/42/``) names the module of
its routes in ``subpage_urls``, the way a Django project names its URLconf in
``ROOT_URLCONF``; that module maps each address to a view function ``view(page, request,
...)``.
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin

from wagtail_allyship.conf import get_setting
from wagtail_allyship.units.rights import UnitPagePermissionTester


class FormClassPath:
    """A page type's ``base_form_class``, named by its dotted path and imported when first used.

    Wagtail reads ``base_form_class`` from the page class when it builds the edit form. Naming
    the form by path keeps the page's module free of its admin form (which imports the page
    type in turn), as ``subpage_urls`` does for views.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    def __get__(self, instance, owner):
        return import_string(self.path)


class AllyshipPageMixin:
    """Gives page templates the host's base template as ``allyship_base``; applies unit rights.

    ``{% extends %}`` must be the first tag of a template, so the name cannot come from a
    template tag there; it comes from the page context instead (the same value as
    ``{% allyship_base_template %}``).
    """

    #: The admin form: a damaged submission is a form error, never a server error.
    base_form_class = FormClassPath("wagtail_allyship.editing.forms.AllyshipAdminPageForm")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("allyship_base", get_setting("BASE_TEMPLATE"))
        return context

    def permissions_for_user(self, user):
        """Wagtail's page permissions, narrowed for local editors to their own units' pages."""
        return UnitPagePermissionTester(user, self)


#: The Wagtail hook through which a feature adds addresses below another feature's page type:
#: each function registered under it takes the page class and returns ``path()`` entries.
SUBPAGE_URLS_HOOK = "register_allyship_subpage_urls"


class RoutedPageMixin(RoutablePageMixin):
    """A page whose sub-pages are served by the view functions of a routes module.

    ``subpage_urls`` is the dotted path of a list of ``django.urls.path()`` entries, e.g.
    ``"wagtail_allyship.pledges.urls.pledge_page"``. Each view takes the page first; Wagtail's
    ``RoutablePageMixin`` binds it, resolves the address and serves the view, and
    ``reverse_subpage(name)`` works with the entries' names as usual.
    """

    subpage_urls: str = ""

    @classmethod
    def get_subpage_urls(cls):
        urls = list(import_string(cls.subpage_urls))
        for add_urls in hooks.get_hooks(SUBPAGE_URLS_HOOK):
            urls += add_urls(cls)
        return tuple(urls)


class PersonalPageMixin(AllyshipPageMixin, RoutedPageMixin):
    """A page that shows personal data: only for logged-in users, never cached or listed."""

    subpage_types: list[str] = []

    def get_sitemap_urls(self, request=None):
        return []
