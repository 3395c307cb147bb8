"""Settings of the example intranet's own tests: its settings, on a throwaway database."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

SECRET_KEY = "tests-only"
# No TASKS: tasks run at once in the test's own process (the framework's default, on every
# Django version); the real worker is tested by the package's tests (tests/mail/).
globals().pop("TASKS", None)
DEBUG = False
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": dj_database_url.parse(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    DATABASES["default"]["OPTIONS"] = {"charset": "utf8mb4"}
    DATABASES["default"]["TEST"] = {"CHARSET": "utf8mb4"}
elif (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and "django.contrib.postgres" not in INSTALLED_APPS
):
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAIL_ALLYSHIP = {"BASE_TEMPLATE": "base.html", "RESOURCES_CACHE_SECONDS": 0}
