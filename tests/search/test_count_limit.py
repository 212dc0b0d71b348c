"""A query matching more than COUNT_LIMIT documents: the total says "at least", paging goes on."""

import pytest

from search import query
from search.query import SearchRequest, search
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.search.test_result_paging import pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven_articles(search_index):
    news = NewsIndexPageFactory()
    for number in range(7):
        NewsArticlePageFactory(parent=news, title=f"Người có uy tín bản số {number}")
    search_index.sync()


def test_below_the_limit_the_total_is_exact(seven_articles):
    result = search(SearchRequest(q="nguoi co uy tin"))
    assert (result.total, result.total_relation) == (7, "eq")
    assert result.facets["type"] == [{"value": "news", "count": 7}]


def test_past_the_limit_the_total_is_a_lower_bound_and_every_hit_can_still_be_reached(
    seven_articles, monkeypatch
):
    monkeypatch.setattr(query, "COUNT_LIMIT", 3)
    result = search(SearchRequest(q="nguoi co uy tin", size=2))
    assert (result.total, result.total_relation) == (3, "gte")
    assert result.facets["type"] == [{"value": "news", "count": 3}]  # the first three matches
    keys = pages("nguoi co uy tin", size=2)
    assert len(keys) == len(set(keys)) == 7


def test_the_api_says_how_to_read_the_total(client, seven_articles, monkeypatch):
    assert client.get("/api/v1/search", {"q": "nguoi co uy tin"}).json()["total_relation"] == "eq"
    monkeypatch.setattr(query, "COUNT_LIMIT", 3)
    answer = client.get("/api/v1/search", {"q": "nguoi co uy tin"}).json()
    assert (answer["total"], answer["total_relation"]) == (3, "gte")
