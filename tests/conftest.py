"""Fixtures of the package's tests (defined in :mod:`tests.fixtures`, which the example
intranet's tests share)."""

from tests.fixtures import *  # noqa: F403
