"""Published news reaches the home page and the news section; drafts never do."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory


@pytest.mark.django_db
def test_home_lists_latest_published_news_newest_first(client):
    news = NewsIndexPageFactory()
    older = NewsArticlePageFactory(parent=news, display_date=timezone.now() - timedelta(days=3))
    newer = NewsArticlePageFactory(parent=news)

    html = client.get("/").content.decode()

    assert html.index(newer.title) < html.index(older.title)


@pytest.mark.django_db
def test_unpublished_article_is_neither_listed_nor_served(client):
    news = NewsIndexPageFactory()
    article = NewsArticlePageFactory(parent=news)
    url = article.url
    article.unpublish()

    assert article.title not in client.get("/tin-tuc/").content.decode()
    assert client.get(url).status_code == 404
