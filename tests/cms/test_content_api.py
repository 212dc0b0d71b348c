"""The read API: what a front end or the portal gets, and the contract it can rely on."""

import json
from pathlib import Path

import pytest
from wagtail.models import PageViewRestriction

from site_pages.taxonomy import NewsCategory
from tests.cms.test_feeds import feature_image
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory

pytestmark = pytest.mark.django_db
SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")


@pytest.fixture
def news():
    section = NewsIndexPageFactory()
    other = NewsArticlePageFactory(parent=section, title="Bài liên kết")
    article = NewsArticlePageFactory(parent=section, title="Hội nghị tổng kết", author="Minh Anh")
    article.featured_image = feature_image()
    article.body = [
        ("paragraph", f'<p>Xem <a linktype="page" id="{other.pk}">bài trước</a>.</p>'),
        ("quote", {"text": "Đoàn kết các dân tộc", "attribution": "Lãnh đạo Sở"}),
    ]
    article.categories.set([NewsCategory.objects.get(slug="chinh-sach-dan-toc")])
    article.save_revision().publish()
    draft = NewsArticlePageFactory(parent=section, title="Bản nháp")
    draft.unpublish()
    private = NewsArticlePageFactory(parent=section, title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"article": article, "other": other, "draft": draft, "private": private}


def test_news_list_holds_only_public_articles_with_paging_links(client, news):
    body = client.get("/api/v1/news", {"page_size": 1}).json()
    assert body["count"] == 2
    assert body["next"] == "http://testserver/api/v1/news?page_size=1&page=2"
    assert body["previous"] is None
    titles = {item["title"] for item in body["results"]} | {
        item["title"] for item in client.get(body["next"]).json()["results"]
    }
    assert titles == {"Hội nghị tổng kết", "Bài liên kết"}


def test_news_detail_contract(client, news):
    article = news["article"]
    body = client.get(f"/api/v1/news/{article.pk}").json()

    assert body["url"] == f"http://testserver{article.url}"
    assert body["display_date"].endswith("+07:00")
    assert body["categories"] == [{"slug": "chinh-sach-dan-toc", "name": "Chính sách dân tộc"}]
    paragraph, quote = body["body"]
    assert f'href="http://testserver{news["other"].url}"' in paragraph["html"]
    assert "linktype" not in paragraph["html"]
    assert quote == {
        "type": "quote",
        "id": quote["id"],
        "text": "Đoàn kết các dân tộc",
        "attribution": "Lãnh đạo Sở",
    }
    hero = body["featured_image"]["renditions"]["hero"]
    assert hero["url"].startswith("http://testserver/") and hero["width"] > 0
    assert body["featured_image"]["alt"] == "Quang cảnh hội nghị"
    assert client.get(f"/api/v1/news/by-slug/{article.slug}").json()["id"] == article.pk


@pytest.mark.parametrize("which", ["draft", "private"])
def test_drafts_and_private_pages_are_not_found(client, news, which):
    response = client.get(f"/api/v1/news/{news[which].pk}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"page_size": "101"}, "page_size must be at most 100"),
        ({"sort": "title"}, "unknown query parameters: sort"),
        ({"date_from": "1/7/2025"}, "date_from must be a date"),
        ({"page": "0"}, "page must be 1 or more"),
    ],
)
def test_bad_list_parameters_are_problems(client, news, params, detail):
    response = client.get("/api/v1/news", params)
    assert response.status_code == 400
    assert detail in response.json()["detail"]


def test_procedure_detail_has_every_part(client, tmp_path):
    from django.core.management import call_command

    from tests.procedure_catalog.national_records import national_record

    ProcedureIndexPageFactory()
    path = tmp_path / "tthc.json"
    path.write_text(json.dumps([national_record(code="1.012223")], ensure_ascii=False))
    call_command("import_procedures", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115

    listing = client.get("/api/v1/procedures", {"level": "commune"}).json()
    assert [item["code"] for item in listing["results"]] == ["1.012223"]
    body = client.get("/api/v1/procedures/1.012223").json()
    assert [step["name"] for step in body["steps"]] == ["Bước 1", "Bước 2"]
    assert body["channels"][0]["processing_time"] == "5"
    assert body["cases"][0]["components"][0]["forms"] == []
    assert body["legal_bases"][0]["number"] == "12/2018/QĐ-TTg"


def test_site_endpoint_gives_the_agency_identity(client, news):
    body = client.get("/api/v1/site").json()
    assert set(body) >= {"name", "address", "phone", "email", "url", "languages"}


def test_openapi_document_matches_the_committed_snapshot():
    """A change to the public contract must be deliberate: update the snapshot in the same commit
    (delete tests/cms/openapi.snapshot.json and run this test once to write the new one)."""
    from cms.api import api

    current = api.get_openapi_schema()
    if not SNAPSHOT.exists():
        SNAPSHOT.write_text(json.dumps(current, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        pytest.fail("wrote a new OpenAPI snapshot; review and commit it")
    assert json.loads(json.dumps(current)) == json.loads(SNAPSHOT.read_text())


def test_statistics_endpoint_computes_rates(client):
    import datetime

    from procedure_catalog.dossier_statistics import DossierStatistics

    DossierStatistics.objects.create(
        period_kind="quarter",
        period_start=datetime.date(2025, 1, 1),
        received_online=4,
        resolved_on_time=3,
        resolved_late=1,
    )
    DossierStatistics.objects.create(period_kind="year", period_start=datetime.date(2024, 1, 1))
    body = client.get("/api/v1/statistics", {"period": "quarter"}).json()
    (row,) = body["results"]
    assert (row["late_rate"], row["timely_rate"], row["received"]) == ("25.00", "75.00", 4)
    empty = client.get("/api/v1/statistics", {"period": "year"}).json()["results"][0]
    assert empty["late_rate"] is None


def test_procedure_notices_endpoint(client):
    from django.utils import timezone

    from tests.procedure_catalog.test_notices import procedure, publish_notice

    section = ProcedureIndexPageFactory()
    page = procedure(section, "1.012229", "Thủ tục được sửa đổi")
    publish_notice(section, [(page, "amended", timezone.localdate())], timezone.localdate())
    (notice,) = client.get("/api/v1/procedure-notices").json()["results"]
    assert notice["decision_number"] == "1805/QĐ-UBND"
    assert notice["entries"][0]["code"] == "1.012229" and notice["entries"][0]["change"] == "amended"


def test_problem_titles_are_vietnamese_with_english_beside(client):
    body = client.get("/api/v1/news", {"page_size": "0"}).json()
    assert (body["title"], body["title_en"]) == ("Yêu cầu không hợp lệ", "Invalid request")


@pytest.mark.parametrize(
    ("since", "status"),
    [
        # An offset PostgreSQL refuses in a timestamp; the instant itself is an ordinary one.
        ("0255-08-10T20:27:46+19:51", 200),
        ("2025-07-01T08:00:00+07:00", 200),
        ("0001-01-01T00:00:00+01:00", 400),  # before year 1 in UTC
        ("9999-12-31T23:59:59-15:00", 400),  # after year 9999 in UTC
    ],
)
def test_updated_since_takes_any_offset_or_says_why_not(client, news, since, status):
    response = client.get("/api/v1/news", {"updated_since": since})
    assert response.status_code == status
    if status == 200:
        assert {item["title"] for item in response.json()["results"]} >= {"Hội nghị tổng kết"}
