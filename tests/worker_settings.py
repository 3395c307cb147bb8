"""The package's test settings, as a host with a real worker would have them.

Used by the processes that the worker tests (tests/mail/test_worker.py) start: the reminder
command and ``db_worker``, on a database they share with the test (a SQLite file or the
test's PostgreSQL database, named by ``ALLYSHIP_WORKER_DATABASE_URL``), sending through the
test's SMTP server on loopback (``ALLYSHIP_SMTP_PORT``).
"""

import os

import dj_database_url

from tests.settings import *  # noqa: F403
from tests.settings import TASKS_DATABASE_BACKEND

DATABASES = {"default": dj_database_url.parse(os.environ["ALLYSHIP_WORKER_DATABASE_URL"])}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time, each waiting its turn rather than failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 60, "transaction_mode": "IMMEDIATE"}

TASKS = {"default": {"BACKEND": TASKS_DATABASE_BACKEND, "QUEUES": []}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["ALLYSHIP_SMTP_PORT"])
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = "allyship@intranet.example"

WAGTAIL_ALLYSHIP = {"BASE_TEMPLATE": "base.html", "MAIL_RETRY_SECONDS": 0}
