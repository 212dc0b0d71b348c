"""Browsers on the portal may call the API; nobody may flood it."""

import pytest


@pytest.fixture
def portal(settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://sonla.gov.vn"]
    return "https://sonla.gov.vn"


def test_configured_origin_gets_cors_headers_and_others_do_not(client, portal, db):
    allowed = client.get("/api/v1/categories", HTTP_ORIGIN=portal)
    other = client.get("/api/v1/categories", HTTP_ORIGIN="https://evil.example")
    assert allowed["Access-Control-Allow-Origin"] == portal
    assert "Access-Control-Allow-Origin" not in other
    assert "Origin" in allowed["Vary"]


def test_preflight_from_the_portal(client, portal):
    response = client.options("/api/v1/news", HTTP_ORIGIN=portal, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert response.status_code == 204
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_rate_limit_answers_429_with_retry_after_per_client(client, settings, db):
    settings.API_RATE_LIMIT = (3, 60)
    answers = [client.get("/api/v1/categories", REMOTE_ADDR="10.0.0.7").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = client.get("/api/v1/categories", REMOTE_ADDR="10.0.0.7")
    assert limited["Content-Type"] == "application/problem+json"
    assert 1 <= int(limited["Retry-After"]) <= 61
    assert client.get("/api/v1/categories", REMOTE_ADDR="10.0.0.8").status_code == 200
    assert client.get("/", REMOTE_ADDR="10.0.0.7").status_code in (200, 404), "public pages are not limited"
