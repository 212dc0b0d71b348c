"""GET /api/v1/preview/<token>: the page an editor is previewing, for the front end that draws it.

The admin sends the preview frame to HEADLESS_PREVIEW_URL with the token (see site_pages.previews);
the answer has the published detail endpoint's shape plus "preview": true. The token is the only
key, so answers are never cached or indexed.
"""

from django.conf import settings
from django.core import signing
from ninja import Router

from search.sources import type_of
from site_pages.previews import HeadlessPreview

from . import content_api, serializers
from .api_params import strict_query
from .api_responses import json_response, problem
from .api_schemas import Problem

router = Router(tags=["preview"])

PRESENTERS = {
    "news": serializers.news_detail,
    "procedure": lambda request, page: serializers.procedure(request, page, detail=True),
    "notice": content_api.notice,
}


@router.get(
    "/preview/{token}",
    summary="A draft an editor is previewing, by the token the admin gave",
    description="The shape of the published detail endpoint for its type, plus `preview: true`.",
    response={200: dict, 400: Problem, 404: Problem, 410: Problem},
)
@strict_query
def preview(request, token: str):

    try:
        snapshot = HeadlessPreview.for_token(token)
    except signing.SignatureExpired:
        seconds = settings.HEADLESS_PREVIEW_MAX_AGE
        response = problem(
            request,
            410,
            "Preview expired",
            detail=f"A preview link works for {seconds} s; open the preview again from the admin.",
        )
    except signing.BadSignature:
        response = problem(
            request, 400, "Invalid preview token", detail="The token is damaged or was not issued here."
        )
    except HeadlessPreview.DoesNotExist:
        response = problem(
            request, 404, "Not found", detail="This preview is no longer kept; open it again from the admin."
        )
    else:
        page = snapshot.restored_page()
        body = {**PRESENTERS[type_of(page)](request, page), "preview": True}
        response = json_response(request, body)
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    return response
