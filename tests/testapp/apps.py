from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """The smallest host the package's tests need: a home page, a plain page, a base template."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"
