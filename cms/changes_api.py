"""GET /api/v1/changes and /api/v1/changes/snapshot: the portal's mirror of the event log.

The feed serves numbered events only (cms/publishing/log.py), so a reader that has seen a position
never later finds an event at or below it. A cursor behind the compaction horizon answers 410 with the
snapshot's address; the snapshot lists every public object with its newest version, and the cursor to
follow the feed from once its pages are read.
"""

from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router

from . import api_schemas as schemas
from .api_params import strict_query
from .api_responses import problem
from .publishing import log, registry
from .publishing.public_urls import public_url

router = Router(tags=["syndication"])


def event(row):
    return {
        "id": row.key,
        "type": row.type,
        "object_id": row.object_id,
        "action": row.action,
        "public": row.public,
        "version": row.version,
        "position": row.position,
        "at": timezone.localtime(row.happened_at).isoformat(),
        "api_url": row.api_url,
    }


def cursor_problem(request, error, parameter="since"):

    if isinstance(error, log.CursorGone):
        return problem(
            request,
            410,
            "Cursor no longer available",
            detail="The events after this cursor have been compacted; read the snapshot, then follow "
            "the feed from its cursor.",
            resync=public_url(reverse("api-v1:changes_snapshot")),
        )
    if isinstance(error, log.FutureCursor):
        return problem(
            request, 400, "Invalid cursor", detail=f"{parameter} is ahead of the log: no such position yet"
        )
    return problem(request, 400, "Invalid cursor", detail=f"{parameter} must be a cursor this API returned")


CURSOR_ERRORS = (log.BadCursor, log.CursorGone)


@router.get(
    "/changes",
    summary="Every change to public content since a cursor, in commit order, withdrawals included",
    response={200: schemas.Changes, 400: schemas.Problem, 410: schemas.Problem},
)
@strict_query
def changes_view(
    request,
    since: str | None = Query(None, description="The `next` cursor of the previous answer; omit to start"),
    limit: int = Query(
        log.MAX_LIMIT, ge=1, le=log.MAX_LIMIT, description=f"Events per answer, at most {log.MAX_LIMIT}"
    ),
):
    try:
        rows, cursor = log.events_after(since, limit=limit)
    except CURSOR_ERRORS as error:
        return cursor_problem(request, error)
    return {"events": [event(row) for row in rows], "next": cursor, "more": len(rows) == limit}


@router.get(
    "/changes/snapshot",
    url_name="changes_snapshot",
    summary="Every public object with its newest version: where a mirror starts again",
    response={200: schemas.Snapshot, 400: schemas.Problem, 410: schemas.Problem},
)
@strict_query
def snapshot_view(
    request,
    page: int = Query(1, ge=1, le=100_000, description=f"Pages of {log.SNAPSHOT_PAGE_SIZE} objects"),
    cursor: str | None = Query(None, description="The `cursor` of page 1, for every later page"),
):
    try:
        objects, position_cursor, more = log.snapshot(page, cursor)
    except CURSOR_ERRORS as error:
        return cursor_problem(request, error, parameter="cursor")
    return {
        "cursor": position_cursor,
        "objects": [snapshot_object(key, newest) for key, newest in objects],
        "more": more,
    }


def snapshot_object(key, newest):
    kind, object_id = registry.parse_key(key)
    return {
        "id": key,
        "type": kind,
        "object_id": object_id,
        "version": newest.version if newest else 0,
        "position": newest.position if newest else 0,
        "api_url": newest.api_url if newest else None,
    }
