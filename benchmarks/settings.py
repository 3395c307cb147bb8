"""Settings for benchmark runs: the example intranet as it runs in production, on a fresh DB.

``DEBUG`` is off (no query log, cached templates), the database comes from ``DATABASE_URL``
(the runner points it at a database it has just created) and the five languages of the
benchmark data are enabled.
"""

import os

from django.utils.translation import gettext_lazy as _

from intranet.settings.base import *  # noqa: F403
from intranet.settings.base import LANGUAGES

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "benchmarks-only-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

#: The benchmark data is in five languages; add those the example site does not have yet.
BENCHMARK_LANGUAGES = [("es", _("Spanish")), ("pt", _("Portuguese"))]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    *LANGUAGES,
    *[(code, name) for code, name in BENCHMARK_LANGUAGES if code not in dict(LANGUAGES)],
]

# Thousands of generated users: a fast hasher keeps data generation quick. Benchmark only.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}

#: ``ALLYSHIP_BENCH_CACHE_SECONDS=0`` measures the resource hub with its results cache off.
if os.environ.get("ALLYSHIP_BENCH_CACHE_SECONDS"):
    WAGTAIL_ALLYSHIP = {
        **WAGTAIL_ALLYSHIP,  # noqa: F405
        "RESOURCES_CACHE_SECONDS": int(os.environ["ALLYSHIP_BENCH_CACHE_SECONDS"]),
    }

#: The benchmark data command (``allyship_benchmark_data``) lives in this folder.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
