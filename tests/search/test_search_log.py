"""Citizens' searches are counted per day, from the API and the search page, and clicks on results."""

import pytest
from django.db import OperationalError
from django.utils import timezone

from search.analytics import SearchQueryDay
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(search_index):
    section = NewsIndexPageFactory()
    found = [
        NewsArticlePageFactory(parent=section, title=f"Hội nghị người có uy tín lần {number}")
        for number in range(1, 4)
    ]
    search_index.sync()
    return found


def today_row(query):
    return SearchQueryDay.objects.get(day=timezone.localdate(), query=query)


def test_api_searches_add_to_the_days_row(client, articles, search_log):
    client.get("/api/v1/search", {"q": "Người có  UY TÍN"})
    client.get("/api/v1/search", {"q": "người có uy tín", "size": 1})
    client.get("/api/v1/search", {"q": "xyzzy không có"})
    search_log.flush()

    row = today_row("người có uy tín")
    assert (row.searches, row.zero_results, row.hits, row.clicks) == (2, 0, 3, 0)
    missed = today_row("xyzzy không có")
    assert (missed.searches, missed.zero_results, missed.hits) == (1, 1, 0)


def test_later_pages_and_empty_queries_are_not_counted(client, articles, search_log):
    first = client.get("/api/v1/search", {"q": "uy tín", "size": 1}).json()
    client.get("/api/v1/search", {"q": "uy tín", "size": 1, "after": first["next"]})
    client.get("/api/v1/search", {"q": "  "})
    client.get("/api/v1/search", {"type": "news"})
    soup_first = client.get("/tim-kiem/", {"q": "uy tín"})
    assert soup_first.status_code == 200
    search_log.flush()

    assert list(SearchQueryDay.objects.values_list("query", "searches")) == [("uy tín", 2)]


def test_search_page_adds_to_the_days_row(client, articles, search_log):
    client.get("/tim-kiem/", {"q": "hội nghị"})
    client.get("/tim-kiem/", {"q": "không thể nào có zzqq"})
    search_log.flush()

    row = today_row("hội nghị")
    assert (row.searches, row.zero_results, row.hits) == (1, 0, 3)
    assert today_row("không thể nào có zzqq").zero_results == 1


def test_a_query_with_personal_data_is_stored_redacted(client, articles, search_log):
    client.get("/api/v1/search", {"q": "uy tín gọi 0912 345 678 hoặc a.b@gmail.com"})
    search_log.flush()
    assert list(SearchQueryDay.objects.values_list("query", flat=True)) == [
        "uy tín gọi [số điện thoại] hoặc [email]"
    ]


def click(client, body):
    return client.post("/api/v1/search/clicks", body, content_type="application/json")


def test_a_click_on_content_that_does_not_exist_or_is_not_public_does_not_count(client, articles, search_log):
    client.get("/api/v1/search", {"q": "uy tín"})
    articles[1].unpublish()
    for key in ("procedure:999999", f"news:{articles[1].pk}"):
        assert click(client, {"q": "uy tín", "key": key}).status_code == 204
    search_log.flush()
    assert today_row("uy tín").clicks == 0


def test_a_click_counts_for_a_query_searched_today(client, articles, search_log):
    client.get("/api/v1/search", {"q": "uy tín"})
    key = f"news:{articles[0].pk}"
    assert click(client, {"q": "Uy tín", "key": key}).status_code == 204
    search_log.flush()
    assert today_row("uy tín").clicks == 1

    # Also once the search is in the database and no longer waiting in memory.
    assert click(client, {"q": "uy tín", "key": key}).status_code == 204
    search_log.flush()
    assert today_row("uy tín").clicks == 1  # never more clicks than searches
    client.get("/api/v1/search", {"q": "uy tín"})
    click(client, {"q": "uy tín", "key": key})
    search_log.flush()
    assert (today_row("uy tín").searches, today_row("uy tín").clicks) == (2, 2)


def test_a_click_for_a_query_nobody_searched_makes_no_row(client, articles, search_log):
    response = click(client, {"q": "truy vấn bịa ra", "key": f"news:{articles[0].pk}"})
    # The same answer as a counted click: the endpoint does not tell what others searched.
    assert response.status_code == 204
    search_log.flush()
    assert not SearchQueryDay.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"q": "uy tín"},
        {"q": "", "key": "news:1"},
        {"q": "uy tín", "key": "javascript:alert(1)"},
        {"q": "uy tín", "key": "news:1", "extra": "x"},
        "không phải JSON",
    ],
)
def test_a_bad_click_is_a_problem(client, search_log, body):
    if isinstance(body, str):
        response = client.post("/api/v1/search/clicks", body, content_type="application/json")
    else:
        response = click(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400
    assert response.json()["title"] == "Yêu cầu không hợp lệ", "a Vietnamese title, not the parser's words"


def test_a_failing_database_write_fails_no_search(client, articles, search_log, monkeypatch, caplog):
    from search import query_log

    def broken(batch):
        raise OperationalError("database is down")

    monkeypatch.setattr(query_log, "write", broken)
    client.get("/api/v1/search", {"q": "uy tín"})
    assert search_log.flush() == 0
    assert "could not be written" in caplog.text
    assert client.get("/api/v1/search", {"q": "uy tín"}).status_code == 200
    assert client.get("/tim-kiem/", {"q": "uy tín"}).status_code == 200

    monkeypatch.undo()
    search_log.flush()  # what waited through the outage is written once the database is back
    assert today_row("uy tín").searches == 3


def test_counts_are_written_from_a_thread_of_their_own(settings, search_log, monkeypatch):
    import threading

    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    flushed = threading.Event()
    threads = []

    def flush():
        threads.append(threading.current_thread())
        flushed.set()

    monkeypatch.setattr(search_log, "_flush_and_close", flush)
    search_log.record("uy tín", hits=2)
    assert flushed.wait(5)
    assert threads[0] is not threading.current_thread()


def test_search_page_links_stay_real_addresses_and_name_the_result_for_the_click_count(
    client, articles, search_log
):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/tim-kiem/", {"q": "uy tín"}).content.decode(), "html.parser")
    results = soup.select_one("ol.result-list")
    assert results["data-click-url"] == "/api/v1/search/clicks"
    assert results["data-query"] == "uy tín"
    links = results.select("a[data-result-key]")
    assert {link["data-result-key"] for link in links} == {f"news:{page.pk}" for page in articles}
    assert {link["href"] for link in links} == {page.url for page in articles}
    assert soup.select_one('script[src$="search-clicks.js"]') is not None


def test_clicks_share_the_apis_per_client_rate_limit(client, settings, search_log):
    settings.API_RATE_LIMIT = (2, 60)
    answers = [click(client, {"q": "uy tín", "key": "news:1"}).status_code for _ in range(3)]
    assert answers == [204, 204, 429]


def test_searches_answered_while_the_engine_is_away_are_not_counted(client, articles, settings, search_log):
    settings.SEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    assert client.get("/api/v1/search", {"q": "uy tín"}).json()["degraded"] is True
    client.get("/tim-kiem/", {"q": "uy tín"})
    search_log.flush()
    assert not SearchQueryDay.objects.exists()
