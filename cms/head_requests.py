"""HEAD on the API answers as GET would, headers and all, without the body.

django-ninja routes only the methods an operation declares, so a HEAD (uptime monitors, link
checkers, the portal probing whether a feed changed) got a 405. RFC 9110 asks that HEAD be served
wherever GET is, with the same headers: so the request goes through as a GET, the validators
(ETag, Last-Modified) and rate limit see exactly what a GET would, and only the body is dropped.
"""

from .api_middleware import API_PREFIXES


class HeadAsGetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD" or not request.path.startswith(API_PREFIXES):
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
