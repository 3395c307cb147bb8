"""How often one person may send each of the package's forms: a counter in Django's cache.

Each form (sign-up, pledge, progress, survey) has its own count per user, in fixed windows
of one clock hour, and each survey its own count (a person who sent one survey's form many
times may still answer another): the key names the form, its scope, the user and the hour.
``cache.add`` then ``cache.incr`` keep it, both atomic on the shared caches a production
site uses (Redis, Memcached), so several server processes count together. A limit of
``FORM_SUBMISSIONS_PER_HOUR`` is plenty for a person and stops a script filling the tables.

The count is kept here rather than through a rate-limiting library because the one in wide
use has not been released since 2023, declares no support for the Django versions we run,
answers with 403 (we want 429 on our own page) and refuses every request when the cache is
unreachable; what is needed is a few lines.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import ngettext

from wagtail_allyship.conf import get_setting

logger = logging.getLogger(__name__)

#: Length of one counting window, in seconds.
WINDOW_SECONDS = 60 * 60

#: The forms that are counted, each under its own name.
FORMS = ("sign_up", "pledge", "progress", "survey", "sign_photo")


@dataclass(frozen=True)
class SubmissionLimit:
    """The limit a person has gone past, and how long until they may send the form again."""

    form: str
    limit: int
    retry_after: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))

    @property
    def message(self) -> str:
        return ngettext(
            "You have sent this form too many times this hour, so nothing was saved. "
            "You can send it again in %(minutes)d minute.",
            "You have sent this form too many times this hour, so nothing was saved. "
            "You can send it again in %(minutes)d minutes.",
            self.minutes,
        ) % {"minutes": self.minutes}


def cache_key(form: str, user_id, window: int, scope: str = "") -> str:
    name = f"{form}.{scope}" if scope else form
    return f"wagtail_allyship:submissions:{name}:{user_id}:{window}"


def count_submission(
    form: str, user_id, now: float | None = None, scope: str = ""
) -> tuple[int, int]:
    """Add one submission of ``form`` by ``user_id``: the count this hour, seconds left in it."""
    now = time.time() if now is None else now
    window, elapsed = divmod(int(now), WINDOW_SECONDS)
    left = WINDOW_SECONDS - elapsed
    key = cache_key(form, user_id, window, scope)
    # The key outlives its window a little, so that a slow clock never restarts a count.
    timeout = left + 60
    if cache.add(key, 1, timeout):
        return 1, left
    try:
        return cache.incr(key), left
    except ValueError:
        # The key expired between add() and incr(): this submission starts a new count.
        cache.add(key, 1, timeout)
        return 1, left


def over_limit(request, form: str, scope: str = "") -> SubmissionLimit | None:
    """Count a POST of ``form`` by the logged-in user; the limit passed, or ``None`` if it may
    go ahead. ``scope`` counts one instance of a form apart from the others (a survey's
    translation key, so that its copies in other languages share one count).

    Only POST requests count, valid or not. Anonymous requests are not counted: every form
    sends them to log in first. If the cache cannot be reached the submission goes ahead
    (and the failure is logged), so that an outage of the cache does not lock staff out.
    """
    if form not in FORMS:
        raise ValueError(f"Unknown form {form!r}; expected one of {', '.join(FORMS)}.")
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    try:
        count, left = count_submission(form, request.user.pk, scope=scope)
    except Exception:
        logger.exception("Could not count a submission of the %s form in the cache.", form)
        return None
    limit = get_setting("FORM_SUBMISSIONS_PER_HOUR")
    if count <= limit:
        return None
    return SubmissionLimit(form=form, limit=limit, retry_after=left)


def refuse(response: HttpResponse, limit: SubmissionLimit) -> HttpResponse:
    """Mark a page shown instead of saving a submission as 429 Too Many Requests."""
    response.status_code = 429
    response["Retry-After"] = str(limit.retry_after)
    return response
