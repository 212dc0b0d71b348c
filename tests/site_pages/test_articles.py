"""What a reader gets from an article: an ASCII address, a print view, its categories and links."""

from datetime import timedelta

import pytest
from django.utils import timezone

from site_pages.models import RelatedArticle
from site_pages.slugs import ascii_slug
from site_pages.taxonomy import NewsCategory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, UserFactory
from tests.site_pages.admin_session import AdminSession


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đăng ký sinh hoạt", "dang-ky-sinh-hoat"),
        ("ĐỒNG BÀO DÂN TỘC THIỂU SỐ", "dong-bao-dan-toc-thieu-so"),
        ("Quyết định 12/2018/QĐ-TTg", "quyet-dinh-122018qd-ttg"),
        ("Thủ tục hành chính – cấp xã", "thu-tuc-hanh-chinh-cap-xa"),
    ],
)
def test_slugs_are_ascii_and_keep_every_letter(title, slug):
    assert ascii_slug(title) == slug


@pytest.mark.django_db
def test_article_without_slug_gets_one_from_its_title():
    article = NewsArticlePageFactory(title="Đăng ký sinh hoạt tôn giáo tập trung", slug="")
    assert article.slug == "dang-ky-sinh-hoat-ton-giao-tap-trung"
    assert article.url.endswith("/dang-ky-sinh-hoat-ton-giao-tap-trung/")


@pytest.mark.django_db
def test_print_and_save_views(client):
    article = NewsArticlePageFactory(title="Hội nghị tổng kết công tác dân tộc", author="Minh Anh")

    printed = client.get(article.url + "in/")
    saved = client.get(article.url + "luu/")

    assert printed.status_code == 200
    html = printed.content.decode()
    assert "Hội nghị tổng kết công tác dân tộc" in html and "data-print" in html
    assert "<nav" not in html  # no site menu on paper
    assert saved["Content-Disposition"] == f'attachment; filename="{article.slug}.html"'
    # The dialog opens from a script file (no inline script under the Content-Security-Policy).
    assert "data-auto-print" in html and "article-tools.js" in html, "the print view opens the print dialog"
    assert "data-auto-print" not in saved.content.decode(), "a saved copy must not"
    assert "Minh Anh" in saved.content.decode()


@pytest.mark.django_db
def test_article_page_shows_categories_byline_and_live_related_articles(client):
    news = NewsIndexPageFactory()
    article = NewsArticlePageFactory(parent=news, author="Hoàng Lan", source="Báo Sơn La")
    related = NewsArticlePageFactory(parent=news, title="Bài liên quan còn hiệu lực")
    withdrawn = NewsArticlePageFactory(parent=news, title="Bài liên quan đã gỡ")
    withdrawn.unpublish()
    article.categories.set([NewsCategory.objects.get(slug="chinh-sach-dan-toc")])
    article.tags.add("DTTS")
    RelatedArticle.objects.create(page=article, article=related, sort_order=0)
    RelatedArticle.objects.create(page=article, article=withdrawn, sort_order=1)
    article.save_revision().publish()

    html = client.get(article.url).content.decode()

    assert "Chính sách dân tộc" in html
    assert "Hoàng Lan" in html and "Báo Sơn La" in html
    assert "DTTS" in html
    assert "Bài liên quan còn hiệu lực" in html
    assert "Bài liên quan đã gỡ" not in html


@pytest.mark.django_db
def test_display_date_can_be_set_by_the_editor(client):
    chosen = timezone.make_aware(timezone.datetime(2025, 7, 16, 9, 0))
    article = NewsArticlePageFactory(display_date=chosen)
    assert article.display_date == chosen
    assert "16/07/2025" in client.get(article.url).content.decode()


def test_default_categories_exist(db):
    names = list(NewsCategory.objects.values_list("name", flat=True))
    for expected in [
        "Tin tức – sự kiện",
        "Cải cách hành chính",
        "Chính sách dân tộc",
        "Thông tin chỉ đạo điều hành",
    ]:
        assert expected in names


@pytest.mark.django_db
def test_saving_in_the_admin_keeps_the_seconds_of_a_date_left_alone():
    """The picker shows minutes only; an editor who saves without touching the date must not move it."""
    published = timezone.now().replace(second=42, microsecond=0) - timedelta(days=3)
    article = NewsArticlePageFactory(display_date=published)
    editor = AdminSession(UserFactory(is_superuser=True, is_staff=True))

    response = editor.edit_article(article, "publish", summary="Tóm tắt đã sửa.")
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.summary == "Tóm tắt đã sửa."
    assert article.display_date == published

    redated = timezone.localtime(published + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    response = editor.edit_article(article, "publish", display_date=redated)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.display_date == (published + timedelta(hours=2)).replace(second=0)
