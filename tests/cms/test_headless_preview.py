"""An editor's preview opens the front end, which reads the unsaved draft with an expiring token."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from procedure_catalog.models import NoticeEntry, ProcedureNoticePage, ProcedurePage
from site_pages.editorial_roles import EDITORS
from site_pages.models import HeadlessPreview, NewsArticlePage
from tests.factories import NewsIndexPageFactory, ProcedureIndexPageFactory, role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db

FRONT_END = "https://portal.example/preview"


@pytest.fixture
def front_end(settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.HEADLESS_PREVIEW_MAX_AGE = 600
    return settings


@pytest.fixture
def editor():
    return AdminSession(role_user(EDITORS))


@pytest.fixture
def news():
    return NewsIndexPageFactory()


@pytest.fixture
def draft(news):
    article = NewsArticlePage(title="Dự thảo: hội nghị tổng kết", summary="Tóm tắt đã lưu.")
    news.add_child(instance=article)
    article.save_revision()
    article.unpublish()
    return article


def open_preview(editor, url, data):
    """What the admin's preview button does: post the form as it stands, then load the preview."""
    posted = editor.client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}, posted.content
    return editor.client.get(url)


def preview_article(editor, article, **fields):
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    data = editor.article_form(edit_url, **fields)
    return open_preview(editor, reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,)), data)


def front_end_query(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    location = response["Location"]
    assert location.startswith(FRONT_END + "?"), location
    return {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}


def read_preview(token):
    # The front end calls with the token alone: no session, no admin rights.
    return Client().get(f"/api/v1/preview/{token}")


def test_preview_opens_the_front_end_with_the_unsaved_draft(front_end, editor, draft):
    response = preview_article(
        editor, draft, title="Hội nghị tổng kết – bản sửa chưa lưu", body="<p>Đoạn mới viết, chưa lưu.</p>"
    )

    query = front_end_query(response)
    assert query["type"] == "news"
    answer = read_preview(query["token"])

    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["preview"] is True
    assert body["id"] == draft.pk
    assert body["title"] == "Hội nghị tổng kết – bản sửa chưa lưu"
    assert body["summary"] == "Tóm tắt đã lưu."
    assert [block["type"] for block in body["body"]] == ["paragraph"]
    assert "Đoạn mới viết, chưa lưu." in body["body"][0]["html"]
    assert "no-store" in answer["Cache-Control"] and "private" in answer["Cache-Control"]
    assert answer["X-Robots-Tag"] == "noindex"
    # Previewing saves nothing, and the draft stays out of the public API.
    assert draft.get_latest_revision_as_object().title == "Dự thảo: hội nghị tổng kết"
    assert Client().get(f"/api/v1/news/{draft.pk}").status_code == 404
    assert draft.pk not in [item["id"] for item in Client().get("/api/v1/news").json()["results"]]


def test_each_preview_keeps_what_it_showed(front_end, editor, draft):
    first = front_end_query(preview_article(editor, draft, title="Lần sửa thứ nhất"))
    second = front_end_query(preview_article(editor, draft, title="Lần sửa thứ hai"))

    assert read_preview(first["token"]).json()["title"] == "Lần sửa thứ nhất"
    assert read_preview(second["token"]).json()["title"] == "Lần sửa thứ hai"


def test_preview_of_an_article_not_yet_created(front_end, editor, news):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("site_pages", "newsarticlepage", news.pk))
    data = editor.article_form(
        reverse("wagtailadmin_pages:add", args=("site_pages", "newsarticlepage", news.pk)),
        title="Bài mới đang soạn",
        summary="Chưa lưu lần nào.",
        slug="",
    )

    answer = read_preview(front_end_query(open_preview(editor, url, data))["token"])

    assert answer.status_code == 200, answer.content
    assert (answer.json()["id"], answer.json()["title"]) == (None, "Bài mới đang soạn")
    assert not NewsArticlePage.objects.filter(title="Bài mới đang soạn").exists()


def test_tampered_or_foreign_tokens_are_refused(front_end, editor, draft):
    token = front_end_query(preview_article(editor, draft))["token"]
    key = token.split(":")[0]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    # Signed with the site's key but for another purpose: the salt keeps it out.
    foreign = signing.TimestampSigner().sign(key)

    for bad in (tampered, foreign, "khong-phai-ma"):
        answer = read_preview(bad)
        assert answer.status_code == 400, (bad, answer.content)
        assert answer["Content-Type"] == "application/problem+json"
        assert answer.json()["title"] == "Mã xem trước không hợp lệ"
        assert answer["Cache-Control"] == "no-store, private"


def test_token_expires_after_the_configured_time(front_end, editor, draft):
    token = front_end_query(preview_article(editor, draft, title="Bản xem trước có hạn"))["token"]

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=590), tick=False):
        assert read_preview(token).json()["title"] == "Bản xem trước có hạn"
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=610), tick=False):
        answer = read_preview(token)

    assert answer.status_code == 410
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json()["title"] == "Bản xem trước đã hết hạn"
    assert "600 s" in answer.json()["detail"]


def test_expired_snapshots_are_purged_when_the_next_is_stored(front_end, editor, draft):
    old = front_end_query(preview_article(editor, draft))["token"]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=610), tick=False):
        front_end_query(preview_article(editor, draft))

    assert HeadlessPreview.objects.count() == 1
    assert not HeadlessPreview.objects.filter(key=old.split(":")[0]).exists()


def test_without_a_front_end_the_admin_preview_is_wagtails_own(settings, editor, draft):
    settings.HEADLESS_PREVIEW_URL = ""

    response = preview_article(editor, draft, title="Xem trước kiểu cũ")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Xem trước kiểu cũ" in response.content.decode()
    assert not HeadlessPreview.objects.exists()


def test_no_snapshot_without_an_editor_behind_the_request(front_end, draft):
    # Wagtail's views check rights before calling serve_preview; the page checks again itself.
    response = draft.make_preview_request(original_request=None)

    assert response.status_code == 403
    assert not HeadlessPreview.objects.exists()


@pytest.fixture
def section():
    return ProcedureIndexPageFactory()


def test_procedure_preview_has_the_detail_shape(front_end, editor, section):
    procedure = ProcedurePage(code="1.012223", title="Công nhận người có uy tín", handling_agency="Sở")
    section.add_child(instance=procedure)
    procedure.save_revision().publish()
    edit_url = reverse("wagtailadmin_pages:edit", args=(procedure.pk,))
    streams = {"steps": [("step", {"name": "Nộp hồ sơ", "description": rich_text("<p>Tại xã.</p>")})]}
    data = editor.page_form(edit_url, {"channels": [], "cases": [], "legal_bases": [], **streams})
    data["title"] = "Công nhận người có uy tín (đang sửa)"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(procedure.pk,))

    query = front_end_query(open_preview(editor, url, data))
    body = read_preview(query["token"]).json()

    assert query["type"] == "procedure"
    assert body["preview"] is True
    assert (body["code"], body["name"]) == ("1.012223", "Công nhận người có uy tín (đang sửa)")
    assert [step["name"] for step in body["steps"]] == ["Nộp hồ sơ"]
    published = Client().get("/api/v1/procedures/1.012223").json()
    assert published["name"] == "Công nhận người có uy tín"
    assert set(body) == set(published) | {"preview"}


def test_notice_preview_lists_its_procedures(front_end, editor, section):
    procedure = ProcedurePage(code="1.012224", title="Thủ tục được sửa đổi")
    section.add_child(instance=procedure)
    procedure.save_revision().publish()
    notice = ProcedureNoticePage(
        title="Công bố thủ tục sửa đổi",
        decision_number="1805/QĐ-UBND",
        decision_date=datetime.date(2025, 7, 1),
        issuer="Ủy ban nhân dân tỉnh Sơn La",
    )
    notice.entries.add(
        NoticeEntry(procedure=procedure, change="amended", effective_on=datetime.date(2025, 7, 15))
    )
    section.add_child(instance=notice)
    notice.save_revision()
    edit_url = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    data = editor.page_form(edit_url, {}, decision_number="1806/QĐ-UBND")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(notice.pk,))

    query = front_end_query(open_preview(editor, url, data))
    body = read_preview(query["token"]).json()

    assert query["type"] == "notice"
    assert body["decision_number"] == "1806/QĐ-UBND"
    [entry] = body["entries"]
    assert (entry["code"], entry["change"], entry["effective_on"]) == ("1.012224", "amended", "2025-07-15")
