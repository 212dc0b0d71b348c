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
def test_concurrent_requests_each_see_only_their_own_host(settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["a.example.vn", "b.example.vn"]
    NewsArticlePageFactory(parent=NewsIndexPageFactory())
    for path in ["/feeds/news.atom", "/feeds/news.rss"]:
        both_requests_see_their_own_host(monkeypatch, path)


def both_requests_see_their_own_host(monkeypatch, path):
    view = resolve(path).func
    # Both requests are inside the view before either writes a link: the moment the shared feed
    # object held the second request while the first was still writing.
    both_inside = threading.Barrier(2, timeout=5)
    items = NewsFeed.items

    def items_when_both_are_inside(feed, category):
        both_inside.wait()
        return items(feed, category)

    monkeypatch.setattr(NewsFeed, "items", items_when_both_are_inside)

    def fetch(host, language):
        with translation.override(language):
            return view(RequestFactory().get(path, HTTP_HOST=host)).content.decode()

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(fetch, ["a.example.vn", "b.example.vn"], ["vi", "en"])
    assert "a.example.vn" in first and "b.example.vn" not in first
    assert "b.example.vn" in second and "a.example.vn" not in second
    assert 'lang="vi"' in first or "<language>vi</language>" in first
    assert 'lang="en"' in second or "<language>en</language>" in second
    assert "Tin tức – sự kiện" in first and "News and events" in second
