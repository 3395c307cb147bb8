"""Settings of the example intranet, a plain Wagtail site that installs the package."""

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "intranet",
    # wagtail-allyship and what it needs besides Wagtail itself
    "wagtail_allyship",
    "wagtail_localize",
    "wagtail_localize.locales",
    "taggit",
    # a standard Wagtail project
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
    "intranet.middleware.IntranetCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "intranet.middleware.IntranetLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail_allyship.middleware.UnitRightsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Content-Security-Policy, enforced: no inline script or style, no eval, nothing from other
# sites except the video players that stories and resources embed. Wagtail's admin gets
# inline scripts and styles on top (see intranet.middleware.IntranetCSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SITE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A kept connection is checked before reuse, so one cut by a database restart is
        # replaced instead of failing the next request on it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    DATABASES["default"].setdefault("OPTIONS", {})["charset"] = "utf8mb4"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text fields, which live in this app.
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several requests may write at once (publishing fires a few writes): wait, don't fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 30, "transaction_mode": "IMMEDIATE"}
    )

# Background work (the reminder emails) goes through Django's tasks framework to a worker
# process: `manage.py db_worker`, which `make demo` starts beside the web server. The queue
# is kept in the database. django-tasks before 0.12 (Wagtail 7.0) has this backend built in;
# later versions have it in the django-tasks-db package.
if find_spec("django_tasks.backends.database"):
    INSTALLED_APPS.append("django_tasks.backends.database")
    TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}
else:
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Wagtail queues its own work there too (search and reference index updates). A run of the
# site with no worker beside it (the browser journeys) sets ALLYSHIP_TASKS=immediate, so that
# every task runs at once in the process that asks for it.
if os.environ.get("ALLYSHIP_TASKS") == "immediate":
    del TASKS


def redis_cache(url: str) -> dict:
    """The cache on Redis, where a Redis that is down makes pages slower, not broken.

    Every error counts as a miss (and is logged), Wagtail's own uses of the cache included.
    """
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

if os.environ.get("REDIS_URL"):
    CACHES = redis_cache(os.environ["REDIS_URL"])
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The demo intranet is British: day-first dates in English (intranet/formats/en/formats.py).
FORMAT_MODULE_PATH = ["intranet.formats"]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"

STATIC_URL = "/static/"
STATIC_ROOT = SITE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = SITE_DIR / "media"
# Photos of allies with their pledge signs live outside MEDIA_ROOT, so that the web server
# never publishes them: the package serves each one after checking who asks (docs:
# Configuration reference, SIGN_PHOTO_STORAGE).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "allyship_private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": SITE_DIR / "private-media", "base_url": None},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

WAGTAIL_SITE_NAME = "Example intranet"
# An intranet's admin asks nothing of other sites: no Gravatar pictures (they would tell the
# provider who is logged in) and no check for new Wagtail releases. The policy above refuses
# both anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads: at most the 20 MB the programme's pages accept (WAGTAIL_ALLYSHIP["UPLOAD_MAX_MB"]);
# the web server in front should refuse larger request bodies too (docs: Security).
WAGTAILDOCS_MAX_UPLOAD_SIZE = WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The same limit on documents on every Wagtail version (7.0 has no WAGTAILDOCS_MAX_UPLOAD_SIZE).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_allyship.content.documents.LimitedDocumentForm"
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed"}]

WAGTAIL_ALLYSHIP = {
    "BASE_TEMPLATE": "base.html",
    "SIGN_PHOTO_STORAGE": "allyship_private",
}
