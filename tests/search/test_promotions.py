"""Promoted results: what editors put first for a query, only ever what the public may see."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from procedure_catalog.models import ProcedurePage
from search.promotions import Promotion
from search.query import SearchRequest, search
from site_pages.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory

pytestmark = pytest.mark.django_db

QUERY = "người có uy tín"


def keys(q=QUERY, **kwargs):
    return [hit["key"] for hit in search(SearchRequest(q=q, **kwargs)).hits]


def promoted(q=QUERY, **kwargs):
    return [hit["key"] for hit in search(SearchRequest(q=q, **kwargs)).hits if hit["promoted"]]


def key(page):
    kind = "procedure" if isinstance(page, ProcedurePage) else "news"
    return f"{kind}:{page.pk}"


@pytest.fixture
def site(search_index):
    news = NewsIndexPageFactory()
    procedures = ProcedureIndexPageFactory(parent=news.get_parent().specific)
    matching = [
        NewsArticlePageFactory(parent=news, title=f"Hội nghị người có uy tín lần {n}") for n in range(3)
    ]
    guide = NewsArticlePageFactory(parent=news, title="Sổ tay hướng dẫn công tác dân tộc")
    procedure = ProcedurePage(
        code="1.012223", title="Thay thế người đại diện cộng đồng", online_level="partial"
    )
    procedures.add_child(instance=procedure)
    procedure.save_revision().publish()
    search_index.sync()
    return {"news": news, "matching": matching, "guide": guide, "procedure": procedure, "index": search_index}


@pytest.mark.parametrize("typed", [QUERY, "nguoi co uy tin", "  NGƯỜI  có uy tín? ", "Người có uy tín!"])
def test_promoted_pages_come_first_in_order_however_the_query_is_typed(site, typed):
    Promotion.objects.create(query=QUERY, page=site["procedure"], sort_order=2)
    Promotion.objects.create(query="Nguoi co uy tin", page=site["guide"], sort_order=1)

    found = keys(typed)

    assert found[:2] == [key(site["guide"]), key(site["procedure"])]
    assert promoted(typed) == found[:2]
    assert set(found[2:]) == {key(page) for page in site["matching"]}


def test_a_promoted_page_is_not_repeated_among_the_hits(site):
    first = site["matching"][2]
    Promotion.objects.create(query=QUERY, page=first)

    found = keys()

    assert found[0] == key(first)
    assert found.count(key(first)) == 1
    assert len(found) == 3


def test_a_promoted_hit_is_highlighted_like_the_others(site):
    Promotion.objects.create(query=QUERY, page=site["matching"][1])
    (top, *_rest) = search(SearchRequest(q="nguoi co uy tin")).hits
    assert top["promoted"]
    assert "<mark>uy</mark> <mark>tín</mark>" in top["highlight"]["title"]


def test_only_the_whole_query_is_promoted(site):
    Promotion.objects.create(query=QUERY, page=site["guide"])
    assert key(site["guide"]) not in keys("hội nghị người có uy tín")


def test_a_promotion_stops_at_its_expiry_time_not_at_the_next_cache_refresh(site, monkeypatch):
    now = timezone.now()
    Promotion.objects.create(query=QUERY, page=site["guide"], expires_at=now + datetime.timedelta(minutes=5))
    assert promoted() == [key(site["guide"])]

    # Six minutes on, with the promotions still cached from the search above.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=6))
    assert promoted() == []
    assert key(site["guide"]) not in keys()


def test_a_promoted_draft_private_or_withdrawn_page_never_shows(site):
    news = site["news"]
    draft = news.add_child(
        instance=NewsArticlePage(
            title="Bản nháp chưa duyệt", slug="ban-nhap", summary="Chưa duyệt.", live=False
        )
    )
    draft.save_revision()
    private = NewsArticlePageFactory(parent=news, title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    withdrawn = NewsArticlePageFactory(parent=news, title="Tin đã gỡ")
    site["index"].sync()
    withdrawn.unpublish()
    site["index"].sync()
    for number, page in enumerate((draft, private, withdrawn)):
        Promotion.objects.create(query=QUERY, page=page, sort_order=number)

    found = keys()

    assert promoted() == []
    assert not {key(draft), key(private), key(withdrawn)} & set(found)


def test_promoted_hits_respect_the_filters(site):
    Promotion.objects.create(query=QUERY, page=site["procedure"])
    assert promoted(filters={"type": ["procedure"]}) == [key(site["procedure"])]
    assert promoted(filters={"type": ["news"]}) == []


def test_promotions_only_on_the_first_page_by_relevance(site):
    Promotion.objects.create(query=QUERY, page=site["guide"])
    assert key(site["guide"]) not in keys(sort="date")
    first = search(SearchRequest(q=QUERY, size=2))
    assert first.hits[0]["key"] == key(site["guide"])
    later = search(SearchRequest(q=QUERY, size=2, after=first.next))
    assert key(site["guide"]) not in [hit["key"] for hit in later.hits]


def test_the_api_marks_promoted_hits(client, site):
    Promotion.objects.create(query=QUERY, page=site["guide"])
    hits = client.get("/api/v1/search", {"q": "nguoi co uy tin"}).json()["hits"]
    assert [hit["promoted"] for hit in hits] == [True, False, False, False]
    assert hits[0]["url"].startswith("http")


def test_the_search_page_labels_promoted_hits(client, site):
    from bs4 import BeautifulSoup

    Promotion.objects.create(query=QUERY, page=site["guide"])
    page = BeautifulSoup(client.get("/tim-kiem/", {"q": QUERY}).content.decode(), "html.parser")
    results = page.select(".result-list > li")
    assert "Kết quả ưu tiên" in results[0].get_text()
    assert site["guide"].title in results[0].get_text()
    assert all("Kết quả ưu tiên" not in result.get_text() for result in results[1:])
