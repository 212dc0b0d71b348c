"""API errors are RFC 7807 problem documents, never Django's HTML pages."""

import pytest


@pytest.mark.django_db
def test_unknown_api_path_is_an_rfc7807_problem(client):
    response = client.get("/api/v1/khong-co")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Không tìm thấy",
        "title_en": "Not found",
        "status": 404,
        "instance": "/api/v1/khong-co",
        "detail": "No API endpoint at /api/v1/khong-co",
    }
