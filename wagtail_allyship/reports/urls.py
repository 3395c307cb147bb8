"""The addresses of an annual report page: the report and its figures as CSV."""

from django.urls import path

from wagtail_allyship.reports import views

report_page = [
    path("", views.report, name="report"),
    path("figures/csv/", views.figures_csv, name="figures_csv"),
]
