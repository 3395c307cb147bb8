"""The package's addresses outside Wagtail's pages and admin: include them without a login.

``path("allyship/", include("wagtail_allyship.urls"))`` in the host's URLconf, outside
``i18n_patterns`` and outside any login requirement: the one-click unsubscribe address of the
reminder emails is posted to by mail clients, which have no session (RFC 8058). Its view is
marked ``login_not_required`` for Django's ``LoginRequiredMiddleware``; a host with a
middleware of its own lets ``allyship/email/`` through.
"""

from django.urls import path

from wagtail_allyship.mail.unsubscribe import URL_NAME
from wagtail_allyship.pledges.views.unsubscribe import unsubscribe

urlpatterns = [
    path("email/unsubscribe/<str:token>/", unsubscribe, name=URL_NAME),
]
