"""The intranet's error page: a database that is restarting is a short wait, not a crash."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

#: Seconds a browser (or a script) is asked to wait before sending again.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """``handler500``: 503 with ``Retry-After`` when the database could not be reached.

    Only then: a query the database refused (its full-text syntax, say) while it answers
    other queries is a fault like any other, a 500.

    A restart or failover of the database cuts the connections of the requests running at
    that moment and refuses new ones for a few seconds. The package saves each submission in
    one transaction, so none of it was kept; the page asks to send it again.
    Django closes the broken connection when the request ends, and the health check
    (``conn_health_checks``) replaces a kept one before its next use. Both pages are rendered
    without the request's context processors, which could read the database again.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError) and not database_reachable():
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(render_to_string("500.html"))


def database_reachable() -> bool:
    """Whether every database still answers a query (on its open connection, or a new one)."""
    for connection in connections.all():
        try:
            if connection.connection is not None and connection.is_usable():
                continue
            connection.close()
            connection.ensure_connection()
            if not connection.is_usable():
                return False
        except DatabaseError:
            return False
    return True
