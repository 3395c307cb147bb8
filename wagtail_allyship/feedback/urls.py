"""The feedback addresses below "My allyship" (added to its routes in ``wagtail_hooks.py``)."""

from django.urls import path

from wagtail_allyship.feedback import views
from wagtail_allyship.pledges.pages import MyAllyshipPage

my_allyship_page = [
    path("feedback/ask/", views.ask, name="feedback_ask"),
    path("feedback/<int:request_id>/", views.answer_named, name="feedback_answer"),
    path("feedback/link/<str:token>/", views.answer_link, name="feedback_link"),
    path("feedback/<int:request_id>/show/", views.ally_agrees, name="feedback_ally_agrees"),
    path(
        "feedback/<int:request_id>/my-answer/", views.writer_agrees, name="feedback_writer_agrees"
    ),
]


def subpage_urls(page_class) -> list:
    """The routes feedback adds below a page type: only below "My allyship"."""
    return list(my_allyship_page) if issubclass(page_class, MyAllyshipPage) else []
