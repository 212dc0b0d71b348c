"""GET /api/v1/search and /api/v1/search/autocomplete: the query service over HTTP."""

from datetime import date

from ninja import Router

from search.query import InvalidSearch, SearchRequest, autocomplete, search

router = Router(tags=["search"])

# Query parameters and the filter each one sets; repeat a parameter for several values.
FILTER_PARAMS = {"type": "type", "category": "categories", "field": "field", "level": "level",
                 "agency": "agency", "status": "status", "online_level": "online_level"}  # fmt: skip
OTHER_PARAMS = {"q", "sort", "size", "after", "date_from", "date_to"}


def _date(value, name):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InvalidSearch(f"{name} must be a date such as 2025-07-01") from error


def request_from(params):
    unknown = set(params) - set(FILTER_PARAMS) - OTHER_PARAMS
    if unknown:
        raise InvalidSearch(f"unknown query parameters: {', '.join(sorted(unknown))}")
    try:
        size = int(params.get("size", 10))
    except ValueError as error:
        raise InvalidSearch("size must be a whole number") from error
    return SearchRequest(
        q=params.get("q", ""),
        filters={FILTER_PARAMS[name]: params.getlist(name) for name in FILTER_PARAMS if params.getlist(name)},
        date_from=_date(params.get("date_from"), "date_from"),
        date_to=_date(params.get("date_to"), "date_to"),
        sort=params.get("sort", "relevance"),
        size=size,
        after=params.get("after"),
    )


@router.get("/search", summary="Search news, procedures and announcements")
def search_view(request):
    from .api import problem

    try:
        result = search(request_from(request.GET))
    except InvalidSearch as error:
        return problem(request, 400, "Invalid search", detail=str(error))
    # A shallow copy: dataclasses.asdict deep-copies every hit and facet, which cost more than the
    # rest of the request (bench/search_latency.py).
    return dict(vars(result))


@router.get("/search/autocomplete", summary="Titles that start with what was typed")
def autocomplete_view(request, q: str = ""):
    return {"suggestions": autocomplete(q)}
