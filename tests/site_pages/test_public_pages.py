"""What a citizen sees on the home page, the news list, an article, the contact pages and a missing page."""

import datetime
import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from procedure_catalog.dossier_statistics import DossierStatistics
from procedure_catalog.models import ProcedurePage
from site_pages.agency import AgencyIdentity
from site_pages.models import ContactPage, RelatedArticle
from site_pages.taxonomy import NewsCategory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db


def picture(description="Quang cảnh hội nghị người có uy tín"):
    image = get_image_model()(title="Ảnh hội nghị", description=description)
    image.file = ImageFile(io.BytesIO(jpeg_bytes(size=(1600, 1000))), name="hoi-nghi.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def procedure(section, code, title, **values):
    page = section.add_child(instance=ProcedurePage(code=code, title=title, **values))
    page.save_revision().publish()
    return page


def listed_titles(html):
    return re.findall(r"<h2><a href=\"[^\"]+\">([^<]+)</a></h2>", html)


def identity(site, **fields):
    agency = AgencyIdentity.for_site(site)
    for name, value in fields.items():
        setattr(agency, name, value)
    agency.save()
    return agency


# Home


def test_home_has_the_latest_news_with_pictures_and_a_search_box(client):
    news = NewsIndexPageFactory()
    NewsArticlePageFactory(parent=news, title="Tin cũ", display_date=timezone.now() - timedelta(days=30))
    newest = NewsArticlePageFactory(parent=news, title="Hội nghị người có uy tín", featured_image=picture())

    html = client.get("/").content.decode()

    assert html.index(newest.title) < html.index("Tin cũ")
    assert '<source type="image/webp"' in html and 'alt="Quang cảnh hội nghị người có uy tín"' in html
    form = re.search(r'<form action="/tim-kiem/" method="get" role="search"[^>]*>(.*?)</form>', html, re.S)
    assert form, "the home page has a search form leading to /tim-kiem/"
    assert 'name="q"' in form.group(1) and '<label for="home-search-q">' in form.group(1)
    assert "thu tuc cong nhan nguoi co uy tin" in form.group(1), "an example tells what to type"


def test_home_features_live_procedures_in_force_fully_online_first(client):
    section = ProcedureIndexPageFactory()
    procedure(section, "1.900001", "Thủ tục A nộp trực tiếp", online_level="none")
    procedure(section, "1.900002", "Thủ tục B trực tuyến toàn trình", online_level="full")
    procedure(section, "1.900003", "Thủ tục C đã bãi bỏ", online_level="full", status="abolished")
    draft = procedure(section, "1.900004", "Thủ tục D chưa công bố", online_level="full")
    draft.unpublish()

    html = client.get("/").content.decode()

    assert html.index("Thủ tục B trực tuyến toàn trình") < html.index("Thủ tục A nộp trực tiếp")
    assert "Thủ tục C đã bãi bỏ" not in html
    assert "Thủ tục D chưa công bố" not in html
    assert 'href="/thu-tuc-hanh-chinh/"' in html


def test_home_shows_the_latest_periods_figures_with_vietnamese_decimals(client):
    NewsIndexPageFactory()
    DossierStatistics.objects.create(
        period_kind="quarter", period_start=datetime.date(2025, 4, 1), received_online=900, resolved_on_time=1
    )
    DossierStatistics.objects.create(
        period_kind="quarter",
        period_start=datetime.date(2025, 7, 1),
        received_in_person=1000,
        received_online=234,
        resolved_early=1,
        resolved_on_time=1,
        resolved_late=1,
    )

    html = client.get("/").content.decode()

    figures = re.search(r'<dl class="key-figures">(.*?)</dl>', html, re.S).group(1)
    assert "1.234" in figures, "received, with the Vietnamese thousands separator"
    assert "<dd>3</dd>" in figures, "resolved"
    assert "66,7%" in figures, "early and on time out of resolved, with a decimal comma"
    assert "900" not in figures, "an older period is not the latest"
    assert "3/2025" in html, "the period is named"


# News list


def test_news_list_filters_by_category_with_counts(client):
    news = NewsIndexPageFactory()
    policy = NewsCategory.objects.get(slug="chinh-sach-dan-toc")
    in_category = NewsArticlePageFactory(parent=news, title="Chính sách cho người có uy tín")
    in_category.categories.set([policy])
    in_category.save_revision().publish()
    NewsArticlePageFactory(parent=news, title="Hội nghị chuyển đổi số")

    everything = client.get("/tin-tuc/").content.decode()
    filtered = client.get("/tin-tuc/?category=chinh-sach-dan-toc").content.decode()

    assert set(listed_titles(everything)) == {"Chính sách cho người có uy tín", "Hội nghị chuyển đổi số"}
    assert listed_titles(filtered) == ["Chính sách cho người có uy tín"]
    assert re.search(
        r'<a href="/tin-tuc/\?category=chinh-sach-dan-toc" aria-current="true">Chính sách dân tộc '
        r'<span class="count">1</span></a>',
        filtered,
    )
    assert "?category=cong-tac-ton-giao" not in everything, "a category without articles is not offered"
    assert client.get("/tin-tuc/?category=khong-co").status_code == 404


def test_news_list_pages_ten_at_a_time_newest_first(client):
    news = NewsIndexPageFactory()
    now = timezone.now()
    for day in range(12):
        when = now - timedelta(days=day)
        NewsArticlePageFactory(parent=news, title=f"Tin ngày {day:02d}", display_date=when)

    first = client.get("/tin-tuc/").content.decode()
    second = client.get("/tin-tuc/?page=2").content.decode()

    assert listed_titles(first) == [f"Tin ngày {day:02d}" for day in range(10)]
    assert listed_titles(second) == ["Tin ngày 10", "Tin ngày 11"]
    assert 'href="/tin-tuc/?page=2"' in first
    assert listed_titles(client.get("/tin-tuc/?page=99").content.decode()) == listed_titles(second)


def test_news_list_keeps_the_category_when_paging(client):
    news = NewsIndexPageFactory()
    policy = NewsCategory.objects.get(slug="chinh-sach-dan-toc")
    for _ in range(11):
        article = NewsArticlePageFactory(parent=news)
        article.categories.set([policy])
        article.save_revision().publish()

    html = client.get("/tin-tuc/?category=chinh-sach-dan-toc").content.decode()

    assert "/tin-tuc/?category=chinh-sach-dan-toc&amp;page=2" in html


# Article


def test_article_has_breadcrumbs_picture_tools_and_share_links(client):
    news = NewsIndexPageFactory()
    article = NewsArticlePageFactory(parent=news, title="Hội nghị người có uy tín", featured_image=picture())

    html = client.get(article.url).content.decode()

    crumbs = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert '<a href="/">' in crumbs and f'<a href="{news.url}">{news.title}</a>' in crumbs
    assert '<span aria-current="page">Hội nghị người có uy tín</span>' in crumbs
    assert f'href="{article.url}in/"' in html and f'href="{article.url}luu/"' in html
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Ftin-tuc%2F" in html
    assert "zalo.me" in html
    hero = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert "width-640.format-webp" in hero, "a phone gets the narrower copy"
    assert "width-1200.format-webp" in hero
    assert re.search(r'<img src="[^"]+\.jpg"', hero), "browsers without WebP get a JPEG"
    assert 'width="1200" height="750"' in hero and 'alt="Quang cảnh hội nghị người có uy tín"' in hero
    assert "<script src=" in html and "onclick" not in html and "<style" not in html


def test_article_lists_only_related_articles_still_public(client):
    news = NewsIndexPageFactory()
    article = NewsArticlePageFactory(parent=news)
    live = NewsArticlePageFactory(parent=news, title="Bài liên quan còn hiệu lực")
    expired = NewsArticlePageFactory(parent=news, title="Bài liên quan đã hết hạn")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save(update_fields=["expire_at"])
    for order, related in enumerate([live, expired]):
        RelatedArticle.objects.create(page=article, article=related, sort_order=order)

    html = client.get(article.url).content.decode()

    assert "Bài liên quan còn hiệu lực" in html
    assert "Bài liên quan đã hết hạn" not in html


def test_print_view_prints_by_script_file_and_a_saved_copy_finds_its_pictures(client):
    article = NewsArticlePageFactory(title="Hội nghị tổng kết", featured_image=picture())

    printed = client.get(article.url + "in/").content.decode()
    saved = client.get(article.url + "luu/").content.decode()

    assert "data-auto-print" in printed and "article-tools.js" in printed
    assert "<nav" not in printed and "<script>" not in printed
    assert "data-auto-print" not in saved and "<script" not in saved
    assert f'<base href="{settings.PUBLIC_BASE_URL}{article.url}">' in saved, (
        "opened from disk, its links still reach the site"
    )


# Contact


def test_contact_page_shows_the_agency_identity_and_links_the_english_version(client):
    home = NewsIndexPageFactory().get_parent()
    identity(
        home.get_site(),
        name="Sở Dân tộc và Tôn giáo tỉnh Sơn La",
        address="Tổ 2, phường Chiềng Lề",
        phone="0212 3852 025",
        email="lienhe@sdttg.sonla.gov.vn",
    )
    contact = ContactPage(title="Liên hệ", slug="lien-he", introduction="<p>Tham mưu</p>")
    home.add_child(instance=contact)
    contact.save_revision().publish()

    html = client.get("/lien-he/").content.decode()

    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    assert "Sở Dân tộc và Tôn giáo tỉnh Sơn La" in main and "Tổ 2, phường Chiềng Lề" in main
    assert '<a href="tel:02123852025">0212 3852 025</a>' in main
    assert 'href="mailto:lienhe@sdttg.sonla.gov.vn"' in main
    assert "Tham mưu" in main
    assert '<a href="/en/contact/" hreflang="en" lang="en">' in main


def test_english_contact_page_is_english_and_links_back(client):
    home = NewsIndexPageFactory().get_parent()
    identity(
        home.get_site(),
        name="Sở Dân tộc và Tôn giáo tỉnh Sơn La",
        name_en="Department of Ethnic Minority and Religious Affairs of Son La Province",
        address_en="Group 2, Chieng Le Ward, Son La",
        about_en="The Department advises the Provincial People's Committee.",
        phone="0212 3852 025",
        email="lienhe@sdttg.sonla.gov.vn",
    )

    html = client.get("/en/contact/").content.decode()

    assert '<html lang="en">' in html
    assert "<h1>Department of Ethnic Minority and Religious Affairs of Son La Province</h1>" in html
    assert "Group 2, Chieng Le Ward, Son La" in html and "advises the Provincial People" in html
    assert "0212 3852 025" in html and "lienhe@sdttg.sonla.gov.vn" in html
    assert "Skip to the main content" in html, "the frame around it is English too"
    assert '<a href="/lien-he/" hreflang="vi" lang="vi">' in html


# Errors


def test_missing_page_answers_404_in_vietnamese_inside_the_site(client, settings):
    settings.DEBUG = False
    NewsIndexPageFactory()

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<h1>Không tìm thấy trang</h1>" in html
    assert 'action="/tim-kiem/"' in html, "the search box is there to find what was meant"


def test_server_error_page_needs_neither_request_nor_database(django_assert_num_queries):
    from django.template import loader

    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()

    assert '<html lang="vi">' in html
    assert "Hệ thống đang gặp sự cố" in html
