"""The search API: JSON results, bounded pages, and RFC 7807 problems for bad parameters."""

import pytest

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def test_search_api_answers_with_hits_facets_and_highlights(client, search_index):
    article = NewsArticlePageFactory(title="Triển khai Chương trình mục tiêu quốc gia 1719")
    search_index.sync()

    body = client.get("/api/v1/search", {"q": "MTQG 1719"}).json()

    assert body["degraded"] is False
    assert [hit["key"] for hit in body["hits"]] == [f"news:{article.pk}"]
    assert body["facets"]["type"] == [{"value": "news", "count": 1}]
    assert "<mark>" in body["hits"][0]["highlight"]["title"]


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"q": "x", "size": "500"}, "size must be at most 50"),
        ({"q": "x", "size": "mười"}, "whole number"),
        ({"q": "x", "sort": "random"}, "sort must be"),
        ({"q": "x", "page": "2"}, "unknown query parameters: page"),
        ({"q": "x", "after": "not-a-token"}, "not a token"),
        ({"date_from": "1/7/2025"}, "date_from must be a date"),
    ],
)
def test_bad_parameters_are_rfc7807_problems(client, search_index, params, detail):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["detail"]


def test_autocomplete_endpoint(client, search_index):
    NewsArticlePageFactory(title="Đăng ký sinh hoạt tôn giáo tập trung")
    search_index.sync()
    suggestions = client.get("/api/v1/suggest", {"q": "dang ky"}).json()["suggestions"]
    assert suggestions[0]["title"] == "Đăng ký sinh hoạt tôn giáo tập trung"


def test_a_forged_after_token_is_a_bad_request_not_an_outage(client, search_index):
    import base64
    import json

    NewsArticlePageFactory(title="Hội nghị người có uy tín")
    search_index.sync()
    # The shape of a token for results by date, with a value the engine refuses for a date.
    forged = base64.urlsafe_b64encode(json.dumps({"after": ["not-a-date", "x"]}).encode()).decode()
    response = client.get("/api/v1/search", {"q": "uy tin", "sort": "date", "after": forged})
    assert response.status_code == 400
    assert "not a token" in response.json()["detail"]
