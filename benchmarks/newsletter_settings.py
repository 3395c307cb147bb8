"""Settings of the newsletter send benchmark: the worker test settings, in five languages."""

from tests.worker_settings import *  # noqa: F403

LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("ar", "Arabic"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
]
