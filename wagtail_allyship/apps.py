"""The Django app of wagtail-allyship: its settings are checked and its signals connected here."""

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published


class WagtailAllyshipConfig(AppConfig):
    name = "wagtail_allyship"
    label = "wagtail_allyship"
    verbose_name = _("Allyship programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail_allyship import checks  # noqa: F401  (registers the system checks)
        from wagtail_allyship.conf import setting_errors
        from wagtail_allyship.pledges.photos.models import remove_photo_files
        from wagtail_allyship.privacy.retention import forget_deleted_user
        from wagtail_allyship.recruitment.models import flag_translated_string
        from wagtail_allyship.reports.pages import freeze_report_figures
        from wagtail_allyship.resources import cache as resource_cache
        from wagtail_allyship.resources.hub import ResourceHubPage
        from wagtail_allyship.resources.models import ResourcePage
        from wagtail_allyship.sessions.places import entry_saved

        errors = setting_errors()
        if errors:
            raise ImproperlyConfigured(" ".join(errors))
        resource_cache.connect(page_types=(ResourcePage, ResourceHubPage))
        pre_delete.connect(
            forget_deleted_user,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="wagtail_allyship_forget_user",
        )
        post_delete.connect(
            remove_photo_files,
            sender="wagtail_allyship.SignPhoto",
            dispatch_uid="wagtail_allyship.remove_photo_files",
        )
        post_save.connect(
            flag_translated_string,
            sender="wagtail_localize.StringTranslation",
            dispatch_uid="wagtail_allyship.flag_translated_string",
        )
        post_save.connect(
            entry_saved,
            sender="wagtail_allyship.AwarenessDate",
            dispatch_uid="wagtail_allyship.session_entry_saved",
        )
        page_published.connect(freeze_report_figures, dispatch_uid="allyship-freeze-report-figures")
