"""The public JSON API, version 1. Errors are RFC 7807 problem documents."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .health import system_health

PROBLEM_CONTENT_TYPE = "application/problem+json"

api = NinjaAPI(
    title="Sở Dân tộc và Tôn giáo tỉnh Sơn La – API",
    version="1",
    urls_namespace="api-v1",
)


# Titles in Vietnamese for people, with the English beside them for integrators and their logs.
TITLES_VI = {
    "Invalid request": "Yêu cầu không hợp lệ",
    "Invalid search": "Yêu cầu tìm kiếm không hợp lệ",
    "Invalid cursor": "Con trỏ không hợp lệ",
    "Not found": "Không tìm thấy",
}


def problem(request, status, title, detail=None, **extra):
    body = {
        "type": "about:blank",
        "title": TITLES_VI.get(title, title),
        "title_en": title,
        "status": status,
        "instance": request.path,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM_CONTENT_TYPE
    return response


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return problem(request, 400, "Invalid request", errors=exc.errors)


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return problem(request, exc.status_code, str(exc))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return problem(request, 404, "Not found")


from .changes_api import router as changes_router  # noqa: E402 - the routers need `problem` above
from .content_api import router as content_router  # noqa: E402
from .search_api import router as search_router  # noqa: E402

api.add_router("/", search_router)
api.add_router("/", changes_router)
api.add_router("/", content_router)


@api.get("/health", tags=["system"], summary="Database and search-engine status")
def health(request):
    healthy, body = system_health()
    response = api.create_response(request, body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def unknown_endpoint(request, rest=""):
    """Paths under /api/ that name no endpoint answer as the API does, not with an HTML page."""
    return problem(request, 404, "Not found", detail=f"No API endpoint at {request.path}")
