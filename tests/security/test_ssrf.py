"""A subscriber URL must not turn the webhook worker into a way into the internal network."""

import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from cms.webhooks import destinations
from cms.webhooks.models import WebhookDelivery, WebhookSubscriber
from search.documents import alias_name
from tests.cms.test_webhooks import Receiver, admin_client
from tests.cms.webhook_rounds import deliver_due
from tests.factories import NewsArticlePageFactory, UserFactory, WebhookSubscriberFactory

pytestmark = pytest.mark.django_db

PUBLIC = "93.184.215.14"  # a public address; nothing in these tests connects to it successfully


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


def fake_dns(monkeypatch, *answers):
    """Host names resolve to `answers` in turn (the last one repeats), as a rebinding DNS would."""
    real = socket.getaddrinfo
    calls = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host.endswith(".example.vn"):
            calls.append(host)
            chosen = answers[min(len(calls), len(answers)) - 1]
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in chosen]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(destinations.socket, "getaddrinfo", getaddrinfo)
    return calls


def add_subscriber(url):
    client = admin_client(UserFactory(is_superuser=True, is_staff=True))
    add = reverse("webhook_subscribers:add")
    data = querydict_from_html(client.get(add).content.decode(), form_id="w-editor-form")
    data["name"], data["url"] = "Máy chủ nội bộ", url
    data.setlist("events", ["publish"])
    return client.post(add, dict(data.lists()))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9250/sdttg-content/_doc",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://0.0.0.0:9250/",
        "http://10.1.2.3/hook",
        "http://192.168.1.10/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
        "http://[::127.0.0.1]/hook",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
        "http://[2002:7f00:1::]/hook",
    ],
)
def test_the_admin_refuses_an_internal_address(url):
    response = add_subscriber(url)
    assert response.status_code == 200
    assert "nằm trong mạng nội bộ" in response.content.decode()
    assert not WebhookSubscriber.objects.exists()


def test_the_admin_refuses_a_name_that_resolves_to_an_internal_address(monkeypatch):
    fake_dns(monkeypatch, [PUBLIC, "10.0.0.7"])
    assert add_subscriber("https://hooks.example.vn/cms").status_code == 200
    assert not WebhookSubscriber.objects.exists()


def test_the_admin_accepts_a_public_address(monkeypatch):
    fake_dns(monkeypatch, [PUBLIC])
    assert add_subscriber("https://hooks.example.vn/cms").status_code == 302
    assert WebhookSubscriber.objects.get().url == "https://hooks.example.vn/cms"


def test_an_allowed_internal_host_may_be_registered(settings):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]
    assert add_subscriber("http://127.0.0.1:8081/hook").status_code == 302


def test_a_stored_internal_address_is_never_sent_to(receiver):
    """A row saved before the check (or by a script) is refused again when the worker sends."""
    WebhookSubscriberFactory(url=receiver.url)
    NewsArticlePageFactory()
    deliver_due()
    assert receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "internal address" in delivery.last_error


def test_a_name_that_rebinds_to_loopback_after_saving_is_refused(monkeypatch, receiver):
    calls = fake_dns(monkeypatch, [PUBLIC], ["127.0.0.1"])
    WebhookSubscriberFactory(url=f"http://hooks.example.vn:{receiver.port}/hook")
    destinations.validate_public_url(f"http://hooks.example.vn:{receiver.port}/hook")  # checked: public
    NewsArticlePageFactory()
    deliver_due()
    assert len(calls) == 2
    assert receiver.received == []
    assert "internal address (127.0.0.1)" in WebhookDelivery.objects.get().last_error


def test_the_worker_connects_to_the_address_it_checked(monkeypatch, receiver, settings):
    """A DNS answering public for the check and loopback right after must not reach the loopback."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    calls = fake_dns(monkeypatch, [PUBLIC], ["127.0.0.1"])
    WebhookSubscriberFactory(url=f"http://hooks.example.vn:{receiver.port}/hook")
    NewsArticlePageFactory()
    deliver_due()
    assert calls == ["hooks.example.vn"], "resolved once, for the check and the connection alike"
    assert receiver.received == []


def test_a_failed_delivery_keeps_its_status_and_timing_but_not_the_answer(settings):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]
    with Receiver(status=500, body=b'{"cluster_name":"sdttg-internal","secret":"hunter2"}') as leaking:
        WebhookSubscriberFactory(url=leaking.url)
        NewsArticlePageFactory()
        deliver_due()
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_status_code == 500
    assert delivery.last_attempt_at is not None and delivery.last_duration_ms is not None
    assert "hunter2" not in delivery.last_error and "cluster_name" not in delivery.last_error
    client = admin_client(UserFactory(is_superuser=True, is_staff=True))
    page = client.get(reverse("webhook_deliveries:inspect", args=(delivery.pk,))).content.decode()
    assert "hunter2" not in page and "500" in page


def test_a_foreign_document_in_the_index_is_skipped_not_a_500(client, search_index, caplog):
    """What a delivery into the engine's document endpoint wrote: a signed payload, no `key`."""
    NewsArticlePageFactory(title="Hội nghị tổng kết công tác dân tộc")
    search_index.sync()
    search_index.client.index(
        index=alias_name(),
        body={"event": "publish", "type": "news", "id": 1, "title": "Hội nghị giả mạo", "url": "/x/"},
        refresh=True,
    )
    search_index.client.index(index=alias_name(), body={"title": "Hội nghị không địa chỉ"}, refresh=True)

    found = client.get("/api/v1/search", {"q": "hoi nghi"})
    assert found.status_code == 200
    assert [hit["title"] for hit in found.json()["hits"]] == ["Hội nghị tổng kết công tác dân tộc"]

    suggested = client.get("/api/v1/suggest", {"q": "hoi ng"})
    assert suggested.status_code == 200
    assert [item["title"] for item in suggested.json()["suggestions"]] == [
        "Hội nghị tổng kết công tác dân tộc"
    ]
    assert "lacks" in caplog.text


@pytest.fixture
def tls_receiver(tmp_path):
    """An https receiver on 127.0.0.1 with a self-signed certificate for "localhost"."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.cert, server.received = cert, received
    yield server
    server.shutdown()
    server.server_close()


def test_https_still_verifies_the_certificate_against_the_name_in_the_url(
    settings, monkeypatch, tls_receiver
):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["localhost", "127.0.0.1"]
    port = tls_receiver.server_address[1]
    by_name = WebhookSubscriberFactory(url=f"https://localhost:{port}/hook")
    by_address = WebhookSubscriberFactory(url=f"https://127.0.0.1:{port}/hook")
    NewsArticlePageFactory()
    deliver_due()
    assert tls_receiver.received == []
    assert "CERTIFICATE_VERIFY_FAILED" in WebhookDelivery.objects.get(subscriber=by_name).last_error

    monkeypatch.setenv("SSL_CERT_FILE", str(tls_receiver.cert))  # now the certificate is trusted
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    deliver_due()
    assert WebhookDelivery.objects.get(subscriber=by_name).status == "delivered"
    # Connected to the address checked, but the certificate is for "localhost", not "127.0.0.1".
    refused = WebhookDelivery.objects.get(subscriber=by_address)
    assert refused.status == "pending" and "127.0.0.1" in refused.last_error
    assert len(tls_receiver.received) == 1


def test_the_migration_forgets_answer_bodies_already_in_the_log():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cms.migrations.0003_webhook_destinations")
    subscriber = WebhookSubscriberFactory()
    kept = {
        'HTTP 500 Internal Server Error: {"cluster_name":"sdttg"}': "HTTP 500 Internal Server Error",
        "HTTP 410 Gone: bye – subscriber deactivated": "HTTP 410 Gone – subscriber deactivated",
        "HTTP 307 Temporary Redirect: redirect to /moi not followed; update the URL": (
            "HTTP 307 Temporary Redirect: redirect to /moi not followed; update the URL"
        ),
        "ConnectionRefusedError: [Errno 111] Connection refused": (
            "ConnectionRefusedError: [Errno 111] Connection refused"
        ),
    }
    for error in kept:
        WebhookDelivery.objects.create(
            subscriber=subscriber, event="publish", content_key="news:1", payload={}, last_error=error
        )
    migration.forget_answer_bodies(apps, None)
    assert sorted(WebhookDelivery.objects.values_list("last_error", flat=True)) == sorted(kept.values())
