"""Ally circles on "My allyship": the reader's circles and the next meeting of each.

The pledge pages do not know about circles (a feature above them); "My allyship" includes
``{% load allyship_circles %}{% my_circles %}``, which costs a fixed number of queries
however many circles and members there are.
"""

from __future__ import annotations

from django import template

from wagtail_allyship.circles.meetings import attach_next_meetings, with_next_meeting
from wagtail_allyship.circles.models import AllyCircle, CircleRequest, RequestStatus
from wagtail_allyship.content.responses import subpage_url

register = template.Library()


@register.inclusion_tag("wagtail_allyship/circles/includes/mine.html", takes_context=True)
def my_circles(context) -> dict:
    """The reader's circles with their next meetings, and their requests waiting."""
    request = context.get("request")
    page = context.get("page")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None:
        return {"shown": False}
    circles = list(
        with_next_meeting(AllyCircle.objects.filter(memberships__user=user)).order_by("name", "pk")
    )
    attach_next_meetings(circles, page, request)
    for circle in circles:
        circle.url = subpage_url(page, request, "circle", circle.pk)
    pending = CircleRequest.objects.filter(user=user, status=RequestStatus.PENDING).count()
    return {
        "shown": True,
        "circles": circles,
        "pending": pending,
        "list_url": subpage_url(page, request, "circles"),
    }
