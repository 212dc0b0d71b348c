"""GET /api/v1/changes: the portal's incremental mirror, tombstones included."""

from django.utils import timezone
from ninja import Query, Router

from . import api_schemas as schemas
from .api_params import strict_query
from .changes import MAX_LIMIT

router = Router(tags=["syndication"])


def event(row):
    return {
        "id": row.key,
        "type": row.type,
        "action": row.action,
        "at": timezone.localtime(row.happened_at).isoformat(),
    }


@router.get(
    "/changes",
    summary="Created, updated and deleted content since a cursor, in commit order",
    response={200: schemas.Changes, 400: schemas.Problem},
)
@strict_query
def changes_view(
    request,
    since: str | None = Query(None, description="The `next` cursor of the previous answer; omit to start"),
    limit: int = Query(MAX_LIMIT, ge=1, le=MAX_LIMIT, description=f"Events per answer, at most {MAX_LIMIT}"),
):
    from .api import problem
    from .changes import BadCursor, changes_since

    try:
        rows, cursor = changes_since(since, limit=limit)
    except BadCursor:
        return problem(request, 400, "Invalid cursor", detail="since must be a cursor this API returned")
    return {"events": [event(row) for row in rows], "next": cursor, "more": len(rows) == limit}
