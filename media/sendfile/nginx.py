from urllib.parse import quote

from django.http import HttpResponse

from . import path_in_documents

# An `internal` nginx location that maps this prefix to MEDIA_ROOT/documents/ (see README).
INTERNAL_PREFIX = "/_protected_documents/"


def sendfile(request, filename, **kwargs):
    response = HttpResponse()
    response["X-Accel-Redirect"] = INTERNAL_PREFIX + quote(path_in_documents(filename).as_posix())
    return response
