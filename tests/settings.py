"""Settings of the package's tests: a minimal Wagtail host of their own (``tests.testapp``).

SQLite in memory by default, or the database named by ``DATABASE_URL`` (PostgreSQL and
MariaDB in CI). Nothing here comes from the example intranet, which has tests of its own.
"""

import os
from importlib.util import find_spec

import dj_database_url

SECRET_KEY = "tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "tests.testapp",
    "wagtail_allyship",
    "wagtail_localize",
    "wagtail_localize.locales",
    "taggit",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail_allyship.middleware.UnitRightsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Wagtail 8's read and write API (v3), where the installed Wagtail has it: the personal-data
# tests walk its routes too.
try:
    import wagtail.api.v3  # noqa: F401
except ImportError:  # Wagtail 7
    WAGTAIL_API_V3 = False
else:
    WAGTAIL_API_V3 = True
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.api.v2") + 1, "wagtail.api.v3")

ROOT_URLCONF = "tests.testapp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    DATABASES["default"]["OPTIONS"] = {"charset": "utf8mb4"}
    DATABASES["default"]["TEST"] = {"CHARSET": "utf8mb4"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index on PostgreSQL uses this app's full-text fields.
    INSTALLED_APPS.append("django.contrib.postgres")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French"), ("ar", "Arabic")]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGIN_URL = "login"

WAGTAIL_SITE_NAME = "Test intranet"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Wagtail's upload limits, at the package's (UPLOAD_MAX_MB, 20 MB), as the guide says.
WAGTAILDOCS_MAX_UPLOAD_SIZE = WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The same limit on documents on every Wagtail version (7.0 has no WAGTAILDOCS_MAX_UPLOAD_SIZE).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_allyship.content.documents.LimitedDocumentForm"
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed"}]

# Each test sees the hub's freshly computed results; the cache has tests of its own.
WAGTAIL_ALLYSHIP = {"BASE_TEMPLATE": "base.html", "RESOURCES_CACHE_SECONDS": 0}

# Django's tasks framework: the immediate backend (the default) runs every task at once in
# the test's own process. The database backend's tables are installed too, for the tests
# that run a real worker (tests/mail/), whose settings (tests/worker_settings.py) use it.
# django-tasks before 0.12 (Wagtail 7.0) has the backend built in; later, django-tasks-db.
if find_spec("django_tasks.backends.database"):
    TASKS_DATABASE_APP = "django_tasks.backends.database"
    TASKS_DATABASE_BACKEND = "django_tasks.backends.database.DatabaseBackend"
else:
    TASKS_DATABASE_APP = "django_tasks_db"
    TASKS_DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
INSTALLED_APPS.append(TASKS_DATABASE_APP)
