"""GET /api/v1/changes: the portal's incremental mirror, tombstones included."""

from django.utils import timezone
from ninja import Router

router = Router(tags=["syndication"])


@router.get("/changes", summary="Created, updated and deleted content since a cursor, in commit order")
def changes_view(request):
    from .api import problem
    from .changes import MAX_LIMIT, BadCursor, changes_since

    unknown = set(request.GET) - {"since", "limit"}
    if unknown:
        return problem(
            request, 400, "Invalid request", detail=f"unknown query parameters: {', '.join(sorted(unknown))}"
        )
    try:
        limit = int(request.GET.get("limit", MAX_LIMIT))
    except ValueError:
        return problem(request, 400, "Invalid request", detail="limit must be a whole number")
    if not 1 <= limit <= MAX_LIMIT:
        return problem(request, 400, "Invalid request", detail=f"limit must be between 1 and {MAX_LIMIT}")
    try:
        rows, cursor = changes_since(request.GET.get("since"), limit=limit)
    except BadCursor:
        return problem(request, 400, "Invalid cursor", detail="since must be a cursor this API returned")
    events = []
    for row in rows:
        event = {
            "id": row.key,
            "type": row.type,
            "action": row.action,
            "at": timezone.localtime(row.happened_at).isoformat(),
        }
        events.append(event)
    return {"events": events, "next": cursor, "more": len(rows) == limit}
