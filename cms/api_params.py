"""Query parameters of the API: declared once in each view's signature, checked strictly everywhere.

A misspelt filter (`categroy=`) silently ignored would hand a client the unfiltered list and let it
believe it had what it asked for; every endpoint therefore rejects parameters it does not declare.
"""

import functools
import inspect
import re
from datetime import UTC, date, datetime
from typing import Annotated

from django.utils import timezone
from ninja import Path, Query
from pydantic import AfterValidator, BeforeValidator

from .api_responses import problem

MAX_PAGE_SIZE = 100
NOT_QUERY_PARAMETERS = {"request", "response"}
LARGEST_ID = 2**63 - 1  # the database's bigint: a larger number is no id, not a server error
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def _iso_only(pattern, example):
    # pydantic would also take "0" or "1.5" as seconds since 1970; in a URL that is a typo, not a date.
    def check(value):
        if isinstance(value, str) and not pattern.match(value):
            raise ValueError(f"must be a date such as {example}")
        return value

    return BeforeValidator(check)


def _in_utc(value):
    """An offset Python takes may be one PostgreSQL refuses (beyond ±15:59, "+19:51"), which would
    fail the query with a server error: the same instant in UTC is one it takes. A time without an
    offset is the site's (+07:00), read here so that one before year 1 in UTC is refused as any other."""
    try:
        if value.tzinfo is None:
            value = timezone.make_aware(value)
        return value.astimezone(UTC)
    except OverflowError as error:  # 0001-01-01T00:00+01:00 is a moment before year 1
        raise ValueError("is outside the dates this API can read") from error


IsoDate = Annotated[date, _iso_only(ISO_DATE, "2025-07-01")]
IsoDateTime = Annotated[
    datetime, _iso_only(ISO_DATE_TIME, "2025-07-01T08:00:00+07:00"), AfterValidator(_in_utc)
]


def page_id():
    return Path(..., ge=1, le=LARGEST_ID)


MAX_PAGE_NUMBER = 100_000  # beyond any list here; a larger offset only overflows the database


def page_number():
    return Query(1, ge=1, le=MAX_PAGE_NUMBER, description="Page number, from 1")


def page_size(default=20, maximum=MAX_PAGE_SIZE):
    return Query(default, ge=1, le=maximum, description=f"Items per page, at most {maximum}")


def strict_query(view):
    """Answer 400 for any query parameter the view's signature does not declare."""
    allowed = set(inspect.signature(view).parameters) - NOT_QUERY_PARAMETERS

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        unknown = set(request.GET) - allowed
        if unknown:
            return problem(
                request,
                400,
                "Invalid request",
                detail=f"unknown query parameters: {', '.join(sorted(unknown))}",
            )
        return view(request, *args, **{name: without_nul(value) for name, value in kwargs.items()})

    return checked


def without_nul(value):
    """PostgreSQL refuses a NUL in text with an error, a server error if one reached it from a URL. No
    name, slug or code holds one, so it becomes U+FFFD, the mark of what could not be read: a lookup
    finds nothing (404, an empty list) as it would have with the NUL, and the string stays valid."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    return value


def explain(errors):
    """One plain sentence per rejected parameter, from pydantic's validation errors."""
    sentences = []
    for error in errors:
        # A repeated parameter's loc ends with the index of the rejected value: the name comes before.
        name = next((str(part) for part in reversed(error.get("loc", [])) if isinstance(part, str)), "?")
        kind = error.get("type", "")
        context = error.get("ctx", {})
        if kind == "less_than_equal":
            sentences.append(f"{name} must be at most {context.get('le')}")
        elif kind == "greater_than_equal":
            sentences.append(f"{name} must be {context.get('ge')} or more")
        elif kind == "int_parsing" or kind == "int_from_float":
            sentences.append(f"{name} must be a whole number")
        elif kind.startswith("date_"):
            sentences.append(f"{name} must be a date such as 2025-07-01")
        elif kind.startswith("datetime_"):
            sentences.append(f"{name} must be a date or a time such as 2025-07-01T08:00:00+07:00")
        elif kind == "value_error":
            sentences.append(f"{name} {error.get('msg', '').removeprefix('Value error, ')}")
        elif kind in ("literal_error", "enum"):
            sentences.append(f"{name} must be one of {context.get('expected')}")
        else:
            sentences.append(f"{name}: {error.get('msg', 'invalid')}")
    return "; ".join(sentences)


def plain_errors(errors):
    """pydantic's errors without their context objects, which are not always JSON."""
    return [{key: error[key] for key in ("type", "loc", "msg") if key in error} for error in errors]
