"""Schemathesis drives every endpoint from /api/v1/openapi.json with generated requests: no server
error, and every answer (status, content type, headers, body) as the document says."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.cms import api_content

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 30
OPAQUE_TOKENS = {"changes_view", "snapshot_view", "search_view", "preview"}

# Reading the document needs no database, so it is loaded once, when the tests are collected.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def content(tmp_path, search_index, settings):
    settings.API_RATE_LIMIT = (0, 60)  # the fuzzer is one client sending hundreds of requests
    api_content.build(tmp_path)
    search_index.sync()
    # As Django's test client does: a request must not close the connection holding the test's
    # transaction, or the next request would find an empty database.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same requests on every run: CI is reproducible, failures can be replayed
    suppress_health_check=list(HealthCheck),
)
def test_api_keeps_its_contract(case, content):
    # An opaque token (a changes cursor, a search `after`, a preview token) is any string by its
    # schema, yet only the ones the API gave are good: a made-up one is rightly a 400.
    takes_tokens = case.operation.definition.raw["operationId"] in OPAQUE_TOKENS
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if takes_tokens else [])
