from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class WagtailAllyshipConfig(AppConfig):
    name = "wagtail_allyship"
    label = "wagtail_allyship"
    verbose_name = _("Allyship programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            resource_cache,
        )
        from .conf import setting_errors

        errors = setting_errors()
        if errors:
            raise ImproperlyConfigured(" ".join(errors))
        resource_cache.connect()
