from tests.sessions.conftest import calendar_page, people  # noqa: F401
