"""The session feedback's address below the calendar page (added in ``wagtail_hooks.py``)."""

from django.urls import path

from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.session_feedback import views

calendar_page = [
    path("session/<uuid:key>/feedback/", views.feedback, name="session_feedback"),
]


def subpage_urls(page_class) -> list:
    """The routes session feedback adds below a page type: only below the calendar page."""
    return list(calendar_page) if issubclass(page_class, CalendarPage) else []
