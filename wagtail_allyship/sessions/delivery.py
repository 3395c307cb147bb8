"""Sending the queued emails of session sign-up, exactly once each, from any number of workers.

The rows are sent by the package's one send step (:mod:`wagtail_allyship.mail.outbox`): a row
locked, sent and marked in one transaction, retried after a back-off when the mail server
refuses. What is particular here is that a notice whose news is no longer true (the person
moved up and then cancelled before a worker took it) is not sent.
"""

from __future__ import annotations

from wagtail_allyship.mail.outbox import DrainResult, Outbox, send_or_skip
from wagtail_allyship.sessions import notices
from wagtail_allyship.sessions.models import NoticeStatus, SessionNotice


class NoticeOutbox(Outbox):
    """The queue of moved-up, moved-down and session-cancelled emails."""

    model = SessionNotice
    label = "Session email"

    def send_one(self, delivery: SessionNotice) -> str:
        notice = SessionNotice.objects.select_related(
            "registration__user__wagtail_userprofile", "registration__signup__entry"
        ).get(pk=delivery.pk)
        return send_or_skip(delivery, notices.compose(notice), NoticeStatus.SKIPPED)


def send_due_notices(limit: int | None = None) -> DrainResult:
    """Send due session emails (at most ``limit``), each tried at most once in this pass."""
    return NoticeOutbox().drain(limit)
