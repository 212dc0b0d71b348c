"""Paging through results by relevance: every hit once, in the order one long page would give, ties
newest first, and a token only for the order it was made for."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search import query
from search.query import InvalidSearch, SearchRequest, search
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(search_index):
    news = NewsIndexPageFactory()
    titles = [
        "Hội nghị người có uy tín tỉnh Sơn La",
        "Người có uy tín bản Hụm",
        "Tập huấn cho người có uy tín",
        "Thăm hỏi người có uy tín ốm đau",
        "Người có uy tín với công tác chuyển đổi số",
        "Hỗ trợ người có uy tín năm 2025",
        "Gặp mặt người có uy tín",
    ]
    for title in titles:
        NewsArticlePageFactory(parent=news, title=title)
    search_index.sync()
    return titles


def pages(q, size, **kwargs):
    seen, after = [], None
    while True:
        result = search(SearchRequest(q=q, size=size, after=after, **kwargs))
        seen += [hit["key"] for hit in result.hits]
        if not result.next:
            return seen
        after = result.next


def test_marks_as_typed_reorder_the_best_hits_and_pages_keep_one_order(search_index, monkeypatch):
    news = NewsIndexPageFactory()
    # Folded, all six are alike; only the marks tell "dân" from "dần". The "dần" ones come first in
    # the index, so first in the matching clauses' order.
    for mark, slug in (("dần", "huyen"), ("dân", "ngang")):
        for number in range(3):
            NewsArticlePageFactory(parent=news, title=f"Tin vui cho người {mark}", slug=f"{slug}-{number}")
    search_index.sync()

    def titles(hits):
        return [hit["title"] for hit in hits]

    best = titles(search(SearchRequest(q="người dân", size=50)).hits)
    assert best == ["Tin vui cho người dân"] * 3 + ["Tin vui cho người dần"] * 3

    # Beyond a window of two, hits keep the matching clauses' order; paging must not reorder them.
    monkeypatch.setattr(query, "RESCORE_WINDOW", 2)
    one_page = [hit["key"] for hit in search(SearchRequest(q="người dân", size=50)).hits]
    assert pages("người dân", size=2) == one_page
    assert len(set(one_page)) == 6


def test_equally_relevant_articles_come_newest_first(search_index):
    news = NewsIndexPageFactory()
    now = timezone.now()
    for days, slug in ((400, "cu"), (3, "moi"), (40, "giua")):
        NewsArticlePageFactory(
            parent=news, title="Hội nghị tổng kết", slug=slug, display_date=now - timedelta(days=days)
        )
    search_index.sync()
    urls = [hit["url"] for hit in search(SearchRequest(q="hoi nghi tong ket")).hits]
    assert [url.rstrip("/").rsplit("/", 1)[-1] for url in urls] == ["moi", "giua", "cu"]


def test_relevance_pages_stop_at_the_engines_result_window(articles, monkeypatch):
    monkeypatch.setattr(query, "MAX_OFFSET", 4)
    assert len(pages("nguoi co uy tin", size=2)) == 4
    deep = query.encode_cursor({"from": 4})
    with pytest.raises(InvalidSearch, match="not a token"):
        SearchRequest(q="nguoi co uy tin", size=2, after=deep)


def test_a_token_works_only_for_the_order_it_was_made_for(articles):
    by_date = search(SearchRequest(q="nguoi co uy tin", sort="date", size=2)).next
    by_relevance = search(SearchRequest(q="nguoi co uy tin", size=2)).next
    with pytest.raises(InvalidSearch, match="sort order"):
        SearchRequest(q="nguoi co uy tin", after=by_date)
    with pytest.raises(InvalidSearch, match="sort order"):
        SearchRequest(q="nguoi co uy tin", sort="date", after=by_relevance)
    assert len(pages("nguoi co uy tin", size=2, sort="date")) == len(articles)
