"""Behind the agency's own proxies, the client is the nearest address they did not write themselves.

A client writes whatever it likes at the left of X-Forwarded-For; each proxy of ours appends the address
it was reached from. So the rightmost hop our proxies did not add is the only one nobody can forge:
rotating the leftmost one escapes neither the login lock nor the API's rate limit, and two people behind
the same proxy are still two clients.
"""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's
NGINX = "127.0.0.1"  # the README's nginx reaches gunicorn over loopback


def through_nginx(client_address, claimed=None):
    """The headers of a request as nginx's $proxy_add_x_forwarded_for passes it on."""
    hops = [claimed, client_address] if claimed else [client_address]
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": ", ".join(hops)}


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in(client, username, password, **meta):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **meta)


def test_rotating_the_leftmost_hop_does_not_escape_the_login_lock(client, one_proxy):
    editor = UserFactory(is_superuser=True)
    for n in range(5):
        sign_in(client, editor.username, "doan-sai", **through_nginx("203.0.113.7", claimed=f"10.9.9.{n}"))
    again = sign_in(client, editor.username, "doan-sai", **through_nginx("203.0.113.7", claimed="10.9.9.99"))
    assert again.status_code == 429


def test_two_clients_behind_the_proxy_are_counted_apart_at_sign_in(client, one_proxy):
    editor = UserFactory(is_superuser=True)
    for _ in range(5):
        sign_in(client, editor.username, "doan-sai", **through_nginx("203.0.113.7"))
    assert sign_in(client, editor.username, PASSWORD, **through_nginx("203.0.113.7")).status_code == 429

    colleague = sign_in(client, editor.username, PASSWORD, **through_nginx("198.51.100.20"))
    assert colleague.status_code == 302, "the editor at another address is not locked out by the guesser"


def test_rotating_the_leftmost_hop_does_not_escape_the_rate_limit(client, settings, one_proxy):
    settings.API_RATE_LIMIT = (3, 60)
    answers = [
        client.get("/api/v1/categories", **through_nginx("203.0.113.7", claimed=f"10.9.9.{n}")).status_code
        for n in range(5)
    ]
    assert answers == [200, 200, 200, 429, 429]


def test_two_clients_behind_the_proxy_have_a_budget_each(client, settings, one_proxy):
    settings.API_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert client.get("/api/v1/categories", **through_nginx("203.0.113.7")).status_code == 200
    assert client.get("/api/v1/categories", **through_nginx("203.0.113.7")).status_code == 429
    assert client.get("/api/v1/categories", **through_nginx("198.51.100.20")).status_code == 200


def test_two_proxies_in_a_row_are_both_skipped(client, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    settings.API_RATE_LIMIT = (2, 60)
    # The load balancer (10.0.0.5) appends the client, nginx appends the load balancer.
    chain = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7, 10.0.0.5"}
    rotated = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "7.7.7.7, 203.0.113.7, 10.0.0.5"}
    assert client.get("/api/v1/categories", **chain).status_code == 200
    assert client.get("/api/v1/categories", **rotated).status_code == 200
    assert client.get("/api/v1/categories", **chain).status_code == 429
    other = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "198.51.100.20, 10.0.0.5"}
    assert client.get("/api/v1/categories", **other).status_code == 200


def test_without_trusted_proxies_the_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.API_RATE_LIMIT = (2, 60)
    for n in range(2):
        client.get("/api/v1/categories", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}")
    limited = client.get("/api/v1/categories", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="10.9.9.50")
    assert limited.status_code == 429
