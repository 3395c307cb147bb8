"""The worker settings of tests/worker_settings.py, with RQ on Redis as the task backend.

Used by the processes that tests/newsletters/test_rq.py starts: ``rqworker`` (django-rq, with
django-tasks-rq's job class) on the Redis server named by ``ALLYSHIP_REDIS_URL`` (database 13
of the local server by default, which the test empties first).
"""

import os

from tests.worker_settings import *  # noqa: F403
from tests.worker_settings import INSTALLED_APPS

REDIS_URL = os.environ.get("ALLYSHIP_REDIS_URL", "redis://127.0.0.1:6379/13")

INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
RQ_QUEUES = {"default": {"URL": REDIS_URL}}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
