"""The circles' addresses below "My allyship" (added to its routes in ``wagtail_hooks.py``)."""

from django.urls import path

from wagtail_allyship.circles import views
from wagtail_allyship.pledges.pages import MyAllyshipPage

my_allyship_page = [
    path("circles/", views.circle_list, name="circles"),
    path("circles/<int:circle_id>/", views.circle_detail, name="circle"),
    path("circles/<int:circle_id>/ask/", views.ask, name="circle_ask"),
    path("circles/<int:circle_id>/withdraw/", views.withdraw, name="circle_withdraw"),
    path("circles/<int:circle_id>/leave/", views.leave, name="circle_leave"),
]


def subpage_urls(page_class) -> list:
    """The routes circles add below a page type: only below "My allyship"."""
    return list(my_allyship_page) if issubclass(page_class, MyAllyshipPage) else []
