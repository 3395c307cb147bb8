"""The addresses of a calendar page: the page, its iCalendar feed and each entry's file."""

from django.urls import path

from wagtail_allyship.calendar import views

calendar_page = [
    path("", views.index, name="index"),
    path("ics/", views.ics_feed, name="ics_feed"),
    path("event/<uuid:key>/ics/", views.ics_event, name="ics_event"),
]
