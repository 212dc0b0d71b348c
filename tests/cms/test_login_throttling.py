"""Guessing an editor's password stops after a few tries, without locking anyone else out."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's
# Looked up in the catalogue, so the test holds before and after the Vietnamese is compiled in.
LOCKED_TITLE = "Too many failed sign-in attempts"
PAUSED = (
    "To protect the account, signing in with this name from your address is paused for %(minutes)s minute."
)
PAUSED_PLURAL = PAUSED.replace("minute.", "minutes.")


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_five_wrong_passwords_lock_the_account_from_that_address(client):
    editor = UserFactory(is_superuser=True)
    for _ in range(4):
        assert sign_in(client, editor.username, "doan-sai").status_code == 200  # the form again
    fifth = sign_in(client, editor.username, "doan-sai")
    assert fifth.status_code == 429

    refused = sign_in(client, editor.username, PASSWORD)
    assert refused.status_code == 429, "even the right password waits out the lock"
    assert not signed_in(refused)
    page = refused.content.decode()
    assert f"<title>{gettext(LOCKED_TITLE)}</title>" in page
    assert ngettext(PAUSED, PAUSED_PLURAL, 15) % {"minutes": 15} in page
    assert '<html lang="vi">' in page
    assert refused["Retry-After"] == str(15 * 60)
    assert editor.username not in page, "the page does not confirm which account was tried"


def test_other_users_and_other_addresses_still_sign_in(client):
    target, colleague = UserFactory(is_superuser=True), UserFactory(is_superuser=True)
    for _ in range(5):
        sign_in(client, target.username, "doan-sai")
    assert sign_in(client, target.username, PASSWORD).status_code == 429

    assert signed_in(sign_in(client, colleague.username, PASSWORD))
    client.logout()
    assert signed_in(sign_in(client, target.username, PASSWORD, address="198.51.100.20"))


def test_a_correct_password_clears_earlier_typos(client):
    editor = UserFactory(is_superuser=True)
    for _ in range(4):
        sign_in(client, editor.username, "doan-sai")
    assert signed_in(sign_in(client, editor.username, PASSWORD))
    client.logout()
    for _ in range(4):
        sign_in(client, editor.username, "doan-sai")
    assert signed_in(sign_in(client, editor.username, PASSWORD)), "four typos after a success are not five"


def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_apart(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    editor = UserFactory(is_superuser=True)
    proxy = "10.0.0.2"  # every request reaches us from the proxy
    for _ in range(5):
        sign_in(client, editor.username, "doan-sai", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    locked = sign_in(client, editor.username, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert locked.status_code == 429

    elsewhere = sign_in(
        client, editor.username, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20"
    )
    assert signed_in(elsewhere), "the editor at another address is not locked out by the guesser"
