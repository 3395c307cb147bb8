"""The newsletters' part of an ally's "My data": which updates and digests were sent to him."""

from __future__ import annotations

from wagtail_allyship.newsletters.models import NewsletterDelivery


def my_newsletter_data(user) -> dict:
    deliveries = (
        NewsletterDelivery.objects.filter(user=user)
        .select_related("send__page")
        .order_by("created_at", "pk")
    )
    return {
        "newsletter_emails": [
            {
                "kind": delivery.kind,
                "newsletter": delivery.send.page.title if delivery.send else "",
                "language": delivery.language,
                "status": delivery.status,
                "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in deliveries
        ]
    }
