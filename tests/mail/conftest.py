"""The loopback SMTP server, and Django's SMTP backend pointed at it."""

from __future__ import annotations

import pytest

from tests.mail.smtp import SMTPServer


@pytest.fixture
def smtp_server():
    with SMTPServer() as server:
        yield server


@pytest.fixture
def smtp(smtp_server, settings):
    """Mail goes out through Django's SMTP backend to the loopback server; returns its inbox."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    settings.DEFAULT_FROM_EMAIL = "allyship@intranet.example"
    return smtp_server.inbox
