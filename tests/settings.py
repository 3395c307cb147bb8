"""Test settings: the example intranet's apps on SQLite, or on DATABASE_URL when it is set."""

import os
import sys
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "example_site"))

from intranet.settings.base import *  # noqa: E402, F403
from intranet.settings.base import INSTALLED_APPS, MIDDLEWARE  # noqa: E402

SECRET_KEY = "tests-only"  # noqa: S105
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

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
INSTALLED_APPS = list(INSTALLED_APPS)
# Wagtail's search index on PostgreSQL needs it (the example intranet adds it the same way).
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and "django.contrib.postgres" not in INSTALLED_APPS
):
    INSTALLED_APPS.append("django.contrib.postgres")
MIDDLEWARE = list(MIDDLEWARE)

# Each test sees the hub's freshly computed results; the cache has tests of its own.
WAGTAIL_ALLYSHIP = {"BASE_TEMPLATE": "base.html", "RESOURCES_CACHE_SECONDS": 0}
