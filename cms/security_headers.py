"""Content-Security-Policy for the public site's HTML.

The public templates and static files carry no inline script, style or event handler, so the policy
allows this site's own files and nothing else, not even 'unsafe-inline'. Our own middleware rather than
django-csp: the policy is one fixed string with no nonces or per-view variants, and the only decision is
which answers get it, which a dozen lines state more plainly than another dependency's configuration.
"""

from django.conf import settings

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # data: for the small SVG/PNG data URIs a stylesheet or rich text may carry.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        # Wagtail's preview shows public pages inside the admin, which is this same origin.
        "frame-ancestors 'self'",
    ]
)

# Wagtail's admin needs inline scripts and styles; /documents/ serves uploaded files (a PDF viewer
# under this policy may refuse to draw); the API and feeds answer JSON and XML. The API's own
# documentation page loads Swagger UI from our static files, so it keeps the policy.
EXEMPT_PREFIXES = ("/admin/", "/documents/", "/api/", "/feeds/")
API_DOCS_PATH = "/api/v1/docs"


def applies_to(request, response):
    if request.path.startswith(EXEMPT_PREFIXES) and request.path != API_DOCS_PATH:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # Django's debug pages (DEBUG only) style themselves inline; leave them readable for developers.
    return not (settings.DEBUG and response.status_code in (404, 500))


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if applies_to(request, response):
            response.setdefault("Content-Security-Policy", POLICY)
        return response
