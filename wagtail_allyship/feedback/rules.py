"""The rules of feedback requests, each refusal with a sentence the person can act on.

Every change goes through one of these functions, in a transaction that locks what it checks:
the ally's own user row for the monthly limit (two requests sent at the same moment cannot
both pass it), the request's row for an answer (a link cannot be used twice). The unique
constraint on ally, colleague and year stands behind the "once a year" rule.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_allyship.concurrency import atomic_with_retries
from wagtail_allyship.conf import get_setting
from wagtail_allyship.feedback.models import (
    FeedbackBlock,
    FeedbackRequest,
    FeedbackState,
    new_token,
    token_hash,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.registry.models import AllyRegistration, RegistrationStatus


class FeedbackRefused(Exception):
    """A request or an answer the rules do not allow; ``str()`` is the reason, translated."""


def month_start(now: datetime.datetime | None = None) -> datetime.datetime:
    """The first moment of the current local month."""
    local = timezone.localtime(now or timezone.now())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def requests_this_month(ally) -> int:
    return FeedbackRequest.objects.filter(ally=ally, created_at__gte=month_start()).count()


def may_ask(ally) -> None:
    """Refuse anyone who is not a current ally, and an ally over the monthly limit."""
    if not AllyRegistration.objects.filter(
        user=ally, status__in=[RegistrationStatus.ACTIVE, RegistrationStatus.PAUSED]
    ).exists():
        raise FeedbackRefused(_("Sign up as an ally before you ask for feedback."))
    limit = get_setting("FEEDBACK_REQUESTS_PER_MONTH")
    if requests_this_month(ally) >= limit:
        raise FeedbackRefused(
            _(
                "You have made %(limit)d feedback requests this month, the most allowed. "
                "You can ask again next month."
            )
            % {"limit": limit}
        )


def check_colleague(ally, colleague, year: int) -> None:
    """The person-to-person rules: not himself, not blocked, not asked already this year."""
    if colleague.pk == ally.pk:
        raise FeedbackRefused(_("You cannot ask yourself for feedback."))
    if not colleague.is_active:
        raise FeedbackRefused(_("This colleague cannot be asked for feedback."))
    if FeedbackBlock.objects.filter(person=colleague, ally=ally).exists():
        raise FeedbackRefused(_("This colleague does not take feedback requests from you."))
    if FeedbackRequest.objects.filter(ally=ally, colleague=colleague, programme_year=year).exists():
        raise FeedbackRefused(_("You already asked this colleague for feedback this year."))


def _lock_ally(ally) -> None:
    get_user_model().objects.select_for_update().filter(pk=ally.pk).first()


def _expiry() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=get_setting("FEEDBACK_LINK_DAYS"))


def ask_colleague(ally, colleague) -> FeedbackRequest:
    """Ask a named colleague, within the limits."""

    def work() -> FeedbackRequest:
        _lock_ally(ally)
        may_ask(ally)
        year = current_programme_year()
        check_colleague(ally, colleague, year)
        return FeedbackRequest.objects.create(
            ally=ally, colleague=colleague, programme_year=year, expires_at=_expiry()
        )

    try:
        return atomic_with_retries(work)
    except IntegrityError as error:
        raise FeedbackRefused(
            _("You already asked this colleague for feedback this year.")
        ) from error


def make_link(ally) -> tuple[FeedbackRequest, str]:
    """A private one-use link: the request and its secret, which is shown once and not kept."""

    def work() -> tuple[FeedbackRequest, str]:
        _lock_ally(ally)
        may_ask(ally)
        token, hashed = new_token()
        request = FeedbackRequest.objects.create(
            ally=ally,
            token_hash=hashed,
            programme_year=current_programme_year(),
            expires_at=_expiry(),
        )
        return request, token

    return atomic_with_retries(work)


def request_for_link(token: str) -> FeedbackRequest | None:
    if not token or len(token) > 100:
        return None
    return (
        FeedbackRequest.objects.select_related("ally").filter(token_hash=token_hash(token)).first()
    )


def refusal_to_answer(request: FeedbackRequest, user, now=None) -> str | None:
    """Why ``user`` may not answer ``request`` (now), or None."""
    if request.ally_id == user.pk:
        return _("This is your own request: pass the link on to the colleague you want to ask.")
    if request.state != FeedbackState.PENDING and (
        request.is_link or request.colleague_id == user.pk
    ):
        return _("This request has already been answered or declined. A link works once.")
    if request.colleague_id is not None and request.colleague_id != user.pk:
        return _("This request was made to someone else.")
    if request.is_expired(now):
        return _("This request has expired. The ally can ask again with a new one.")
    return None


def _claim(request_id: int, user) -> FeedbackRequest:
    """Lock the request, check it may be answered by ``user``, and bind a link to him."""
    request = FeedbackRequest.objects.select_for_update().get(pk=request_id)
    reason = refusal_to_answer(request, user)
    if reason:
        raise FeedbackRefused(reason)
    if request.colleague_id is None:
        if FeedbackRequest.objects.filter(
            ally_id=request.ally_id, colleague=user, programme_year=request.programme_year
        ).exists():
            raise FeedbackRefused(_("This ally has already asked you for feedback this year."))
        request.colleague = user
    return request


def _finish(request_id: int, user, **changes) -> FeedbackRequest:
    def work() -> FeedbackRequest:
        request = _claim(request_id, user)
        for name, value in changes.items():
            setattr(request, name, value)
        request.answered_at = timezone.now()
        request.save()
        return request

    try:
        with transaction.atomic():
            return work()
    except IntegrityError as error:
        raise FeedbackRefused(
            _("This ally has already asked you for feedback this year.")
        ) from error


def answer(request_id: int, user, text: str, commitment, writer_agrees: bool) -> FeedbackRequest:
    return _finish(
        request_id,
        user,
        state=FeedbackState.ANSWERED,
        text=text,
        commitment=commitment,
        writer_agrees=writer_agrees,
    )


def decline(request_id: int, user) -> FeedbackRequest:
    return _finish(request_id, user, state=FeedbackState.DECLINED)


def report_unwanted(request_id: int, user) -> FeedbackRequest:
    """Decline and tell the coordinators that a request was unwanted (the count, not a text)."""
    return _finish(request_id, user, state=FeedbackState.REPORTED)


def block_ally(request_id: int, user) -> FeedbackRequest:
    """Decline, and refuse every later request from the same ally."""
    with transaction.atomic():
        request = decline(request_id, user)
        FeedbackBlock.objects.get_or_create(person=user, ally=request.ally)
    return request


def set_ally_agreement(ally, request_id: int, agrees: bool) -> FeedbackRequest | None:
    """The ally agrees (or no longer agrees) to show an answer on the wall; None if not his."""
    request = FeedbackRequest.objects.filter(
        pk=request_id, ally=ally, state=FeedbackState.ANSWERED
    ).first()
    if request is not None:
        request.ally_agrees = agrees
        request.save(update_fields=["ally_agrees"])
    return request


def set_writer_agreement(writer, request_id: int, agrees: bool) -> FeedbackRequest | None:
    """The writer withdraws (or gives again) her agreement to show her answer."""
    request = FeedbackRequest.objects.filter(
        pk=request_id, colleague=writer, state=FeedbackState.ANSWERED
    ).first()
    if request is not None:
        request.writer_agrees = agrees
        request.save(update_fields=["writer_agrees"])
    return request
