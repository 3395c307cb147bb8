"""The package's reads and writes of Django's cache, which never fail a page.

A cache that is down (Redis restarting, say) must make pages slower, not broken: a read that
fails counts as a miss, a write that fails is skipped, and both are logged with what the
value was for. The form limits (``rate_limits``) handle their own failures, since an
``add``/``incr`` pair needs its own answer to an outage.
"""

from __future__ import annotations

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def cached(key: str, what: str):
    """The value kept under ``key``, or ``None`` if there is none or the cache is down."""
    try:
        return cache.get(key)
    except Exception:
        logger.exception("Could not read %s from the cache.", what)
        return None


def keep(key: str, value, timeout: int, what: str) -> None:
    """Keep ``value`` under ``key`` for ``timeout`` seconds, if the cache can be reached."""
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.exception("Could not keep %s in the cache.", what)
