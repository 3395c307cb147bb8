"""Transactions that meet other transactions: retry what the database chose to abandon.

When two servers claim the same rows at the same moment (two reminder runs, two people taking
the last place), the database may break a lock cycle by aborting one of them: MariaDB and
MySQL answer "Deadlock found" (1213) or "Lock wait timeout" (1205), PostgreSQL "deadlock
detected" (40P01) or "could not serialize" (40001). The database's own advice is to run the
transaction again; the second attempt then sees what the winner committed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import OperationalError, transaction

logger = logging.getLogger(__name__)

T = TypeVar("T")

MYSQL_RETRYABLE = {1205, 1213}
POSTGRES_RETRYABLE = {"40P01", "40001"}


def is_retryable(error: BaseException) -> bool:
    """Whether ``error`` is the database abandoning a transaction to break a lock cycle."""
    cause = error.__cause__ or error
    if getattr(cause, "sqlstate", None) in POSTGRES_RETRYABLE:
        return True
    if getattr(cause, "pgcode", None) in POSTGRES_RETRYABLE:
        return True
    args = getattr(cause, "args", ())
    return bool(args) and args[0] in MYSQL_RETRYABLE


def atomic_with_retries(work: Callable[[], T], attempts: int = 4) -> T:
    """Run ``work`` in a transaction, again (up to ``attempts`` times) if it was abandoned.

    ``work`` must be safe to repeat: everything it wrote was rolled back with the abandoned
    transaction. Any other error, and the last abandonment, are raised as they are.
    """
    for attempt in range(1, attempts + 1):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as error:
            if (
                attempt == attempts
                or not is_retryable(error)
                or transaction.get_connection().in_atomic_block
            ):
                raise
            logger.info(
                "Transaction abandoned by the database (%s); attempt %d", error, attempt + 1
            )
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable")  # pragma: no cover
