"""The public JSON API, version 1. Errors are RFC 7807 problem documents."""

import functools
import json
from pathlib import Path

from django.db import InterfaceError, OperationalError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .api_params import explain, plain_errors
from .api_responses import PROBLEM_CONTENT_TYPE, TITLES_VI, problem
from .api_schemas import Health
from .health import system_health

EXAMPLES_DIR = Path(__file__).with_name("api_examples")


class DocumentedAPI(NinjaAPI):
    """The OpenAPI document says what the API really sends: errors as problem+json, the 304, 429 and
    503 any endpoint may give, and the committed examples the suite checks against real answers."""

    def get_openapi_operation_id(self, operation):
        return operation.view_func.__name__

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            pattern.callback = method_not_allowed_as_problem(pattern.callback)
        return patterns

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        problem_ref = {"$ref": "#/components/schemas/Problem"}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation["responses"]
                for status, response in responses.items():
                    if int(status) >= 400 and "application/json" in response.get("content", {}):
                        response["content"] = {PROBLEM_CONTENT_TYPE: response["content"]["application/json"]}
                responses.setdefault(
                    304, {"description": "Not Modified: the copy the client holds is current"}
                )
                responses.setdefault(
                    429,
                    {
                        "description": "Too many requests: wait for the Retry-After seconds",
                        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                        "content": {PROBLEM_CONTENT_TYPE: {"schema": problem_ref}},
                    },
                )
                self._add_examples(operation)
        return schema

    @staticmethod
    def _add_examples(operation):
        for example_file in sorted(EXAMPLES_DIR.glob(f"{operation['operationId']}*.json")):
            example = json.loads(example_file.read_text())
            response = operation["responses"].get(example["status"]) or operation["responses"].get(
                str(example["status"])
            )
            if response is None:
                continue
            content = next(iter(response["content"].values()))
            content.setdefault("examples", {})[example_file.stem] = {
                "summary": example["request"],
                "value": example["response"],
            }


DESCRIPTION = """\
Published content of the agency (news, administrative procedures, announcement decisions, dossier
statistics), search, and the changes feed a mirror follows.

Errors are RFC 7807 problem documents (`application/problem+json`), with a Vietnamese `title`, the
English `title_en` and an English `detail`. A query parameter an endpoint does not declare answers
400, and so does a value outside the set an enumerated parameter takes (`level`, `status`,
`online_level`, `period`, `type`, `sort`: each lists its values below); the `detail` names the
parameter and the values it takes. Validation errors are 400 throughout, never 422.

**Feeds.** Besides this API, `/feeds/news.atom` (`.rss`), `/feeds/news/<category>.atom`,
`/feeds/procedures.atom` and `/feeds/changes.atom` name every item by a permanent RFC 4151 tag URI,
`tag:<authority>,2025-01-01:<type>/<id>` such as `tag:bandantoc.sonla.gov.vn,2025-01-01:news/42` (the
`type` and `object_id` the changes feed gives): the Atom `<id>` and the RSS
`<guid isPermaLink="false">`. It stays when the page gets a new slug, moves or the site a new address.
When an item is unpublished, expires or is deleted, `/feeds/changes.atom` carries an RFC 6721
`<at:deleted-entry ref="…">` whose `ref` is the id its entry had.
"""

api = DocumentedAPI(
    title="Sở Dân tộc và Tôn giáo tỉnh Sơn La – API",
    description=DESCRIPTION,
    version="1",
    urls_namespace="api-v1",
)


def method_not_allowed_as_problem(view):
    """ninja answers a method an endpoint does not take (POST to a GET endpoint) with a bare text/html
    405; a client of this API reads problems, so it gets one, with the Allow header kept."""

    @functools.wraps(view)
    def answered(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type") == PROBLEM_CONTENT_TYPE:
            return response
        allowed = response["Allow"]
        explained = problem(request, 405, "Method not allowed", detail=f"This endpoint takes {allowed} only")
        explained["Allow"] = allowed
        return explained

    return answered


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return problem(
        request, 400, "Invalid request", detail=explain(exc.errors), errors=plain_errors(exc.errors)
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    if exc.status_code == 400 and str(exc) not in TITLES_VI:
        # ninja's own words ("Cannot parse request body (Expecting value: …)") are a detail, not a
        # title a Vietnamese reader is shown.
        unreadable = str(exc).startswith("Cannot parse request body")
        return problem(
            request,
            400,
            "Invalid request",
            detail="The request body is not valid JSON" if unreadable else str(exc),
        )
    return problem(request, exc.status_code, str(exc))


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def on_database_outage(request, exc):
    from .database_outage import RETRY_AFTER_SECONDS

    response = problem(
        request, 503, "Service unavailable", detail="The database cannot be reached; try again shortly."
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return problem(request, 404, "Not found")


from .changes_api import router as changes_router  # noqa: E402 - after the API they join
from .content_api import router as content_router  # noqa: E402
from .preview_api import router as preview_router  # noqa: E402
from .search_api import router as search_router  # noqa: E402

api.add_router("/", search_router)
api.add_router("/", changes_router)
api.add_router("/", content_router)
api.add_router("/", preview_router)


@api.get(
    "/health",
    tags=["system"],
    summary="Database and search-engine status",
    response={200: Health, 503: Health},
)
def health(request):
    user = getattr(request, "user", None)
    healthy, body = system_health(detailed=bool(user and user.is_authenticated and user.is_staff))
    response = api.create_response(request, body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def unknown_endpoint(request, rest=""):
    """Paths under /api/ that name no endpoint answer as the API does, not with an HTML page."""
    return problem(request, 404, "Not found", detail=f"No API endpoint at {request.path}")
