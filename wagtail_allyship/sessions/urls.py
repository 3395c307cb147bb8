"""The calendar page's addresses: the calendar's own, and signing up for its sessions."""

from django.urls import path

from wagtail_allyship.sessions import views

calendar_page = [
    path("", views.index, name="index"),
    path("ics/", views.ics_feed, name="ics_feed"),
    path("event/<uuid:key>/ics/", views.ics_event, name="ics_event"),
    path("session/<uuid:key>/", views.session, name="session"),
    path("session/<uuid:key>/sign-up/", views.sign_up, name="session_sign_up"),
    path("session/<uuid:key>/cancel/", views.cancel, name="session_cancel"),
    path("session/<uuid:key>/ics/", views.place_file, name="session_place_file"),
]
