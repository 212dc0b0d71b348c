"""Monitors, link checkers and the portal probe with HEAD; they must get what a GET would say."""

from datetime import timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from cms.head_requests import HeadAsGetMiddleware
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

SAME_HEADERS = ("Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control")


@pytest.fixture
def article():
    with time_machine.travel(timezone.now() - timedelta(minutes=1), tick=False):
        return NewsArticlePageFactory(parent=NewsIndexPageFactory(), title="Hội nghị tổng kết")


@pytest.mark.parametrize(
    "url", ["/api/v1/news", "/api/v1/news/{id}", "/api/v1/search?q=tong+ket", "/feeds/news.atom"]
)
def test_head_answers_with_the_headers_of_get(client, article, url):
    url = url.format(id=article.pk)
    got = client.get(url)
    head = client.head(url)
    assert got.status_code == 200
    assert head.status_code == 200, "ninja answered HEAD with 405 before"
    for header in SAME_HEADERS:
        if got.has_header(header):
            assert head[header] == got[header], header


def test_head_revalidates_to_304_like_get(client, article):
    etag = client.get("/api/v1/news")["ETag"]
    assert client.head("/api/v1/news", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_head_of_a_missing_item_is_a_404_problem(client, article):
    head = client.head("/api/v1/news/999999999")
    assert head.status_code == 404
    assert head["Content-Type"] == "application/problem+json"


def test_a_write_method_is_still_refused(client, article):
    assert client.post("/api/v1/news").status_code == 405


def test_the_body_is_dropped_but_its_length_is_announced():
    request = RequestFactory().head("/api/v1/news")
    seen = []

    def view(request):
        seen.append(request.method)
        return HttpResponse(b'{"items": []}', content_type="application/json")

    response = HeadAsGetMiddleware(view)(request)
    assert seen == ["GET"]
    assert response.content == b""
    assert response["Content-Length"] == "13"
    assert request.method == "HEAD"
