"""Feedback on the pages of pledges: "My allyship" and the pledge wall, each in one include.

The pledge pages do not know about feedback (it is a feature above them); their templates
include these tags, which cost a fixed number of queries however many answers there are.
"""

from __future__ import annotations

from django import template

from wagtail_allyship.feedback.models import FeedbackRequest
from wagtail_allyship.feedback.views import overview

register = template.Library()


@register.inclusion_tag("wagtail_allyship/feedback/includes/mine.html", takes_context=True)
def my_feedback(context):
    """The feedback part of "My allyship", for the logged-in user (two queries)."""
    request = context["request"]
    return {
        "feedback": overview(context["page"], request),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def attach_wall_feedback(pledges) -> str:
    """Give each published pledge ``wall_feedback``: the answers both people agreed to show.

    One query for the whole list of pledges.
    """
    pledges = [pledge for pledge in pledges if pledge.is_published]
    for pledge in pledges:
        pledge.wall_feedback = []
    if not pledges:
        return ""
    by_key = {(pledge.user_id, pledge.programme_year): pledge for pledge in pledges}
    answers = (
        FeedbackRequest.objects.on_the_wall()
        .filter(
            ally_id__in={pledge.user_id for pledge in pledges},
            programme_year__in={pledge.programme_year for pledge in pledges},
        )
        .select_related("colleague")
        .order_by("-answered_at", "-pk")
    )
    for answer in answers:
        pledge = by_key.get((answer.ally_id, answer.programme_year))
        if pledge is not None:
            pledge.wall_feedback.append(answer)
    return ""


@register.inclusion_tag("wagtail_allyship/feedback/includes/wall.html")
def wall_feedback(pledge, limit=None):
    answers = getattr(pledge, "wall_feedback", [])
    shown = answers[:limit] if limit else answers
    return {"answers": shown, "more": len(answers) - len(shown)}


@register.inclusion_tag("wagtail_allyship/feedback/includes/wall.html")
def pledge_wall_feedback(pledge):
    """Every answer shown with one pledge, on its own page (one query)."""
    attach_wall_feedback([pledge])
    return wall_feedback(pledge)
