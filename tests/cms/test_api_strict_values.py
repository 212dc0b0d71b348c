"""A parameter with a fixed set of values refuses any other, naming the ones it takes, and the OpenAPI
document lists them: `period=week` answered with every period, or `type=xyz` with no hits, would let a
client believe it had what it asked for."""

import pytest

from cms.api import api
from cms.publishing import log
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"

# (endpoint, parameter): a value it takes, and every value it takes.
ENUMERATED = {
    ("/api/v1/procedures", "level"): ("commune", {"province", "commune", "ministry", "other"}),
    ("/api/v1/procedures", "status"): ("in_force", {"in_force", "amended", "abolished"}),
    ("/api/v1/procedures", "online_level"): ("full", {"full", "partial", "none"}),
    ("/api/v1/statistics", "period"): ("quarter", {"month", "quarter", "half_year", "year"}),
    ("/api/v1/search", "type"): ("procedure", {"news", "procedure", "notice"}),
    ("/api/v1/search", "level"): ("commune", {"province", "commune", "ministry", "other"}),
    ("/api/v1/search", "status"): ("in_force", {"in_force", "amended", "abolished"}),
    ("/api/v1/search", "online_level"): ("full", {"full", "partial", "none"}),
    ("/api/v1/search", "sort"): ("date", {"relevance", "date"}),
}
# Every other query parameter, and what it takes instead of a fixed set of values.
NOT_ENUMERATED = {
    "news_list": {"category": "slug", "tag": "name", "date_from": "date", "date_to": "date",
                  "updated_since": "time", "page": "number", "page_size": "number"},
    "procedures": {"field": "name", "agency": "text", "page": "number", "page_size": "number"},
    "procedure_notices": {"page": "number", "page_size": "number"},
    "statistics": {"page": "number", "page_size": "number"},
    "search_view": {"q": "text", "category": "name", "field": "name", "agency": "name", "size": "number",
                    "after": "token", "date_from": "date", "date_to": "date"},
    "suggest_view": {"q": "text"},
    "changes_view": {"since": "cursor", "limit": "number"},
    "snapshot_view": {"page": "number", "cursor": "cursor"},
}  # fmt: skip
UNKNOWN_VALUES = ["week", "COMMUNE", "", "news,procedure"]


def ask(client, endpoint, parameter, value):
    words = {"q": "x"} if endpoint == "/api/v1/search" else {}
    return client.get(endpoint, {**words, parameter: value})


def problem(response, status=400):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    return response.json()


@pytest.mark.parametrize(("endpoint", "parameter"), list(ENUMERATED))
@pytest.mark.parametrize("value", UNKNOWN_VALUES)
def test_an_unknown_value_is_refused_with_the_values_it_takes(client, endpoint, parameter, value):
    _valid, allowed = ENUMERATED[endpoint, parameter]
    detail = problem(ask(client, endpoint, parameter, value))["detail"]
    assert detail.startswith(f"{parameter} must be one of ")
    assert all(f"'{name}'" in detail for name in allowed), detail


@pytest.mark.parametrize(("endpoint", "parameter"), list(ENUMERATED))
def test_a_value_it_takes_still_answers(client, endpoint, parameter):
    valid, _allowed = ENUMERATED[endpoint, parameter]
    response = ask(client, endpoint, parameter, valid)
    assert response.status_code == 200, response.content


def test_one_unknown_value_among_repeated_ones_is_named(client):
    body = problem(client.get("/api/v1/search", {"q": "x", "type": ["news", "xyz"]}))
    assert body["detail"] == "type must be one of 'news', 'procedure' or 'notice'"


def query_parameters():
    """operationId -> {parameter name: schema}, as the OpenAPI document declares them."""
    schema = api.get_openapi_schema()
    declared = {}
    for operations in schema["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    declared.setdefault(operation["operationId"], {})[parameter["name"]] = parameter["schema"]
    return schema, declared


def allowed_values(schema, parameter_schema):
    """The enum of a parameter's schema, through a $ref, a list's items and an optional's anyOf."""
    if "$ref" in parameter_schema:
        name = parameter_schema["$ref"].rsplit("/", 1)[-1]
        return allowed_values(schema, schema["components"]["schemas"][name])
    if "enum" in parameter_schema:
        return set(parameter_schema["enum"])
    if "items" in parameter_schema:
        return allowed_values(schema, parameter_schema["items"])
    for option in parameter_schema.get("anyOf", []):
        if found := allowed_values(schema, option):
            return found
    return None


def test_the_openapi_document_lists_the_values_of_every_enumerated_parameter():
    schema, declared = query_parameters()
    operations = {"/api/v1/procedures": "procedures", "/api/v1/statistics": "statistics",
                  "/api/v1/search": "search_view"}  # fmt: skip
    for (endpoint, parameter), (_valid, allowed) in ENUMERATED.items():
        found = allowed_values(schema, declared[operations[endpoint]][parameter])
        assert found == allowed, (endpoint, parameter)


def test_every_query_parameter_is_either_enumerated_or_known_to_take_free_values():
    """A parameter added later must be sorted into one or the other here."""
    schema, declared = query_parameters()
    enumerated = {
        operation: {
            name for name, parameter_schema in parameters.items() if allowed_values(schema, parameter_schema)
        }
        for operation, parameters in declared.items()
    }
    free = {operation: set(parameters) - enumerated[operation] for operation, parameters in declared.items()}
    assert free == {operation: set(names) for operation, names in NOT_ENUMERATED.items()}


@pytest.mark.parametrize(
    ("cursor", "detail"),
    [
        ("not-a-cursor!", "cursor must be a cursor this API returned"),
        (log.encode_cursor(10**6), "cursor is ahead of the log: no such position yet"),
    ],
)
def test_a_snapshot_cursor_that_is_damaged_or_from_the_future_is_refused(client, cursor, detail):
    NewsArticlePageFactory()
    body = problem(client.get("/api/v1/changes/snapshot", {"page": 2, "cursor": cursor}))
    assert body["detail"] == detail
    first = client.get("/api/v1/changes/snapshot").json()
    assert client.get("/api/v1/changes/snapshot", {"page": 2, "cursor": first["cursor"]}).status_code == 200


def test_a_cursor_one_past_the_head_is_from_the_future(client):
    NewsArticlePageFactory()
    log.sequence()
    at_head = log.encode_cursor(log.head())
    assert client.get("/api/v1/changes", {"since": at_head}).json()["events"] == []
    body = problem(client.get("/api/v1/changes", {"since": log.encode_cursor(log.head() + 1)}))
    assert "since is ahead of the log" in body["detail"]
