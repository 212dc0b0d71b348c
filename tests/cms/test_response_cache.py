"""Public answers are kept and served again until something is published, and never when they
would be wrong for the reader: a publish, an unpublish or an expiry shows at once."""

import time
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from cms.publishing import log
from cms.response_cache import CACHE_ALIAS
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.RESPONSE_CACHE_SECONDS = 60
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


@pytest.fixture
def section():
    return NewsIndexPageFactory()


def titles(client):
    return [item["title"] for item in client.get("/api/v1/news").json()["results"]]


def test_a_second_reader_gets_the_kept_answer(client, section):
    NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết")
    first, second = client.get("/api/v1/news"), client.get("/api/v1/news")
    assert (first["X-Response-Cache"], second["X-Response-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_publishing_shows_at_once_in_lists_feeds_and_pages(client, section):
    article = NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết")
    assert titles(client) == titles(client) == ["Hội nghị tổng kết"]
    client.get("/feeds/news.rss")
    client.get(article.url)

    NewsArticlePageFactory(parent=section, title="Tập huấn chuyển đổi số")
    article.title = "Hội nghị tổng kết năm"
    article.save_revision().publish()

    assert sorted(titles(client)) == ["Hội nghị tổng kết năm", "Tập huấn chuyển đổi số"]
    assert "Tập huấn chuyển đổi số" in client.get("/feeds/news.rss").content.decode()
    assert "Hội nghị tổng kết năm" in client.get(article.url).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, section):
    article = NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết")
    url = article.url
    assert client.get(url).status_code == client.get(url).status_code == 200
    assert titles(client) == titles(client) == ["Hội nghị tổng kết"]

    article.unpublish()

    assert client.get(url).status_code == 404
    assert titles(client) == []


def test_a_kept_page_is_not_served_past_its_expiry(client, section):
    article = NewsArticlePageFactory(parent=section, expire_at=timezone.now() + timedelta(seconds=4))
    assert client.get(article.url).status_code == 200
    assert client.get(article.url)["X-Response-Cache"] == "hit"
    time.sleep((article.expire_at - timezone.now()).total_seconds() + 0.1)
    # Before the scheduler has withdrawn it: only the expiry time has passed.
    assert client.get(article.url).status_code == 404


def test_a_signed_in_editor_always_gets_a_fresh_answer(client, section):
    article = NewsArticlePageFactory(parent=section)
    client.get(article.url)
    client.force_login(UserFactory(is_superuser=True))
    answer = client.get(article.url)
    assert answer.status_code == 200
    assert "X-Response-Cache" not in answer


def test_the_changes_feed_in_atom_is_kept_until_the_log_moves(client, section):
    NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết")
    log.sequence()
    client.get("/feeds/changes.atom")
    assert client.get("/feeds/changes.atom")["X-Response-Cache"] == "hit"
    withdrawn = NewsArticlePageFactory(parent=section, title="Lễ hội Xên bản")
    withdrawn.unpublish()
    log.sequence()  # what the commit does at once outside a test's transaction
    fresh = client.get("/feeds/changes.atom")
    assert fresh["X-Response-Cache"] == "miss"
    assert "at:deleted-entry" in fresh.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/search?q=hoi+nghi", "/api/v1/changes", "/tim-kiem/?q=hoi+nghi"])
def test_search_and_the_changes_api_are_never_kept(client, section, search_index, path):
    NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết")
    search_index.sync()
    client.get(path)
    assert "X-Response-Cache" not in client.get(path)


def test_a_kept_answer_still_answers_if_none_match(client, section):
    NewsArticlePageFactory(parent=section)
    etag = client.get("/api/v1/news")["ETag"]
    again = client.get("/api/v1/news", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_turned_off_nothing_is_kept(client, section, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    NewsArticlePageFactory(parent=section)
    client.get("/api/v1/news")
    assert "X-Response-Cache" not in client.get("/api/v1/news")
