"""GET /api/v1/search and /api/v1/suggest: the query service over HTTP."""

from datetime import datetime
from typing import Literal

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router

from procedure_catalog.vocabulary import Level, OnlineLevel, Status
from search.query import MAX_PAGE_SIZE, InvalidSearch, SearchRequest, autocomplete, search
from search.query_log import query_log, record_search
from search.sources import TYPES, indexable_queryset, parse_key

from . import api_schemas as schemas
from .api_params import IsoDate, strict_query
from .api_responses import problem
from .serializers import absolute

router = Router(tags=["search"])

REPEATABLE = "Repeat the parameter for several values"
# The types the index holds: an unknown one is refused with these named, not answered with no hits.
SearchableType = Literal[tuple(TYPES)]


def local_time(value):
    """The index stores UTC; the API speaks +07:00 like every other endpoint."""
    if not value or "T" not in value:
        return value
    try:
        return timezone.localtime(datetime.fromisoformat(value)).isoformat()
    except ValueError:
        return value


@router.get(
    "/search",
    summary="Search news, procedures and announcements",
    response={200: schemas.SearchResults, 400: schemas.Problem},
)
@strict_query
def search_view(
    request,
    q: str = Query("", description="Words to find, with or without diacritics"),
    type: list[SearchableType] | None = Query(None, description=REPEATABLE),
    category: list[str] | None = Query(None, description=f"News category names. {REPEATABLE}"),
    field: list[str] | None = Query(None, description=f"Procedure field names. {REPEATABLE}"),
    level: list[Level] | None = Query(None, description=REPEATABLE),
    agency: list[str] | None = Query(None, description=f"Handling agency names. {REPEATABLE}"),
    status: list[Status] | None = Query(None, description=REPEATABLE),
    online_level: list[OnlineLevel] | None = Query(None, description=REPEATABLE),
    sort: Literal["relevance", "date"] = "relevance",
    size: int = Query(10, ge=1, le=MAX_PAGE_SIZE, description=f"Hits per page, at most {MAX_PAGE_SIZE}"),
    after: str | None = Query(None, description="The `next` token of the previous page"),
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
):
    chosen = {"type": type, "categories": category, "field": field, "level": level, "agency": agency,
              "status": status, "online_level": online_level}  # fmt: skip
    try:
        result = search(
            SearchRequest(
                q=q,
                filters={name: [str(value) for value in values] for name, values in chosen.items() if values},
                date_from=date_from,
                date_to=date_to,
                sort=sort,
                size=size,
                after=after,
            )
        )
    except InvalidSearch as error:
        return problem(request, 400, "Invalid search", detail=str(error))
    record_search(q, after, result)
    # A shallow copy: dataclasses.asdict deep-copies every hit and facet, which cost more than the
    # rest of the request (bench/search_latency.py).
    answer = dict(vars(result))
    answer["hits"] = [
        {**hit, "url": absolute(request, hit["url"]), "date": local_time(hit.get("date"))}
        for hit in result.hits
    ]
    return answer


@router.post(
    "/search/clicks",
    summary="Count a click on a search result",
    description=(
        "Sent by the search page when a visitor opens a result, for the editors' report of what "
        "citizens search for. Counted only for a query searched today; the answer is the same either way."
    ),
    response={204: None, 400: schemas.Problem},
)
@strict_query
def search_click(request, click: schemas.SearchClick):
    if is_public_content(click.key):
        query_log.record_click(click.q, click.key)
    return HttpResponse(status=204)


def is_public_content(key):
    """Only a result a citizen could have opened counts: a made-up key would skew the report."""
    parsed = parse_key(key)
    return parsed is not None and indexable_queryset(parsed[0]).filter(pk=parsed[1]).exists()


@router.get(
    "/suggest",
    summary="Titles that start with what was typed, for a search box",
    response={200: schemas.Suggestions, 400: schemas.Problem},
)
@strict_query
def suggest_view(request, q: str = Query("", description="What has been typed so far")):
    return {"suggestions": [{**item, "url": absolute(request, item["url"])} for item in autocomplete(q)]}
