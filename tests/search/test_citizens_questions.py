"""Citizens ask whole questions, name the kind of content they want, and misspell without
diacritics: each against the real engine, as the API and the search page answer them."""

import pytest
from bs4 import BeautifulSoup

from search.query import SearchRequest, search
from search.understanding import understand
from site_pages.models import NewsIndexPage
from tests.factories import (
    HomePageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    ProcedureIndexPageFactory,
)
from tests.procedure_catalog.test_public_catalog import procedure

pytestmark = pytest.mark.django_db

RECOGNITION = "Thủ tục công nhận người có uy tín trong đồng bào dân tộc thiểu số"
NEWS = "Toàn tỉnh có 2.185 người có uy tín trong đồng bào dân tộc thiểu số"
FESTIVAL = "Thủ tục đề nghị tổ chức lễ hội tín ngưỡng"
COMPLAINT = "Thủ tục giải quyết khiếu nại lần đầu"


@pytest.fixture
def content(search_index):
    home = HomePageFactory()
    section = ProcedureIndexPageFactory(parent=home)
    procedure(section, "1.900101", RECOGNITION)
    procedure(section, "1.900202", FESTIVAL)
    procedure(section, "1.900401", COMPLAINT)
    news = NewsIndexPageFactory(parent=home)
    NewsArticlePageFactory(parent=news, title=NEWS, summary="Người có uy tín là cầu nối ở thôn, bản.")
    # Shares only the question's frame with the questions below.
    NewsArticlePageFactory(parent=news, title="Tôi muốn hỏi: ở đâu, như thế nào, cần những gì?")
    search_index.sync()


def titles(q, **kwargs):
    return [hit["title"] for hit in search(SearchRequest(q=q, **kwargs)).hits]


@pytest.mark.parametrize(
    "question",
    [
        "tôi muốn hỏi thủ tục công nhận người có uy tín cần những giấy tờ gì, nộp ở đâu?",
        "toi muon hoi thu tuc cong nhan nguoi co uy tin can nhung giay to gi, nop o dau?",
        "Xin cho biết công nhận người có uy tín thì làm thế nào ạ",
    ],
)
def test_a_whole_question_finds_what_it_asks_about_not_its_frame(content, question):
    found = titles(question)
    assert found[0] == RECOGNITION
    assert "Tôi muốn hỏi: ở đâu, như thế nào, cần những gì?" not in found


@pytest.mark.parametrize(
    "question",
    ["muốn tổ chức lễ hội tín ngưỡng thì phải làm thủ tục gì", "muon to chuc le hoi tin nguong thi lam sao"],
)
def test_a_question_about_a_festival_finds_the_festival_procedure(content, question):
    assert titles(question)[0] == FESTIVAL


def test_a_kind_of_content_named_ranks_that_kind_first_and_excludes_nothing(content):
    asked_for_procedures = search(SearchRequest(q="thủ tục người có uy tín"))
    assert asked_for_procedures.hits[0]["title"] == RECOGNITION
    assert NEWS in [hit["title"] for hit in asked_for_procedures.hits]
    assert asked_for_procedures.intent == "procedure"

    asked_for_news = search(SearchRequest(q="tin tức người có uy tín"))
    assert asked_for_news.hits[0]["title"] == NEWS
    assert RECOGNITION in [hit["title"] for hit in asked_for_news.hits]
    assert asked_for_news.intent == "news"


def test_the_named_kind_is_not_offered_once_chosen(content):
    chosen = search(SearchRequest(q="thủ tục người có uy tín", filters={"type": ["procedure"]}))
    assert chosen.intent is None
    assert search(SearchRequest(q="người có uy tín")).intent is None


def test_the_api_offers_the_named_kind_and_the_search_page_links_to_it(client, content):
    assert client.get("/api/v1/search", {"q": "thu tuc nguoi co uy tin"}).json()["intent"] == "procedure"
    page = client.get("/tim-kiem/", {"q": "thủ tục người có uy tín"}).content.decode()
    assert "Chỉ xem: Thủ tục" in page
    assert "type=procedure" in page


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("khieu lai lan dau", "khiếu nại lần đầu"),  # l for n, typed without diacritics
        ("le hoi tin nguon", "lễ hội tín ngưỡng"),  # a final letter lost
        ("khiếu lại lần đầu", "khiếu nại lần đầu"),
        ("cong nhan nguoi co uy tinn", "công nhận người có uy tín"),
    ],
)
def test_a_misspelled_query_is_offered_with_the_right_diacritics(client, content, typed, offered):
    body = client.get("/api/v1/search", {"q": typed}).json()
    assert body["suggestion"] == offered
    assert client.get("/api/v1/search", {"q": offered}).json()["total"] >= 1


def test_the_search_page_offers_the_correction_above_the_results_it_found_anyway(client, content):
    page = BeautifulSoup(client.get("/tim-kiem/", {"q": "khieu lai lan dau"}).content, "html.parser")
    assert (
        page.find(class_="did-you-mean").get_text(" ", strip=True)
        == "Có phải bạn muốn tìm: khiếu nại lần đầu ?"
    )
    assert [link.get_text() for link in page.select(".result-list h3 a")] == [COMPLAINT]


def test_words_the_content_lacks_are_not_turned_into_nonsense(content):
    # "sáp nhập" is spelt right; no text has it, and no correction makes more of a phrase.
    assert search(SearchRequest(q="sap nhap nguoi co uy tin")).suggestion is None


def test_no_suggestion_comes_from_a_draft(client, search_index):
    section = ProcedureIndexPageFactory()
    procedure(section, "1.900202", FESTIVAL)
    procedure(section, "1.900999", "Thủ tục công nhận lễ hội Pắcmạ", publish=False)
    search_index.sync()
    body = client.get("/api/v1/search", {"q": "le hoi pacmo"}).json()
    assert body["suggestion"] != "lễ hội pắcmạ"
    assert "pắcmạ" not in (body["suggestion"] or "") and "pacma" not in (body["suggestion"] or "")


@pytest.mark.parametrize(
    ("typed", "content_words"),
    [
        ("thi dua khen thuong", "thi dua khen thuong"),  # "thi" is not the frame word "thì"
        ("lễ hội tín ngưỡng", "lễ hội tín ngưỡng"),
        ("le hoi tin nguong", "le hoi tin nguong"),  # folded "hoi" is hội here, not hỏi
        ("thăm hỏi người có uy tín", "thăm hỏi người uy tín"),
        ("xin phép tổ chức lễ hội", "xin phép tổ chức lễ hội"),
        ("vay vốn hỗ trợ", "vay vốn hỗ trợ"),
    ],
)
def test_words_that_look_like_a_question_frame_stay_when_they_are_content(typed, content_words):
    assert understand(typed).content == content_words


def test_a_folded_syllable_names_a_kind_only_where_it_cannot_be_another_word():
    assert understand("nguoi co uy tin").intents == ()  # "tin" is tín here
    assert understand("tin chuyen doi so").intents == ("news",)
    assert understand("tthc cap xa").intents == ("procedure",)


def test_two_words_typed_need_both_even_when_few_documents_have_them(content, search_index):
    NewsArticlePageFactory(parent=NewsIndexPage.objects.get(), title="Nộp hồ sơ trực tuyến")
    NewsArticlePageFactory(parent=NewsIndexPage.objects.get(), title="Tập huấn buổi chiều")
    search_index.sync()
    # "hộ chiếu" is in no text; "hồ sơ" and "chiều" are not what was asked.
    assert titles("hộ chiếu") == []
    assert titles("ho chieu") == []


def test_a_single_word_is_corrected_only_by_a_near_spelling(client, content):
    assert client.get("/api/v1/search", {"q": "visa"}).json()["suggestion"] is None
    assert client.get("/api/v1/search", {"q": "hoii"}).json()["suggestion"] == "hội"
