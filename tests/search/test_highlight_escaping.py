"""Highlights of text holding & and < are escaped exactly once, on the page and in the API, and
nothing typed into a title or body can become markup."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

TITLE = "Hỗ trợ đồng bào <b>miền núi</b> & <script>alert(1)</script> vùng cao"
SUMMARY = "Chính sách cho biên giới"  # no word of the query: the page's snippet comes from the body
BODY = "<p>Đầu tư &amp; hỗ trợ miền núi: 5 &lt; 7 xã</p>"
BODY_TEXT = "Đầu tư & hỗ trợ miền núi: 5 < 7 xã"
MARK = re.compile(r"</?mark>")


@pytest.fixture
def article(search_index):
    page = NewsArticlePageFactory(title=TITLE, summary=SUMMARY, body=[("paragraph", RichText(BODY))])
    search_index.sync()
    return page


def test_search_page_shows_ampersand_and_brackets_once_and_no_injected_markup(client, article):
    response = client.get("/tim-kiem/", {"q": "mien nui"})
    page = response.content.decode()
    soup = BeautifulSoup(page, "html.parser")
    result = soup.select("ol.result-list > li")[0]

    assert result.h3.get_text() == TITLE
    assert result.h3.find("mark"), "the matched words are marked"
    assert result.h3.find("b") is None
    snippet = result.find(class_="snippet")
    assert snippet is not None and snippet.get_text() == BODY_TEXT
    assert snippet.find("mark")
    assert "&amp;amp;" not in page and "&amp;lt;" not in page
    assert "<script>alert" not in page


def test_api_highlight_is_escaped_once(client, article):
    answer = client.get("/api/v1/search", {"q": "mien nui"}).json()
    hit = answer["hits"][0]

    for name, fragment in hit["highlight"].items():
        assert "<mark>" in fragment, name
        assert "&amp;amp;" not in fragment and "&amp;lt;" not in fragment, (name, fragment)
        assert not re.search(r"<(?!/?mark>)", fragment), (name, fragment)
    assert html.unescape(MARK.sub("", hit["highlight"]["title"])) == TITLE
    assert html.unescape(MARK.sub("", hit["highlight"]["body"])) == BODY_TEXT
