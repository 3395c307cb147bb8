"""Django's tasks framework, from Django itself (6.0 and later) or from the django-tasks backport.

Everything the package sends by email goes through a task, so that a host can move the
sending off the web process onto workers (django-tasks-db's ``db_worker``, for one) by
setting ``TASKS``. The choice between ``django.tasks`` and the ``django_tasks`` backport is
made here and nowhere else. With the default ``ImmediateBackend`` a task runs at once in the
process that enqueued it, which is how the package behaves on a host that set up no worker.
"""

from __future__ import annotations

import datetime
import inspect
from importlib.util import find_spec

if find_spec("django.tasks"):  # Django 6.0 and later
    from django.tasks import default_task_backend, task
else:  # Django 5.2: the backport that Wagtail requires (0.7 on Wagtail 7.0, 0.12 on 8.0)
    from django_tasks import default_task_backend, task

__all__ = [
    "default_task_backend",
    "enqueue_at",
    "failure_of",
    "runs_in_process",
    "sending_task",
    "task",
]


def sending_task(function=None, **options):
    """``@task``, enqueued at once even inside a transaction, on every version of the framework.

    django-tasks before 0.12 (Wagtail 7.0) waits for the surrounding transaction to commit
    before it enqueues, so with the immediate backend a task enqueued inside a transaction
    would not have run when the caller reads what it did. Our sending tasks claim their rows
    themselves, in their own transaction, so they need no such wait; later versions and
    Django's own framework have no such option and enqueue at once.
    """
    if "enqueue_on_commit" in inspect.signature(task).parameters:
        options.setdefault("enqueue_on_commit", False)
    return task(function, **options) if function is not None else task(**options)


def runs_in_process() -> bool:
    """Whether the default backend runs a task at once, in the process that enqueues it."""
    return not default_task_backend.supports_defer


def enqueue_at(queued_task, when: datetime.datetime, *args, **kwargs):
    """Enqueue ``queued_task`` to run no earlier than ``when``, if the backend can wait.

    Backends that cannot defer a task (the immediate one) return ``None``: what was to be
    retried is then picked up by the next run of the scheduler's command.
    """
    if not default_task_backend.supports_defer:
        return None
    return queued_task.using(run_after=when).enqueue(*args, **kwargs)


def failure_of(result) -> str | None:
    """The traceback of a task result that failed, or ``None`` (any version of the framework)."""
    if result.status != "FAILED":
        return None
    errors = getattr(result, "errors", None)
    if errors:
        return errors[-1].traceback
    return getattr(result, "traceback", None) or "(no traceback)"
