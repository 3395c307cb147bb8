"""System checks that tell a host what its settings lack, with a hint on how to fix it."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_allyship.conf import get_setting
from wagtail_allyship.mail.unsubscribe import unsubscribe_path

#: Apps the package needs, with the reason given to the host.
REQUIRED_APPS = {
    "wagtail.snippets": "the admin for units, actions, glossary terms and dates",
    "wagtail_localize": "translating pages and snippets",
    "wagtail_localize.locales": "managing languages (in place of wagtail.locales)",
    "taggit": "free-form tags on resources",
    "modelcluster": "pages with inline lists",
    "wagtail.images": "the images of good-practice stories",
}


@register()
def check_required_apps(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    for app, reason in REQUIRED_APPS.items():
        if not apps.is_installed(app):
            errors.append(
                Error(
                    _("'%(app)s' is not in INSTALLED_APPS; wagtail_allyship needs it for %(why)s.")
                    % {"app": app, "why": reason},
                    hint=_("Add '%(app)s' to INSTALLED_APPS and run migrate.") % {"app": app},
                    id="wagtail_allyship.E001",
                )
            )
    return errors


@register()
def check_i18n(app_configs=None, databases=None, **kwargs) -> list[Error]:
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    languages = (
        getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None)
        or getattr(settings, "LANGUAGES", None)
        or []
    )
    many = len(languages) > 1
    if not many and databases:
        from wagtail.models import Locale

        try:
            many = Locale.objects.using(databases[0]).count() > 1
        except DatabaseError:
            many = False
    if not many:
        return []
    return [
        Error(
            _("WAGTAIL_I18N_ENABLED is off, but more than one language is configured."),
            hint=_(
                "Set WAGTAIL_I18N_ENABLED = True so that pages and snippets can be translated, "
                "or keep a single language."
            ),
            id="wagtail_allyship.E003",
        )
    ]


MIDDLEWARE_PATH = "wagtail_allyship.middleware.UnitRightsMiddleware"
#: The same middleware under its other name.
MIDDLEWARE_PATHS = (MIDDLEWARE_PATH, "wagtail_allyship.middleware.AllyshipGuardMiddleware")


@register()
def check_unit_rights_middleware(app_configs=None, **kwargs) -> list[Error]:
    """The middleware is the personal-data guard of every URL: without it, an error."""
    if any(path in getattr(settings, "MIDDLEWARE", []) for path in MIDDLEWARE_PATHS):
        return []
    return [
        Error(
            _(
                "'%(path)s' is not in MIDDLEWARE: it guards the allies' personal data on every "
                "admin and API address (wagtail-localize's snippet API would list the ally "
                "registry to any editor), and tells a local editor whose page they opened."
            )
            % {"path": MIDDLEWARE_PATH},
            hint=_(
                "Add '%(path)s' to MIDDLEWARE after "
                "'django.contrib.messages.middleware.MessageMiddleware'."
            )
            % {"path": MIDDLEWARE_PATH},
            id="wagtail_allyship.E007",
        )
    ]


#: The document form that refuses large files at upload, on every Wagtail version.
LIMITED_DOCUMENT_FORM = "wagtail_allyship.content.documents.LimitedDocumentForm"


def wagtail_limits_documents() -> bool:
    """Whether this Wagtail reads ``WAGTAILDOCS_MAX_UPLOAD_SIZE`` (newer versions do)."""
    try:
        from wagtail.documents.fields import WagtailDocumentField  # noqa: F401
    except ImportError:
        return False
    return True


def documents_limited(limit: int) -> bool:
    form_base = getattr(settings, "WAGTAILDOCS_DOCUMENT_FORM_BASE", "")
    if form_base == LIMITED_DOCUMENT_FORM:
        return True
    value = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    return wagtail_limits_documents() and value is not None and value <= limit


def upload_warning(name: str, kind, hint_setting: str, value) -> Warning:
    mb = get_setting("UPLOAD_MAX_MB")
    return Warning(
        _(
            "%(name)s lets editors upload %(kind)s larger than the %(mb)d MB the programme's "
            "pages accept (WAGTAIL_ALLYSHIP['UPLOAD_MAX_MB']): they would be stored, then "
            "refused when attached."
        )
        % {"name": name, "kind": kind, "mb": mb},
        hint=_(
            "Set %(name)s = %(bytes)s (and the web server's limit on request bodies, e.g. "
            "nginx's client_max_body_size %(mb)dm) in your settings."
        )
        % {"name": hint_setting, "bytes": value, "mb": mb},
        id="wagtail_allyship.W002",
    )


@register()
def check_upload_limits(app_configs=None, **kwargs) -> list[Warning]:
    """Wagtail's own upload limits should not let through what the programme's pages refuse."""
    limit = get_setting("UPLOAD_MAX_MB") * 1024 * 1024
    warnings = []
    if not documents_limited(limit):
        warnings.append(
            upload_warning(
                "Wagtail's document upload",
                gettext_lazy("documents"),
                "WAGTAILDOCS_DOCUMENT_FORM_BASE",
                repr(LIMITED_DOCUMENT_FORM),
            )
        )
    images = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    if images is None or images > limit:
        warnings.append(
            upload_warning(
                "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
                gettext_lazy("images"),
                "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
                limit,
            )
        )
    return warnings


def _block_names(template) -> set[str]:
    """Names of the blocks a template defines, following ``{% extends %}``."""
    names: set[str] = set()
    nodelist = template.nodelist
    while nodelist is not None:
        names |= {node.name for node in nodelist.get_nodes_by_type(BlockNode)}
        extends = nodelist.get_nodes_by_type(ExtendsNode)
        if not extends or not extends[0].parent_name.token.startswith(("'", '"')):
            break
        parent = get_template(extends[0].parent_name.token.strip("'\"")).template
        nodelist = parent.nodelist
    return names


@register()
def check_base_template(app_configs=None, **kwargs) -> list[Error]:
    name = get_setting("BASE_TEMPLATE")
    try:
        template = get_template(name).template
        has_content_block = "content" in _block_names(template)
    except TemplateDoesNotExist:
        return [
            Error(
                _("The base template '%(name)s' does not exist.") % {"name": name},
                hint=_(
                    "Create it, or set WAGTAIL_ALLYSHIP['BASE_TEMPLATE'] to the template your "
                    "intranet pages extend."
                ),
                id="wagtail_allyship.E004",
            )
        ]
    except TemplateSyntaxError as error:
        return [
            Error(
                _("The base template '%(name)s' has a syntax error: %(error)s")
                % {"name": name, "error": error},
                id="wagtail_allyship.E004",
            )
        ]
    if not has_content_block:
        return [
            Error(
                _("The base template '%(name)s' has no {%% block content %%}.") % {"name": name},
                hint=_(
                    "Allyship pages fill the 'content' block; add one where the page body goes."
                ),
                id="wagtail_allyship.E005",
            )
        ]
    return []


@register()
def check_extra_placeholders(app_configs=None, **kwargs) -> list[Error]:
    """Each extra placeholder must name a unit attribute or a function that can be imported."""
    from django.utils.module_loading import import_string

    from wagtail_allyship.units.models import OrganisationUnit

    errors = []
    for name, source in (get_setting("EXTRA_PLACEHOLDERS") or {}).items():
        if "." not in source:
            if hasattr(OrganisationUnit, source):
                continue
            problem = _("organisation units have no attribute '%(source)s'")
        else:
            try:
                if callable(import_string(source)):
                    continue
            except ImportError:
                pass
            problem = _("'%(source)s' is not a function that can be imported")
        errors.append(
            Error(
                _("The placeholder [%(name)s] cannot be filled: %(problem)s.")
                % {"name": name, "problem": problem % {"source": source}},
                hint=_(
                    "In WAGTAIL_ALLYSHIP['EXTRA_PLACEHOLDERS'], give an attribute of "
                    "OrganisationUnit (e.g. 'short_name') or the dotted path of a function "
                    "that takes the unit and returns text."
                ),
                id="wagtail_allyship.E006",
            )
        )
    return errors


@register(Tags.urls)
def check_unsubscribe_route(app_configs=None, **kwargs) -> list[Warning]:
    """Reminder emails carry a one-click unsubscribe link only where its address exists."""
    if unsubscribe_path("check") is not None:
        return []
    return [
        Warning(
            _(
                "The package's addresses (wagtail_allyship.urls) are not in the URLconf: "
                "reminder emails go out without their one-click unsubscribe link."
            ),
            hint=_(
                "Add path('allyship/', include('wagtail_allyship.urls')) to your urlpatterns, "
                "outside i18n_patterns and outside any login requirement."
            ),
            id="wagtail_allyship.W003",
        )
    ]


@register()
def check_sign_photo_storage(app_configs=None, **kwargs) -> list[Error]:
    """The photos with the pledge sign need the storage their setting names."""
    name = get_setting("SIGN_PHOTO_STORAGE")
    if name in getattr(settings, "STORAGES", {}) or name == "default":
        return []
    return [
        Error(
            _(
                "WAGTAIL_ALLYSHIP['SIGN_PHOTO_STORAGE'] names the storage '%(name)s', which is "
                "not in STORAGES: allies could not upload a photo with their pledge sign."
            )
            % {"name": name},
            hint=_(
                "Add '%(name)s' to STORAGES (a private storage, not served under MEDIA_URL), "
                "or set SIGN_PHOTO_STORAGE to the name of a storage that is there."
            )
            % {"name": name},
            id="wagtail_allyship.E008",
        )
    ]
