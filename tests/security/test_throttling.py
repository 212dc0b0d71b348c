"""Guessing a protected page's password stops after a few tries, as guessing a sign-in password does.

Counted per client address and page: the guesser waits, someone else (or the same person on another
protected page) does not.
"""

import pytest
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.models import PageViewRestriction

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "hop-noi-bo-2025"
PAUSED = "Too many wrong passwords for this page from your address. Try again in %(minutes)s minute."
PAUSED_PLURAL = PAUSED.replace("minute.", "minutes.")


def protect(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def guess(client, url, page, password, address="203.0.113.7"):
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


@pytest.fixture
def protected():
    page = NewsArticlePageFactory()
    return page, protect(page)


def test_the_protected_page_asks_for_its_password(client, protected):
    page, url = protected
    assert client.get(page.url).status_code == 200
    assert guess(client, url, page, PASSWORD).status_code == 302


def test_after_five_wrong_passwords_even_the_right_one_waits(client, settings, protected):
    page, url = protected
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert guess(client, url, page, "doan-sai").status_code == 200  # the form again, with its error
    refused = guess(client, url, page, PASSWORD)
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(15 * 60)
    assert ngettext(PAUSED, PAUSED_PLURAL, 15) % {"minutes": 15} in refused.content.decode()
    assert "Quá nhiều lần nhập sai mật khẩu" in refused.content.decode()


def test_twenty_guesses_are_not_all_checked(client, settings, protected):
    page, url = protected
    answers = [guess(client, url, page, f"doan-sai-{n}").status_code for n in range(20)]
    assert answers.count(200) == settings.AXES_FAILURE_LIMIT
    assert answers.count(429) == 20 - settings.AXES_FAILURE_LIMIT


def test_another_address_and_another_page_are_not_held_up(client, settings, protected):
    page, url = protected
    for _ in range(settings.AXES_FAILURE_LIMIT):
        guess(client, url, page, "doan-sai")
    assert guess(client, url, page, PASSWORD).status_code == 429

    assert guess(client, url, page, PASSWORD, address="198.51.100.20").status_code == 302
    other = NewsArticlePageFactory()
    assert guess(client, protect(other), other, PASSWORD).status_code == 302


def test_the_right_password_clears_earlier_typos(client, settings, protected):
    page, url = protected
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        guess(client, url, page, "doan-sai")
    assert guess(client, url, page, PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert guess(client, url, page, "doan-sai").status_code == 200
    assert guess(client, url, page, PASSWORD).status_code == 302
