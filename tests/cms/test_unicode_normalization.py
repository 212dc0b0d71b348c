"""Text typed or pasted decomposed (NFD, from some Windows keyboards and editors) is stored composed
(NFC), whatever the field, so that exact matching, sorting and comparisons treat it as the same text."""

import unicodedata

import pytest
from django.urls import reverse

from procedure_catalog.models import ProcedureField
from search.query import SearchRequest, search
from site_pages.editorial_roles import EDITORS
from site_pages.models import NewsArticlePage
from site_pages.taxonomy import NewsCategory
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, UserFactory, role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db

TITLE = "Thủ tục công nhận người có uy tín ở Mường La"
SUMMARY = "Đồng bào dân tộc thiểu số được hỗ trợ"
BODY = "Hội nghị biểu dương người có uy tín tiêu biểu"


def nfd(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


def body_texts(page):
    return [str(block.value.source if hasattr(block.value, "source") else block.value) for block in page.body]


def test_article_saved_in_code_is_stored_nfc(search_index):
    article = NewsArticlePageFactory(
        title=nfd(TITLE),
        summary=nfd(SUMMARY),
        author=nfd("Lò Văn Hùng"),
        body=[("quote", {"text": nfd(BODY), "attribution": nfd("Ông Lò Văn Hùng")})],
    )
    search_index.sync()

    stored = NewsArticlePage.objects.get(pk=article.pk)
    assert stored.title == TITLE and stored.summary == SUMMARY and stored.author == "Lò Văn Hùng"
    assert stored.body[0].value["text"] == BODY and stored.body[0].value["attribution"] == "Ông Lò Văn Hùng"
    assert is_nfc(stored.get_latest_revision().content["title"])
    found = search(SearchRequest(q=TITLE, size=5))
    assert [hit["title"] for hit in found.hits][:1] == [TITLE]


def test_article_edited_in_the_admin_is_stored_nfc():
    article = NewsArticlePageFactory()
    leader = AdminSession(UserFactory(is_superuser=True, is_staff=True))

    response = leader.edit_article(
        article, "publish", title=nfd(TITLE), summary=nfd(SUMMARY), body=f"<p>{nfd(BODY)}</p>"
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    stored = NewsArticlePage.objects.get(pk=article.pk)
    assert stored.title == TITLE and stored.summary == SUMMARY
    assert BODY in body_texts(stored)[0]
    revision = stored.get_latest_revision()
    assert all(
        is_nfc(value)
        for value in (revision.content["title"], revision.content["summary"], revision.content["body"])
    )


def test_draft_submitted_by_an_editor_is_kept_nfc():
    news = NewsIndexPageFactory()
    editor = AdminSession(role_user(EDITORS))

    response = editor.create_article(
        news, nfd(TITLE), "submit", summary=nfd(SUMMARY), body=f"<p>{nfd(BODY)}</p>"
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    draft = NewsArticlePage.objects.get(title=TITLE)
    revision = draft.get_latest_revision()
    assert revision.content["title"] == TITLE and revision.content["summary"] == SUMMARY
    assert BODY in body_texts(revision.as_object())[0]


def test_snippets_are_stored_nfc():
    leader = AdminSession(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_procedure_catalog_procedurefield:add")

    response = leader.client.post(url, {"name": nfd("Công tác dân tộc"), "code": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ProcedureField.objects.filter(name="Công tác dân tộc").exists()

    category = NewsCategory.objects.create(name=nfd("Tín ngưỡng bản địa"), slug="tin-nguong-ban-dia")
    category.refresh_from_db()
    assert category.name == "Tín ngưỡng bản địa"
