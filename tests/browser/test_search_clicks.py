"""Opening a search result in Chromium counts a click for the editors' report, under the site's CSP."""

import pytest
from django.utils import timezone

from search.analytics import SearchQueryDay
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_opening_a_result_records_a_click_and_follows_the_real_link(browser, live_server, search_index):
    from search.query_log import query_log

    section = NewsIndexPageFactory()
    article = NewsArticlePageFactory(parent=section, title="Hội nghị biểu dương người có uy tín")
    search_index.sync()
    query_log.discard()

    # No bypass_csp: the beacon must pass the site's own Content-Security-Policy.
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/tim-kiem/?q=nguoi+co+uy+tin")
    query_log.flush()  # the search, counted by the server thread, is in the database now

    link = page.locator("a.search-result__link").first
    assert link.get_attribute("href") == article.url
    with page.expect_request(lambda request: request.url.endswith("/api/v1/search/clicks")) as beacon:
        link.click()
    assert beacon.value.method == "POST"
    page.wait_for_url(f"{live_server.url}{article.url}")
    context.close()
    query_log.flush()

    row = SearchQueryDay.objects.get(day=timezone.localdate(), query="nguoi co uy tin")
    assert (row.searches, row.clicks) == (1, 1)
    assert errors == []
