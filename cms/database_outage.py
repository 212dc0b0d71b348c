"""While the database is unreachable, answer 503 and ask the client to come back, never a stack trace.

Django reconnects on its own (CONN_HEALTH_CHECKS): the first request after the database returns is
served normally, without restarting the web process.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def unavailable_page():
    # A template that needs neither the database nor a request: the database is what failed.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            return unavailable_page()
        return None
