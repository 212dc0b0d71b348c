"""Conditional requests: the portal and feed readers poll often and should mostly get 304."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from cms.publishing import log
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

CONTENT_URLS = ["/api/v1/news", "/api/v1/procedures", "/feeds/news.atom"]


@pytest.fixture
def published():
    """Two articles published a minute ago, so their changes have settled."""
    with time_machine.travel(timezone.now() - timedelta(minutes=1), tick=False):
        section = NewsIndexPageFactory()
        first = NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết")
        second = NewsArticlePageFactory(parent=section, title="Lễ hội Xên bản")
        log.sequence()  # what the commit would have done at that moment
    return {"section": section, "first": first, "second": second}


@pytest.mark.parametrize("url", [*CONTENT_URLS, "/api/v1/news/{id}"])
def test_answers_carry_a_strong_etag_and_last_modified_and_revalidate_to_304(client, published, url):
    url = url.format(id=published["first"].pk)
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('"'), (
        "a weak ETag (W/) would not allow range requests or byte-exact caching"
    )
    assert first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_withdrawing_an_article_makes_every_list_modified(client, published):
    before = {url: client.get(url) for url in CONTENT_URLS[:1] + CONTENT_URLS[2:]}
    with time_machine.travel(timezone.now() - timedelta(seconds=30), tick=False):
        published["second"].unpublish()
        log.sequence()
    for url, earlier in before.items():
        since_date = client.get(url, HTTP_IF_MODIFIED_SINCE=earlier["Last-Modified"])
        assert since_date.status_code == 200, url
        assert since_date["Last-Modified"] != earlier["Last-Modified"]
        assert "Lễ hội Xên bản" not in since_date.content.decode()
        assert client.get(url, HTTP_IF_NONE_MATCH=earlier["ETag"]).status_code == 200


def test_a_change_within_the_last_seconds_withholds_last_modified(client, published):
    """Whole-second dates cannot tell two changes in one second apart; the ETag still can."""
    NewsArticlePageFactory(parent=published["section"], title="Vừa đăng")
    response = client.get("/api/v1/news")
    assert not response.has_header("Last-Modified")
    assert response["ETag"]


@pytest.mark.parametrize(
    ("url", "policy"),
    [("/api/v1/news", "public, max-age=60"), ("/api/v1/changes", "no-cache"),
     ("/api/v1/suggest?q=h", "public, max-age=30"), ("/feeds/news.atom", "public, max-age=300"),
     ("/api/v1/health", "no-store")],
)  # fmt: skip
def test_cache_control_suits_each_endpoint(client, published, url, policy):
    assert client.get(url)["Cache-Control"] == policy


def test_errors_are_not_made_cacheable(client, published):
    response = client.get("/api/v1/news/999999999")
    assert response.status_code == 404
    assert "max-age" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", [*CONTENT_URLS, "/"])
def test_a_visitor_without_a_session_gets_answers_a_shared_cache_may_keep(client, published, url):
    # A visitor with no session cookie is anonymous whatever the sign-in rules say: touching the
    # session for them would add Vary: Cookie, and the portal's caches would keep one copy per cookie.
    response = client.get(url)
    assert response.status_code == 200
    assert "cookie" not in response.get("Vary", "").lower()
