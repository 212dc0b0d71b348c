"""Nothing withdrawn, login-only or never published shows through a public answer."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def withdraw(page):
    page.unpublish()


def restrict_to_logged_in_users(page):
    PageViewRestriction.objects.create(page=page, restriction_type="login")


@pytest.mark.parametrize("hide", [withdraw, restrict_to_logged_in_users])
def test_did_you_mean_never_offers_a_withdrawn_title_word(client, search_index, hide):
    news = NewsIndexPageFactory()
    NewsArticlePageFactory(parent=news, title="Hội nghị công tác dân tộc")
    secret = NewsArticlePageFactory(parent=news, title="Phương án sáp nhập Pắcmạ")
    search_index.sync()
    assert client.get("/api/v1/search", {"q": "pacmo"}).json()["suggestion"] == "pacma"

    hide(secret)
    search_index.sync()
    body = client.get("/api/v1/search", {"q": "pacmo"}).json()
    assert body["total"] == 0
    assert body["suggestion"] is None, "the engine still counts the deleted document's words"


def test_did_you_mean_respects_the_filters(client, search_index):
    NewsArticlePageFactory(title="Lễ hội Pắcmạ")
    search_index.sync()
    assert client.get("/api/v1/search", {"q": "pacmo"}).json()["suggestion"] == "pacma"
    filtered = client.get("/api/v1/search", {"q": "pacmo", "type": "procedure"}).json()
    assert filtered["suggestion"] is None, "a suggestion that finds nothing under the same filters"
