"""The addresses of a story index: the list itself and its two feeds."""

from django.urls import path

from wagtail_allyship.stories import views

index_page = [
    path("", views.index, name="index"),
    path("feed/", views.rss_feed, name="rss_feed"),
    path("feed/atom/", views.atom_feed, name="atom_feed"),
]
