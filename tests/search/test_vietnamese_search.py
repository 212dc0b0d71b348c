"""Citizens find what they mean, typed with or without marks, in any case, or by code."""

import unicodedata

import pytest

from procedure_catalog.models import ProcedurePage
from search.query import SearchRequest, search
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory

pytestmark = pytest.mark.django_db


def titles(q, **kwargs):
    return [hit["title"] for hit in search(SearchRequest(q=q, **kwargs)).hits]


@pytest.fixture
def corpus(search_index):
    news = NewsIndexPageFactory()
    procedures = ProcedureIndexPageFactory(parent=news.get_parent().specific)
    articles = {
        "procedure": NewsArticlePageFactory(
            parent=news, title="Niêm yết thủ tục hành chính tại bộ phận một cửa"
        ),
        "dan": NewsArticlePageFactory(parent=news, title="Chính sách cho người dân vùng cao"),
        "dan-grave": NewsArticlePageFactory(parent=news, title="Giá lúa tăng dần theo mùa vụ"),
        "dan-tilde": NewsArticlePageFactory(parent=news, title="Hướng dẫn lập dự án trồng rừng"),
        "dong": NewsArticlePageFactory(parent=news, title="Đồng bào Mông đón Tết độc lập"),
        "ubnd": NewsArticlePageFactory(parent=news, title="Ủy ban nhân dân tỉnh họp phiên thường kỳ"),
        "cchc": NewsArticlePageFactory(parent=news, title="Sơ kết CCHC sáu tháng đầu năm"),
    }
    page = ProcedurePage(
        code="1.012223.H56", title="Thủ tục thay thế người có uy tín", online_level="partial"
    )
    page.legal_bases = [("legal_basis", {"number": "12/2018/QĐ-TTg", "title": "Quyết định"})]
    procedures.add_child(instance=page)
    page.save_revision().publish()
    articles["code"] = page
    search_index.sync()
    return articles


@pytest.mark.parametrize(
    "query",
    ["thủ tục", "thu tuc", "THỦ TỤC", "Thu Tuc", unicodedata.normalize("NFD", "thủ tục hành chính")],
    ids=["marks", "no-marks", "upper", "title-case", "nfd"],
)
def test_folding_finds_the_same_article(corpus, query):
    assert corpus["procedure"].title in titles(query)


def test_d_with_stroke_folds_to_d(corpus):
    assert corpus["dong"].title in titles("dong bao mong")
    assert corpus["dong"].title in titles("Đồng bào")


def test_exact_marks_rank_above_folded_collisions(corpus):
    ranked = titles("dân")
    assert ranked[0] == corpus["dan"].title
    assert corpus["dan-grave"].title in ranked  # folded collisions still found, just lower


def test_abbreviation_finds_its_expansion_and_back(corpus):
    assert corpus["ubnd"].title in titles("UBND")
    assert corpus["ubnd"].title in titles("ubnd tinh")
    assert corpus["cchc"].title in titles("cải cách hành chính")


def test_procedure_code_and_document_number_go_to_the_top(corpus):
    assert titles("1.012223.H56")[0] == corpus["code"].title
    assert titles("1.012223.h56")[0] == corpus["code"].title
    assert titles("12/2018/QĐ-TTg")[0] == corpus["code"].title
    assert titles("12/2018/qd-ttg")[0] == corpus["code"].title


def test_typo_in_a_long_word_is_tolerated(corpus):
    assert corpus["procedure"].title in titles("niem yet thu tuc hanh chinhh")


def test_highlights_escape_html_and_mark_matches(search_index):
    news = NewsIndexPageFactory()
    NewsArticlePageFactory(
        parent=news, title="Cảnh giác <script>alert(1)</script> lừa đảo", summary="Lừa đảo qua mạng"
    )
    search_index.sync()
    (hit,) = search(SearchRequest(q="lua dao")).hits
    rendered = " ".join(hit["highlight"].values())
    assert "<mark>" in rendered
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered


def test_empty_query_lists_latest_first(corpus):
    hits = search(SearchRequest(q="", size=50)).hits
    dates = [hit["date"] for hit in hits if hit["date"]]
    assert dates == sorted(dates, reverse=True)
    assert len(hits) == len(corpus)


def test_deep_paging_with_search_after_visits_every_hit_once(corpus):
    seen, after = [], None
    while True:
        result = search(SearchRequest(q="", size=2, after=after))
        seen += [hit["key"] for hit in result.hits]
        if not result.next:
            break
        after = result.next
    assert len(seen) == len(set(seen)) == len(corpus)


def test_facet_counts_equal_the_database(corpus):
    from procedure_catalog.models import ProcedurePage as Procedures
    from site_pages.models import NewsArticlePage

    facets = search(SearchRequest(q="")).facets
    counts = {bucket["value"]: bucket["count"] for bucket in facets["type"]}
    assert counts == {
        "news": NewsArticlePage.objects.live().count(),
        "procedure": Procedures.objects.live().count(),
    }
    online = {bucket["value"]: bucket["count"] for bucket in facets["online_level"]}
    assert online == {"partial": Procedures.objects.filter(online_level="partial").count()}


def test_filters_narrow_results(corpus):
    only_procedures = search(SearchRequest(q="", filters={"type": ["procedure"]}))
    assert [hit["type"] for hit in only_procedures.hits] == ["procedure"]


def test_did_you_mean_when_nothing_matches(corpus):
    result = search(SearchRequest(q="dongg baoo"))
    assert result.total == 0
    assert result.suggestion == "đồng bào", "the words as the content writes them, marks and all"


def test_autocomplete_suggests_titles_from_a_prefix(corpus):
    from search.query import autocomplete

    assert corpus["procedure"].title in [hit["title"] for hit in autocomplete("niem yet")]
    assert corpus["dong"].title in [hit["title"] for hit in autocomplete("Đồng b")]


def test_an_administrators_new_abbreviation_counts_at_once_without_reindexing(corpus):
    from search.abbreviations import Abbreviation

    assert corpus["dong"].title not in titles("DBM")
    Abbreviation.objects.create(short="DBM", expansion="đồng bào Mông")
    assert corpus["dong"].title in titles("DBM")


def test_highlight_marks_every_word_of_a_query_typed_without_marks(corpus):
    (hit,) = search(SearchRequest(q="nguoi co uy tin")).hits
    assert (
        hit["highlight"]["title"]
        == "Thủ tục thay thế <mark>người</mark> <mark>có</mark> <mark>uy</mark> <mark>tín</mark>"
    )
