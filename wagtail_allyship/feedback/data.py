"""What "My data" holds of feedback: what the user asked for and received, and what he gave."""

from __future__ import annotations

from wagtail_allyship.feedback.models import FeedbackBlock, FeedbackRequest, FeedbackState
from wagtail_allyship.registry.models import display_name


def _shown_state(request: FeedbackRequest) -> str:
    """A report as unwanted reads as a decline to the ally, as it does on his page."""
    return FeedbackState.DECLINED if request.state == FeedbackState.REPORTED else request.state


def my_feedback_data(user) -> dict:
    """The requests ``user`` made with their answers, the answers he gave, whom he blocked."""
    sent = FeedbackRequest.objects.filter(ally=user).select_related("colleague", "commitment")
    received = FeedbackRequest.objects.filter(colleague=user).select_related("ally", "commitment")
    return {
        "feedback_asked_for": [
            {
                "asked_at": request.created_at,
                "programme_year": request.programme_year,
                "asked": display_name(request.colleague) if request.colleague else "",
                "by_private_link": request.is_link,
                "state": _shown_state(request),
                "expires_at": request.expires_at,
                "answered_at": request.answered_at,
                "example": request.text,
                "commitment": request.commitment.text if request.commitment else "",
                "writer_agrees_to_show": request.writer_agrees,
                "you_agree_to_show": request.ally_agrees,
            }
            for request in sent.order_by("created_at", "pk")
        ],
        "feedback_given": [
            {
                "asked_by": display_name(request.ally),
                "asked_at": request.created_at,
                "state": request.state,
                "answered_at": request.answered_at,
                "example": request.text,
                "commitment": request.commitment.text if request.commitment else "",
                "you_agree_to_show": request.writer_agrees,
                "ally_agrees_to_show": request.ally_agrees,
            }
            for request in received.order_by("created_at", "pk")
        ],
        "feedback_blocked_allies": [
            display_name(block.ally)
            for block in FeedbackBlock.objects.filter(person=user).select_related("ally")
        ],
    }
