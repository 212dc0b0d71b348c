"""import_news: an old website's news (RSS, Atom, JSON) becomes safe, published articles, once."""

import json
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from site_pages.models import NewsArticlePage
from site_pages.taxonomy import NewsCategory
from tests.factories import HomePageFactory, NewsArticlePageFactory, NewsIndexPageFactory, UserFactory

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).with_name("import_samples")
HOSTILE = re.compile(r"<script|<iframe|<svg|<form|<style|\son\w+\s*=|style=|javascript:|data:|steal", re.I)


@pytest.fixture
def section():
    return NewsIndexPageFactory()


def run(source, *args):
    out = StringIO()
    with translation.override("en"):
        call_command("import_news", str(source), *args, stdout=out)
    return out.getvalue()


def article(link):
    return NewsArticlePage.objects.get(source_url=link)


def local(moment):
    return timezone.localtime(moment).isoformat()


def api_article(client, page):
    response = client.get(f"/api/v1/news/{page.pk}")
    assert response.status_code == 200
    return response.json()


def test_rss_items_become_published_articles_with_byline_date_and_categories(client, section):
    output = run(SAMPLES / "rss_vi.xml")

    assert "Created 2, updated 0, unchanged 0." in output
    report = article("https://bandantoc.sonla.example/tin-tuc/hoi-nghi-tong-ket-2023.html")
    assert report.live and report.get_parent().pk == section.pk
    assert report.title == "Hội nghị tổng kết công tác dân tộc năm 2023"
    assert report.slug == "hoi-nghi-tong-ket-cong-tac-dan-toc-nam-2023"
    assert local(report.display_date) == "2023-12-15T09:30:00+07:00"
    assert report.author == "Lò Văn Tâm"
    assert report.summary.startswith("Sáng 15/12, Ban Dân tộc tỉnh tổ chức hội nghị")
    # "CHÍNH SÁCH DÂN TỘC" is the existing category; the unknown one is created with an ASCII slug.
    assert sorted(category.slug for category in report.categories.all()) == [
        "chinh-sach-dan-toc",
        "giam-ngheo-ben-vung",
    ]
    assert NewsCategory.objects.filter(name__iexact="chính sách dân tộc").count() == 1
    assert NewsCategory.objects.get(slug="giam-ngheo-ben-vung").name == "Giảm nghèo bền vững"

    visit = article("https://bandantoc.sonla.example/tin-tuc/tham-tang-qua-nguoi-co-uy-tin.html")
    assert local(visit.display_date) == "2024-02-05T09:00:00+07:00", "02:00 GMT is 09:00 in Sơn La"
    assert visit.author == "Quàng Thị Hoa", "the name, not the e-mail address, of RSS <author>"

    body = api_article(client, report)
    assert body["source_url"] == "https://bandantoc.sonla.example/tin-tuc/hoi-nghi-tong-ket-2023.html"
    assert body["display_date"] == "2023-12-15T09:30:00+07:00"
    assert body["author"] == "Lò Văn Tâm"
    paragraph, quote = body["body"]
    html = paragraph["html"]
    assert "<b>hội nghị tổng kết</b>" in html
    assert "<h3>Kết quả nổi bật</h3>" in html, "h4 becomes a heading the editor offers"
    assert "<li>Hỗ trợ nhà ở cho 1.250 hộ</li>" in html
    assert '<a href="https://bandantoc.sonla.example/van-ban/bao-cao-2023.pdf">báo cáo tổng kết</a>' in html
    # The picture is kept as a link to the original, with its description, not downloaded.
    assert 'href="https://bandantoc.sonla.example/uploads/2023/12/hoi-nghi.jpg"' in html
    assert "Quang cảnh hội nghị" in html and "<img" not in html
    assert quote["text"] == "Đồng bào các dân tộc tin tưởng vào chủ trương của Đảng."


def test_article_made_by_hand_has_no_source_url_in_the_api(client, section):
    by_hand = NewsArticlePageFactory(parent=section)
    assert api_article(client, by_hand)["source_url"] is None


def test_importing_again_updates_instead_of_duplicating(client, section, tmp_path):
    run(SAMPLES / "rss_vi.xml")
    link = "https://bandantoc.sonla.example/tin-tuc/hoi-nghi-tong-ket-2023.html"
    original = article(link)
    revisions = original.revisions.count()

    assert "Created 0, updated 0, unchanged 2." in run(SAMPLES / "rss_vi.xml")
    assert NewsArticlePage.objects.count() == 2
    assert original.revisions.count() == revisions, "an unchanged item makes no new revision"

    edited = tmp_path / "rss_vi.xml"
    text = (SAMPLES / "rss_vi.xml").read_text(encoding="utf-8")
    edited.write_text(text.replace("năm 2023</title>", "năm 2023 (cập nhật)</title>"), encoding="utf-8")
    assert "Created 0, updated 1, unchanged 1." in run(edited)

    assert NewsArticlePage.objects.count() == 2
    updated = article(link)
    assert updated.pk == original.pk
    assert updated.title == "Hội nghị tổng kết công tác dân tộc năm 2023 (cập nhật)"
    assert updated.slug == original.slug, "the address stays, so links to the article keep working"
    assert updated.revisions.count() == revisions + 1
    assert api_article(client, updated)["title"] == "Hội nghị tổng kết công tác dân tộc năm 2023 (cập nhật)"


def test_atom_entries_are_imported(client, section):
    assert "Created 2, updated 0, unchanged 0." in run(SAMPLES / "atom.xml")

    training = article("https://bandantoc.sonla.example/tin-tuc/tap-huan-chuyen-doi-so.html")
    assert training.title == "Tập huấn chuyển đổi số cho cán bộ làm công tác dân tộc"
    assert training.author == "Cầm Thị Mai"
    assert local(training.display_date) == "2024-03-08T08:15:00+07:00"
    assert [category.slug for category in training.categories.all()] == ["cai-cach-hanh-chinh"]
    assert training.summary == "Hơn 80 cán bộ được tập huấn kỹ năng chuyển đổi số."
    assert "<i>80 cán bộ</i>" in api_article(client, training)["body"][0]["html"]

    festival = article("https://bandantoc.sonla.example/tin-tuc/le-hoi-het-cha.html")
    assert festival.author == "Ban biên tập", "the feed's author when the entry names none"
    assert local(festival.display_date) == "2024-03-20T14:00:00+07:00"
    assert "Lễ hội diễn ra tại <b>Mai Sơn</b>." in api_article(client, festival)["body"][0]["html"]


def test_json_list_is_imported(client, section):
    assert "Created 2, updated 0, unchanged 0." in run(SAMPLES / "items.json")

    review = article("https://bandantoc.sonla.example/tin-tuc/so-ket-chuong-trinh-1719.html")
    assert review.author == "Hà Văn Sơn, Lường Thị Thu"
    assert review.source == "Báo Sơn La"
    assert local(review.display_date) == "2024-06-30T14:00:00+07:00", "a date without zone is +07:00"
    assert [category.slug for category in review.categories.all()] == ["chuong-trinh-muc-tieu-quoc-gia"]
    paragraph, table = api_article(client, review)["body"]
    assert 'href="https://bandantoc.sonla.example/uploads/so-ket-1719.jpg"' in paragraph["html"]
    assert table["rows"] == [["Huyện", "Tỷ lệ"], ["Mộc Châu", "81%"]]
    assert table["first_row_is_header"] is True

    notice = article("https://bandantoc.sonla.example/thong-bao/lich-tiep-cong-dan-thang-7.html")
    assert local(notice.display_date) == "2024-07-01T00:00:00+07:00"
    assert [category.slug for category in notice.categories.all()] == ["thong-bao"]


def test_hostile_html_is_stripped_and_the_rest_kept(client, section):
    run(SAMPLES / "hostile.xml")

    page = article("https://old.example/tin/ma-doc.html")
    stored = json.dumps(list(page.body.raw_data), ensure_ascii=False)
    rendered = "".join(block["html"] for block in api_article(client, page)["body"])
    for html in (stored, rendered, page.summary):
        assert not HOSTILE.search(html), HOSTILE.search(html)
    assert "Đoạn văn nhấn vào đây và đây nữa, dữ liệu." in rendered, "the text of a dropped link stays"
    assert '<a href="https://old.example/tin/lien-quan.html">Bài liên quan</a>' in rendered
    assert 'href="https://old.example/anh/that.jpg"' in rendered
    assert page.summary == "Tóm tắt an toàn."
    assert "steal" not in client.get(page.url).content.decode()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.xml", r"malformed\.xml is not well-formed XML \(line 12, column 6\): mismatched tag"),
        ("malformed.json", r"malformed\.json is not valid JSON \(line 4, column 1\)"),
    ],
)
def test_malformed_file_is_rejected_clearly_and_nothing_written(section, name, message):
    categories = NewsCategory.objects.count()
    with pytest.raises(CommandError, match=message):
        run(SAMPLES / name)
    assert not NewsArticlePage.objects.exists()
    assert NewsCategory.objects.count() == categories


def test_one_bad_item_rejects_the_file_and_every_problem_is_named(section, tmp_path):
    source = tmp_path / "tin.json"
    items = [
        {"title": "Bài hợp lệ", "url": "https://old.example/hop-le.html", "categories": ["Chủ đề mới"]},
        {"url": "https://old.example/khong-tieu-de.html"},
        {"title": "Bài không có liên kết", "date": "hôm qua"},
        {"title": "Bài trùng liên kết", "url": "https://old.example/hop-le.html"},
    ]
    source.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(CommandError) as raised:
        run(source)

    message = str(raised.value)
    assert "item 2 has no title." in message
    assert "item 3 “Bài không có liên kết” has no link" in message
    assert "item 3 “Bài không có liên kết” has a date that cannot be read: hôm qua" in message
    assert "item 4 “Bài trùng liên kết” has the same link as item 1" in message
    assert not NewsArticlePage.objects.exists()
    assert not NewsCategory.objects.filter(name="Chủ đề mới").exists()


def test_draft_option_leaves_articles_unpublished_until_imported_without_it(client, section):
    output = run(SAMPLES / "rss_vi.xml", "--draft")

    assert "Created 2, updated 0, unchanged 0." in output
    assert "saved as drafts" in output
    pages = NewsArticlePage.objects.all()
    assert pages.count() == 2
    assert not any(page.live for page in pages)
    for page in pages:
        assert client.get(f"/api/v1/news/{page.pk}").status_code == 404
    assert client.get("/api/v1/news").json()["count"] == 0

    assert "Created 0, updated 2, unchanged 0." in run(SAMPLES / "rss_vi.xml")
    assert all(page.live for page in NewsArticlePage.objects.all())
    assert client.get("/api/v1/news").json()["count"] == 2


def test_dry_run_reports_and_writes_nothing(section):
    output = run(SAMPLES / "rss_vi.xml", "--dry-run", "--verbosity", "2")

    assert "Created: Hội nghị tổng kết công tác dân tộc năm 2023 <https://bandantoc" in output
    assert "Created 2, updated 0, unchanged 0." in output
    assert "nothing was written" in output
    assert not NewsArticlePage.objects.exists()
    assert not NewsCategory.objects.filter(slug="giam-ngheo-ben-vung").exists()


def test_parent_is_chosen_by_slug_or_id_and_a_missing_one_is_explained(section):
    other = NewsIndexPageFactory(parent=section.get_parent(), title="Tin cũ", slug="tin-cu")

    run(SAMPLES / "atom.xml", "--parent", "tin-cu")
    run(SAMPLES / "items.json", "--parent", str(other.pk))

    assert NewsArticlePage.objects.child_of(other).count() == 4
    with pytest.raises(CommandError, match="There is no news section with id or slug “khong-co”"):
        run(SAMPLES / "atom.xml", "--parent", "khong-co")


def test_without_a_news_section_nothing_is_imported():
    HomePageFactory()
    with pytest.raises(CommandError, match="There is no news section"):
        run(SAMPLES / "rss_vi.xml")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def web_server():
    """A real HTTP server on 127.0.0.1 serving the sample files."""
    handler = partial(QuietHandler, directory=str(SAMPLES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_is_fetched_from_a_url(section, web_server):
    assert "Created 2, updated 0, unchanged 0." in run(f"{web_server}/rss_vi.xml")
    assert NewsArticlePage.objects.filter(live=True).count() == 2

    with pytest.raises(CommandError, match=r"Cannot download .*/khong-co\.xml: the server answered 404"):
        run(f"{web_server}/khong-co.xml")


def test_editor_sees_where_an_imported_article_came_from(client, section):
    run(SAMPLES / "rss_vi.xml")
    page = article("https://bandantoc.sonla.example/tin-tuc/hoi-nghi-tong-ket-2023.html")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="https://bandantoc.sonla.example/tin-tuc/hoi-nghi-tong-ket-2023.html"' in html
    assert 'name="source_url"' not in html, "shown, not editable: re-import relies on it"
