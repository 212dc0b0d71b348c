"""The admin's "Cấu hình tìm kiếm" records (thesaurus, promoted results): leaders and administrators keep
them, with history and restore; editors may look, never change."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from search.promotions import Promotion
from search.thesaurus import SynonymGroup
from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS, EDITORS
from tests.factories import NewsArticlePageFactory, role_user
from tests.security.test_roles import refused

pytestmark = pytest.mark.django_db

TERMS = "nhà văn hóa\nnhà sinh hoạt cộng đồng"


def client_for(role):
    client = Client()
    client.force_login(role_user(role))
    return client


def url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def synonym_form(terms=TERMS, kind=SynonymGroup.EQUIVALENT):
    return {"kind": kind, "terms": terms, "note": ""}


def page_text(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ")


@pytest.mark.parametrize("role", [APPROVERS, ADMINISTRATORS])
def test_leaders_and_administrators_add_edit_and_restore_a_synonym_group(role):
    client = client_for(role)
    assert client.post(url(SynonymGroup, "add"), synonym_form()).status_code == 302
    group = SynonymGroup.objects.get(terms=TERMS)
    first = group.latest_revision
    changed = "nhà văn hóa\nnhà văn hóa bản"
    assert client.post(url(SynonymGroup, "edit", group.pk), synonym_form(changed)).status_code == 302
    group.refresh_from_db()
    assert group.terms == changed
    assert group.revisions.count() == 2

    history = client.get(url(SynonymGroup, "history", group.pk))
    assert history.status_code == 200
    revert = url(SynonymGroup, "revisions_revert", group.pk, first.pk)
    assert revert in history.content.decode()
    # The restore screen is the editing form filled with the earlier version; saving it restores it.
    restore = client.get(revert)
    assert restore.status_code == 200
    assert "nhà sinh hoạt cộng đồng" in restore.content.decode()
    assert client.post(revert, synonym_form()).status_code == 302
    group.refresh_from_db()
    assert group.terms == TERMS
    assert group.revisions.count() == 3


def test_an_editor_sees_the_records_but_cannot_add_or_change_them():
    group = SynonymGroup.objects.create(terms=TERMS)
    promotion = Promotion.objects.create(query="uy tín", page=NewsArticlePageFactory())
    editor = client_for(EDITORS)
    for model, record, form in (
        (SynonymGroup, group, synonym_form("sổ đỏ\ngiấy chứng nhận")),
        (Promotion, promotion, {"query": "sổ đỏ", "page": promotion.page_id, "sort_order": "0"}),
    ):
        assert editor.get(url(model, "list")).status_code == 200
        assert refused(editor.get(url(model, "add")))
        assert refused(editor.post(url(model, "add"), form))
        assert refused(editor.post(url(model, "edit", record.pk), form))
        assert refused(editor.post(url(model, "delete", record.pk)))
    assert SynonymGroup.objects.get(pk=group.pk).terms == TERMS
    assert not SynonymGroup.objects.filter(terms__startswith="sổ đỏ").exists()
    assert list(Promotion.objects.values_list("query", flat=True)) == ["uy tín"]


def test_the_add_forms_start_from_the_text_in_the_address():
    """The search report links here with what citizens typed."""
    client = client_for(APPROVERS)
    thesaurus = client.get(url(SynonymGroup, "add"), {"terms": "một cửa liên thông"})
    assert thesaurus.status_code == 200
    assert "\nmột cửa liên thông</textarea>" in thesaurus.content.decode()
    promotion = client.get(url(Promotion, "add"), {"query": "người uy tín"})
    assert promotion.status_code == 200
    assert 'value="người uy tín"' in promotion.content.decode()


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("", "Vui lòng nhập ít nhất hai cụm từ"),
        ("   \n  ", "Vui lòng nhập ít nhất hai cụm từ"),
        ("nhà văn hóa", "Một nhóm cần ít nhất hai cụm từ khác nhau"),
        ("nhà văn hóa\nNHÀ VĂN HOÁ", "Một nhóm cần ít nhất hai cụm từ khác nhau"),
        ("nhà văn hóa\n?!…", "Cụm từ “?!…” không có chữ hoặc số nào."),
        ("nhà văn hóa\n" + "rất dài " * 20, "dài quá 120 ký tự"),
    ],
    ids=["empty", "blank-lines", "one-term", "same-term-twice", "punctuation", "too-long"],
)
def test_a_bad_synonym_group_is_refused_with_a_vietnamese_message(terms, message):
    response = client_for(ADMINISTRATORS).post(url(SynonymGroup, "add"), synonym_form(terms))
    assert response.status_code == 200
    assert message in page_text(response)
    assert not SynonymGroup.objects.filter(terms=terms).exists()


def test_a_leader_promotes_a_searchable_page_but_not_another_kind():
    client = client_for(APPROVERS)
    article = NewsArticlePageFactory()
    home = Page.objects.get(pk=article.get_parent().get_parent().pk)
    form = {"query": "Người có uy tín", "sort_order": "0", "expires_at": "", "note": ""}

    refused_home = client.post(url(Promotion, "add"), form | {"page": home.pk})
    assert refused_home.status_code == 200
    assert "Chỉ tin tức, thủ tục hành chính và quyết định công bố" in page_text(refused_home)
    punctuation = client.post(url(Promotion, "add"), form | {"page": article.pk, "query": "?!"})
    assert "Từ khóa tìm kiếm không có chữ hoặc số nào." in page_text(punctuation)
    assert not Promotion.objects.exists()

    assert client.post(url(Promotion, "add"), form | {"page": article.pk}).status_code == 302
    assert Promotion.objects.get().page_id == article.pk


def test_the_admin_menu_groups_the_search_records():
    import json

    # The sidebar is drawn from JSON the page carries.
    menu = client_for(APPROVERS).get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Cấu hình tìm kiếm", "Nhóm từ đồng nghĩa", "Kết quả ưu tiên"):
        assert json.dumps(label)[1:-1] in menu
