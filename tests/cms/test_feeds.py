"""Feeds and the sitemap carry what is published, and only that, in valid Atom and RSS."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from site_pages.taxonomy import NewsCategory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory

pytestmark = pytest.mark.django_db


def feature_image():
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from tests.images import jpeg_bytes

    image = get_image_model()(title="Ảnh hội nghị", description="Quang cảnh hội nghị")
    image.file = ImageFile(io.BytesIO(jpeg_bytes()), name="hoi-nghi.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


@pytest.fixture
def site_content():
    news = NewsIndexPageFactory()
    public = NewsArticlePageFactory(parent=news, title="Hội nghị công tác dân tộc", author="Minh Anh")
    public.categories.set([NewsCategory.objects.get(slug="chinh-sach-dan-toc")])
    public.featured_image = feature_image()
    public.save_revision().publish()
    draft = NewsArticlePageFactory(parent=news, title="Bản nháp không được lộ")
    draft.unpublish()
    private = NewsArticlePageFactory(parent=news, title="Bài nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"public": public, "draft": draft, "private": private}


@pytest.mark.parametrize("path", ["/feeds/news.atom", "/feeds/news.rss"])
def test_news_feeds_are_valid_and_hold_only_public_articles(client, site_content, path):
    response = client.get(path)
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Hội nghị công tác dân tộc"]
    (entry,) = feed.entries
    assert entry.link.startswith("http://testserver/tin-tuc/")
    assert entry.author == "Minh Anh"
    assert [tag.term for tag in entry.tags] == ["Chính sách dân tộc"]
    (enclosure,) = entry.enclosures
    assert enclosure.type == "image/jpeg" and enclosure.href.startswith("http://testserver/")


def test_category_feed_and_unknown_category(client, site_content):
    feed = feedparser.parse(client.get("/feeds/news/chinh-sach-dan-toc.atom").content)
    assert [entry.title for entry in feed.entries] == ["Hội nghị công tác dân tộc"]
    assert not feedparser.parse(client.get("/feeds/news/thong-bao.atom").content).entries
    assert client.get("/feeds/news/khong-co.atom").status_code == 404


def test_procedures_feed_lists_procedures_with_their_codes(client):
    from procedure_catalog.models import ProcedurePage

    section = ProcedureIndexPageFactory()
    page = ProcedurePage(code="1.012223", title="Thay thế người có uy tín")
    section.add_child(instance=page)
    page.save_revision().publish()

    feed = feedparser.parse(client.get("/feeds/procedures.atom").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["1.012223 – Thay thế người có uy tín"]


def test_conditional_get_answers_304(client, site_content):
    first = client.get("/feeds/news.atom")
    assert first["ETag"]
    again = client.get("/feeds/news.atom", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_sitemap_lists_live_public_pages_with_lastmod(client, site_content):
    body = client.get("/sitemap.xml").content.decode()
    assert site_content["public"].slug in body
    assert "<lastmod>" in body
    assert site_content["draft"].slug not in body
    assert site_content["private"].slug not in body
