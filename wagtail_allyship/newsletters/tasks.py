"""The newsletters' background tasks: what the workers run (see :mod:`.delivery`)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from wagtail_allyship.mail.tasks import enqueue_at, runs_in_process, sending_task
from wagtail_allyship.newsletters import sending
from wagtail_allyship.newsletters.delivery import send_due_deliveries
from wagtail_allyship.newsletters.emails import UpdateComposer, build_message
from wagtail_allyship.newsletters.models import NewsletterSend, SendStatus


@sending_task()
def send_queued_newsletters() -> dict:
    """Send queued programme updates and digests, then schedule a pass for the next retry.

    One task per few dozen deliveries is enqueued, and each drains the queue until it is
    empty, so a worker killed in the middle leaves the others to finish; a pass that finds
    the queue empty ends at once.
    """
    result = send_due_deliveries()
    if result.retry_at:
        enqueue_at(send_queued_newsletters, min(result.retry_at))
    return {"sent": result.sent, "skipped": result.already_sent, "failed": result.failed}


def enqueue_passes(count: int) -> None:
    """Hand ``count`` deliveries to the workers (or send them now, without a worker)."""
    if runs_in_process():
        if count:
            send_queued_newsletters.enqueue()
        return
    for _each in range(sending.tasks_for(count)):
        send_queued_newsletters.enqueue()


@sending_task()
def start_newsletter_send(send_id: int) -> int:
    """Queue a send's deliveries when its time has come, and hand them to the workers."""
    count = sending.start_send(send_id)
    enqueue_passes(count)
    return count


def launch(send: NewsletterSend) -> None:
    """Start ``send`` now, or at its time when the task backend can wait until then."""
    if send.send_at <= timezone.now():
        start_newsletter_send.enqueue(send.pk)
    else:
        enqueue_at(start_newsletter_send, send.send_at, send.pk)


def start_due_sends() -> int:
    """Start every scheduled send whose time has come (the scheduler's command calls this)."""
    due = NewsletterSend.objects.filter(status=SendStatus.SCHEDULED, send_at__lte=timezone.now())
    started = 0
    for send_id in due.values_list("pk", flat=True):
        start_newsletter_send.enqueue(send_id)
        started += 1
    return started


@sending_task()
def send_test_newsletter(page_id: int, user_id: int, language: str) -> bool:
    """Send one version of a newsletter to the editor who asked, without an unsubscribe link."""
    page = Page.objects.filter(pk=page_id).specific().first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if page is None or user is None or not user.email:
        return False
    composer = UpdateComposer({language: page})
    version = composer.version(language, with_link=False)
    build_message(version, user.email, None, {"X-Allyship-Test": "yes"}).send()
    return True
