"""Public pages forbid inline and foreign scripts and styles; the admin, which needs inline ones, does not."""

import pytest
from django.urls import reverse

from tests.factories import NewsArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def policy_of(response):
    return {
        name: value.split()
        for name, value in (
            directive.strip().split(" ", 1) for directive in response["Content-Security-Policy"].split(";")
        )
    }


def test_an_article_and_its_print_and_saved_copies_carry_the_strict_policy(client):
    article = NewsArticlePageFactory()
    for address in (article.url, f"{article.url}in/", f"{article.url}luu/"):
        response = client.get(address)
        assert response.status_code == 200, address
        policy = policy_of(response)
        assert policy["script-src"] == ["'self'"], address
        assert policy["style-src"] == ["'self'"], address
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


def test_search_and_not_found_pages_carry_the_policy(client):
    NewsArticlePageFactory()
    for address, status in (("/tim-kiem/?q=", 200), ("/khong-co-trang-nay/", 404)):
        response = client.get(address)
        assert response.status_code == status
        assert policy_of(response)["default-src"] == ["'self'"], address


def test_the_admin_is_not_given_the_public_policy(client):
    client.force_login(UserFactory(is_superuser=True))
    for address in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login")):
        response = client.get(address, follow=True)
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response, address


def test_api_and_feeds_answers_are_not_html_and_carry_no_page_policy(client):
    NewsArticlePageFactory()
    for address in ("/api/v1/health", "/feeds/news.atom"):
        response = client.get(address)
        assert "Content-Security-Policy" not in response, address
