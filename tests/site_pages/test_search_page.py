"""The search page at /tim-kiem/, over the real engine: what a citizen types, sees, filters and pages."""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation

from procedure_catalog.models import ProcedureField, ProcedurePage
from procedure_catalog.vocabulary import Level, Status
from search import query as search_query
from search.query import SearchRequest, search
from site_pages.public.search import FACET_BY_PARAM, TYPE_LABELS
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory
from tests.search.test_local_node import free_port

pytestmark = pytest.mark.django_db


def vietnamese(text):
    """What a visitor reads for a msgid or a lazy label, whichever the lead's catalogue holds."""
    with translation.override("vi"):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def get(client, params, status=200):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def follow(client, href, status=200):
    assert href.startswith("?")
    response = client.get("/tim-kiem/" + href)
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def results(soup):
    return soup.select("ol.result-list > li")


def result_titles(soup):
    return [item.h3.get_text() for item in results(soup)]


def facet_link(soup, param, label):
    heading = vietnamese(FACET_BY_PARAM[param].label)
    group = soup.find("h3", string=heading)
    assert group is not None, f"no {heading} facet"
    for link in group.find_next_sibling("ul").find_all("a"):
        if vietnamese(label) in link.get_text():
            return link
    raise AssertionError(f"no {label} under {heading}")


@pytest.fixture
def sections():
    news = NewsIndexPageFactory()
    procedures = ProcedureIndexPageFactory(parent=news.get_parent().specific)
    return news, procedures


def publish_procedure(parent, title, code, **fields):
    page = ProcedurePage(title=title, code=code, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_demo_query_without_diacritics_finds_the_procedure_first(client, search_index):
    call_command("load_demo", stdout=StringIO())
    search_index.sync()
    wanted = ProcedurePage.objects.get(title__startswith="Thủ tục công nhận người có uy tín")

    for query in ("thu tuc cong nhan nguoi co uy tin", "thủ tục công nhận người có uy tín"):
        soup = get(client, {"q": query})
        first = results(soup)[0]
        assert first.h3.get_text() == wanted.title
        assert first.h3.a["href"] == wanted.url
        assert first.h3.find("mark"), "the matched words are marked"
        assert first.find(class_="badge").get_text() == vietnamese(TYPE_LABELS["procedure"])
        assert wanted.code in first.find(class_="meta").get_text()
        assert soup.find("input", attrs={"name": "q"})["value"] == query


@pytest.fixture
def catalogue(search_index, sections):
    news, procedures = sections
    ethnic = ProcedureField.objects.create(name="Công tác dân tộc")
    religion = ProcedureField.objects.create(name="Tín ngưỡng, tôn giáo")
    ethnic_page = publish_procedure(
        procedures,
        "Thủ tục hỗ trợ người có uy tín khi ốm đau",
        "1.900102",
        field=ethnic,
        level=Level.COMMUNE,
        in_force_from=datetime.date(2025, 7, 1),
    )
    religion_page = publish_procedure(
        procedures, "Thủ tục thông báo người có uy tín trong tôn giáo", "1.900203", field=religion,
        status=Status.ABOLISHED,
    )  # fmt: skip
    article = NewsArticlePageFactory(parent=news, title="Gặp mặt người có uy tín năm 2025")
    pages = {"ethnic": ethnic_page, "religion": religion_page, "news": article}
    search_index.sync()
    return pages


def test_facets_count_and_filter_the_results(client, catalogue):
    soup = get(client, {"q": "nguoi co uy tin"})
    assert len(results(soup)) == 3
    # What the site's Content-Security-Policy demands: no inline styles or scripts.
    assert not soup.find_all(attrs={"style": True}) and all(script.get("src") for script in soup("script"))
    procedures = facet_link(soup, "type", TYPE_LABELS["procedure"])
    assert procedures.find(class_="count").get_text() == "2"
    assert procedures.get("aria-current") is None

    only_procedures = follow(client, procedures["href"])
    assert sorted(result_titles(only_procedures)) == sorted(
        [catalogue["ethnic"].title, catalogue["religion"].title]
    )
    chosen = facet_link(only_procedures, "type", TYPE_LABELS["procedure"])
    assert chosen["aria-current"] == "true"

    one_field = follow(client, facet_link(only_procedures, "field", "Tín ngưỡng, tôn giáo")["href"])
    assert result_titles(one_field) == [catalogue["religion"].title]
    abolished = results(one_field)[0].find(class_="badge--danger")
    assert abolished.get_text() == vietnamese(Status.ABOLISHED.label)

    # The chosen option's link takes the filter off again.
    widened = follow(client, facet_link(one_field, "field", "Tín ngưỡng, tôn giáo")["href"])
    assert len(results(widened)) == 2
    everything = follow(client, widened.find("a", class_="clear-filters")["href"])
    assert len(results(everything)) == 3


def test_past_the_count_limit_the_page_says_more_than_and_hides_facet_counts(client, catalogue, monkeypatch):
    monkeypatch.setattr(search_query, "COUNT_LIMIT", 2)
    soup = get(client, {"q": "nguoi co uy tin"})
    with translation.override("vi"):
        wanted = translation.ngettext("More than %(count)s result", "More than %(count)s results", 2)
    assert soup.find(class_="results-count").get_text() == wanted % {"count": 2}
    assert len(results(soup)) == 3
    # The facets counted only the first two matches: their values stay, without counts.
    procedures = facet_link(soup, "type", TYPE_LABELS["procedure"])
    assert procedures.find(class_="count") is None
    assert len(results(follow(client, procedures["href"]))) == 2


def test_repeated_filters_add_up_within_a_facet_like_the_api(client, catalogue):
    soup = get(client, {"q": "uy tin", "type": ["news", "procedure"], "field": "Công tác dân tộc"})
    assert result_titles(soup) == [catalogue["ethnic"].title]
    assert "01/07/2025" in results(soup)[0].find(class_="meta").get_text()


def test_did_you_mean_offers_the_corrected_query(client, catalogue):
    soup = get(client, {"q": "tinn"})
    assert results(soup) == []
    suggestion = soup.find(class_="did-you-mean").a
    assert suggestion.get_text() == "tín"
    assert len(results(follow(client, suggestion["href"]))) == 3


def test_paging_follows_the_engine_token_and_can_go_back(client, search_index, sections):
    news, _procedures = sections
    for number in range(13):
        NewsArticlePageFactory(parent=news, title=f"Hội nghị dân tộc lần thứ {number}")
    search_index.sync()

    first = get(client, {"q": "hoi nghi dan toc", "sort": "date"})
    next_link = first.find("a", rel="next")
    second = follow(client, next_link["href"])
    assert len(results(first)) == 10 and len(results(second)) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    assert second.find("ol", class_="result-list")["start"] == "11"
    assert second.find("a", rel="next") is None

    again = follow(client, second.find("a", rel="prev")["href"])
    assert result_titles(again) == result_titles(first)


def test_a_hostile_query_and_title_are_shown_as_text(client, search_index, sections):
    news, _procedures = sections
    NewsArticlePageFactory(parent=news, title='Cảnh báo <script>alert("x")</script> lừa đảo qua mạng')
    search_index.sync()
    # The engine encodes its fragments (encoder=html); the page does not rely on it, but checks it.
    fragment = search(SearchRequest(q="canh bao lua dao")).hits[0]["highlight"]["title"]
    assert "<mark>" in fragment and "&lt;script&gt;" in fragment and "<script>" not in fragment

    query = '"><script>alert(1)</script> canh bao'
    response = client.get("/tim-kiem/", {"q": query})
    body = response.content.decode()

    assert response.status_code == 200
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    title = results(BeautifulSoup(body, "html.parser"))[0].h3
    assert title.get_text() == 'Cảnh báo <script>alert("x")</script> lừa đảo qua mạng'
    assert title.find("script") is None and title.find("mark")


@pytest.mark.parametrize(
    "params",
    [
        {"q": "uy tin", "sort": "random"},
        {"q": "uy tin", "after": "not-a-token"},
        {"q": "uy tin", "level": "galaxy"},
        {"q": "uy tin", "back": ""},
    ],
    ids=["sort", "after", "level", "back-without-after"],
)
def test_a_bad_address_gets_a_friendly_message_not_an_error(client, catalogue, params):
    soup = get(client, params, status=400)
    assert soup.find(class_="alert")
    assert soup.find("input", attrs={"name": "q"})["value"] == "uy tin"
    assert results(follow(client, soup.find(class_="alert").a["href"]))


def test_a_token_from_the_other_sort_order_is_refused_not_taken_for_an_outage(client, catalogue):
    token = search(SearchRequest(q="uy tin", sort="date", size=1)).next
    soup = get(client, {"q": "uy tin", "after": token, "back": ""}, status=400)
    assert soup.find(class_="alert")
    assert get(client, {"q": "uy tin", "sort": "date", "after": token, "back": ""}).find(
        "ol", class_="result-list"
    )


def test_with_the_engine_down_the_database_still_answers(client, catalogue, settings):
    settings.SEARCH_URL = f"http://127.0.0.1:{free_port()}"

    soup = get(client, {"q": "nguoi co uy tin"})

    assert soup.find(class_="alert")
    assert sorted(result_titles(soup)) == sorted(page.title for page in catalogue.values())
    assert soup.find(class_="filters") is None


def test_an_empty_search_shows_the_box_only(client, search_index):
    soup = get(client, {})
    assert soup.find("input", attrs={"name": "q"})["value"] == ""
    assert soup.find("label", attrs={"for": "search-q"})
    assert results(soup) == [] and soup.find(class_="alert") is None
