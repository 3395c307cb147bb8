"""What "My data" holds of circles: the circles one is in and the requests one made.

Only the person's own records: the names of the other members are theirs, not his.
"""

from __future__ import annotations

from wagtail_allyship.circles.models import CircleMembership, CircleRequest


def my_circle_data(user) -> dict:
    memberships = CircleMembership.objects.filter(user=user).select_related("circle")
    requests = CircleRequest.objects.filter(user=user).select_related("circle")
    return {
        "circles": [
            {
                "circle": membership.circle.name,
                "joined_at": membership.joined_at,
                "joined_by": membership.how,
            }
            for membership in memberships.order_by("joined_at", "pk")
        ],
        "circle_requests": [
            {
                "circle": request.circle.name,
                "asked_at": request.asked_at,
                "status": request.status,
                "answered_at": request.answered_at,
            }
            for request in requests.order_by("asked_at", "pk")
        ],
    }
