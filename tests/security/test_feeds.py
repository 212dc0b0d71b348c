"""Feeds are read by programs we do not control: nothing in them may run as markup, and no request
may see another's host."""

import threading
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import feedparser
import pytest
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from cms.feeds import NewsFeed
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

INJECTED = '<img src=x onerror="alert(document.cookie)"> Hội nghị <b>tổng kết</b> & "trích dẫn"'


class Elements(HTMLParser):
    """What a feed reader rendering the text as HTML would build."""

    def __init__(self, text):
        super().__init__()
        self.found = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def rendered_elements(detail):
    """Elements a reader would create from a summary, given the type the feed declares for it."""
    if detail.type == "text/plain":
        return []
    return Elements(detail.value).found


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/feeds/news.atom", "/feeds/news.rss"])
def test_a_summary_with_markup_reaches_readers_as_text(client, path):
    NewsArticlePageFactory(title="Tin có mã độc", summary=INJECTED)
    # Unsanitized, as a reader that trusts the feed shows it.
    feed = feedparser.parse(client.get(path).content, sanitize_html=False)
    (entry,) = feed.entries
    assert rendered_elements(entry.summary_detail) == []
    if entry.summary_detail.type == "text/plain":
        assert entry.summary == INJECTED, "the editor's text is kept, only not as markup"
    else:
        assert "onerror" not in str(rendered_elements(entry.summary_detail))
        assert "&lt;img" in entry.summary


# Committed data, for the request threads' own database connections; the serialized rollback puts
# back what the migrations made (the page tree's root, the editorial groups) for the tests after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_requests_each_see_only_their_own_feed(monkeypatch):
    from site_pages.models import NewsCategory

    NewsCategory.objects.create(name="Chuyên mục thử A", slug="chinh-sach")
    NewsCategory.objects.create(name="Chuyên mục thử B", slug="ton-giao")
    NewsArticlePageFactory(parent=NewsIndexPageFactory())
    for suffix in ["atom", "rss"]:
        both_requests_see_their_own_feed(monkeypatch, suffix)


def both_requests_see_their_own_feed(monkeypatch, suffix):
    # One feed object in the URLconf answers every category: two categories asked at once must not
    # trade their addresses or languages.
    view = resolve(f"/feeds/news/chinh-sach.{suffix}").func
    both_inside = threading.Barrier(2, timeout=5)
    items = NewsFeed.items

    def items_when_both_are_inside(feed, category):
        both_inside.wait()
        return items(feed, category)

    monkeypatch.setattr(NewsFeed, "items", items_when_both_are_inside)

    def fetch(category, language):
        path = f"/feeds/news/{category}.{suffix}"
        with translation.override(language):
            return view(RequestFactory().get(path), category=category).content.decode()

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(fetch, ["chinh-sach", "ton-giao"], ["vi", "en"])
    assert "/feeds/news/chinh-sach." in first and "/feeds/news/ton-giao." not in first
    assert "/feeds/news/ton-giao." in second and "/feeds/news/chinh-sach." not in second
    assert "Chuyên mục thử A" in first and "Chuyên mục thử B" not in first
    assert 'lang="vi"' in first or "<language>vi</language>" in first
    assert 'lang="en"' in second or "<language>en</language>" in second
