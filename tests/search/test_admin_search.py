"""Editors search the admin without typing marks, and find drafts too."""

import pytest
from django.test import Client

from site_pages.editorial_roles import EDITORS
from site_pages.models import NewsArticlePage
from tests.factories import NewsIndexPageFactory, role_user

pytestmark = pytest.mark.django_db


def test_admin_page_search_ignores_diacritics_and_finds_drafts():
    news = NewsIndexPageFactory()
    draft = NewsArticlePage(
        title="Đồng bào Thái đón Tết Xíp xí", slug="dong-bao-thai", summary="Bản nháp", live=False
    )
    news.add_child(instance=draft)
    draft.save_revision()
    client = Client()
    client.force_login(role_user(EDITORS))

    for query in ("dong bao thai", "Đồng bào Thái", "DONG BAO"):
        html = client.get("/admin/pages/search/results/", {"q": query}).content.decode()
        assert "Đồng bào Thái đón Tết Xíp xí" in html, query
