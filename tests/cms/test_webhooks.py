"""Outgoing webhooks, against a real HTTP receiver on 127.0.0.1: signed, retried, never in the way."""

import io
import json
import socket
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from cms.publishing import consumers
from cms.webhooks.models import WebhookDelivery, WebhookSubscriber
from cms.webhooks.signing import sign, verify_signature
from site_pages.editorial_roles import ADMINISTRATORS, EDITORS
from site_pages.models import NewsArticlePage
from tests.cms.webhook_rounds import Receiver, deliver_due
from tests.factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    UserFactory,
    WebhookSubscriberFactory,
    role_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def receivers_on_loopback(settings):
    """The receivers here listen on 127.0.0.1, an internal address every subscriber is refused
    unless the installation names it (tests/security/test_ssrf.py checks the refusal)."""
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_published_article_reaches_the_subscriber_signed(receiver):
    subscriber = WebhookSubscriberFactory(url=receiver.url)
    article = NewsArticlePageFactory()

    call_command("publish_worker", "--once", stdout=io.StringIO())

    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    assert verify_signature(subscriber.secret, headers["X-Webhook-Signature"], body)
    assert not verify_signature("whsec_another", headers["X-Webhook-Signature"], body)
    event = json.loads(body)
    assert (event["event"], event["type"], event["id"], event["title"]) == (
        "publish",
        "news",
        article.pk,
        article.title,
    )
    assert event["url"] == f"{settings.PUBLIC_BASE_URL}{article.url}"
    assert event["api_url"].endswith(f"/api/v1/news/{article.pk}")
    assert event["happened_at"].endswith("+07:00")
    assert headers["Idempotency-Key"] == headers["X-Webhook-Id"] == event["idempotency_key"]
    assert headers["X-Webhook-Event"] == "publish"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 200)
    assert delivery.delivered_at is not None


def test_a_subscriber_that_was_down_gets_every_delivery_once_it_is_back(settings):
    settings.WEBHOOK_BACKOFF_SECONDS = 30
    port = closed_port()
    WebhookSubscriberFactory(url=f"http://127.0.0.1:{port}/hook")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        articles = NewsArticlePageFactory.create_batch(3, parent=NewsIndexPageFactory())
        deliver_due()

    waiting = list(WebhookDelivery.objects.order_by("pk"))
    assert len(waiting) == 3
    # The first found the subscriber down; the others were not tried and count no attempt.
    assert [(delivery.status, delivery.attempts) for delivery in waiting] == [
        ("pending", 1),
        ("pending", 0),
        ("pending", 0),
    ]
    for delivery in waiting:
        assert "refused" in delivery.last_error.lower()
        assert delivery.next_attempt_at == start + timedelta(seconds=30)  # the first backoff step

    receiver = Receiver(port=port)  # back, on the same address
    try:
        with time_machine.travel(start + timedelta(seconds=10), tick=False):
            deliver_due()
        assert receiver.received == [], "nothing is sent before its backoff time"
        with time_machine.travel(start + timedelta(seconds=31), tick=False):
            deliver_due()
            deliver_due()
    finally:
        receiver.stop()

    keys = [event["idempotency_key"] for event in receiver.bodies()]
    assert len(keys) == len(set(keys)) == 3
    assert sorted(event["id"] for event in receiver.bodies()) == sorted(article.pk for article in articles)
    delivered = WebhookDelivery.objects.order_by("pk").values_list("status", "attempts")
    assert list(delivered) == [("delivered", 2), ("delivered", 1), ("delivered", 1)]
    assert {str(delivery.idempotency_key) for delivery in waiting} == set(keys), "retries keep their key"


def test_a_delivery_is_never_given_up_untried(settings):
    """A long outage uses up the attempts of the delivery that keeps finding the subscriber down; the
    ones queued behind it were never sent, so they wait their turn instead of failing with it."""
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    port = closed_port()
    WebhookSubscriberFactory(url=f"http://127.0.0.1:{port}/hook")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        first, second = NewsArticlePageFactory.create_batch(2, parent=NewsIndexPageFactory())
        deliver_due()
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        deliver_due()
    log = WebhookDelivery.objects.order_by("pk")
    assert list(log.values_list("status", "attempts")) == [("failed", 2), ("pending", 0)]

    receiver = Receiver(port=port)
    try:
        with time_machine.travel(start + timedelta(hours=2), tick=False):
            deliver_due()
    finally:
        receiver.stop()
    assert [event["id"] for event in receiver.bodies()] == [second.pk]
    assert receiver.received[0][0]["X-Webhook-Attempt"] == "1", "its first real try"
    assert list(log.values_list("status", "attempts")) == [("failed", 2), ("delivered", 1)]


def test_publishing_never_waits_for_a_subscriber(settings):
    """The subscriber accepts connections but never answers: only the worker notices."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    connections = []
    hanging = socket.socket()
    hanging.bind(("127.0.0.1", 0))
    hanging.listen()

    def accept_and_stay_silent():
        while True:
            try:
                connections.append(hanging.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept_and_stay_silent, daemon=True).start()
    news = NewsIndexPageFactory()
    started = time.monotonic()
    NewsArticlePageFactory(parent=news)
    without_subscriber = time.monotonic() - started

    WebhookSubscriberFactory(url=f"http://127.0.0.1:{hanging.getsockname()[1]}/hook")
    started = time.monotonic()
    NewsArticlePageFactory(parent=news)
    with_subscriber = time.monotonic() - started

    try:
        assert connections == [], "publishing opened no connection to the subscriber"
        assert with_subscriber < without_subscriber + 0.5
        consumers.drain("webhooks")  # the worker's first step: the change becomes a delivery
        assert WebhookDelivery.objects.filter(status="pending", attempts=0).count() == 1

        started = time.monotonic()
        deliver_due()
        assert time.monotonic() - started >= 0.9, "the worker, not the editor, waited for the timeout"
        assert len(connections) == 1
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts) == ("pending", 1)
        assert "timed out" in delivery.last_error
    finally:
        hanging.close()
        for connection in connections:
            connection.close()


def test_a_subscriber_hears_only_the_events_it_chose(receiver):
    WebhookSubscriberFactory(url=receiver.url, events=["delete"])
    article = NewsArticlePageFactory()
    article_id = article.pk
    article.title = "Tiêu đề đã sửa"
    article.save_revision().publish()
    deliver_due()
    assert receiver.received == []

    article.delete()
    deliver_due()
    assert [(event["event"], event["id"]) for event in receiver.bodies()] == [("delete", article_id)]


def test_unpublish_and_delete_are_told_apart(receiver):
    WebhookSubscriberFactory(url=receiver.url, events=["unpublish", "delete"])
    news = NewsIndexPageFactory()
    withdrawn, removed, withdrawn_then_removed = NewsArticlePageFactory.create_batch(3, parent=news)
    draft = news.add_child(
        instance=NewsArticlePage(title="Bản nháp", slug="ban-nhap", summary="…", live=False)
    )
    ids = {"withdrawn": withdrawn.pk, "removed": removed.pk, "both": withdrawn_then_removed.pk}

    withdrawn.unpublish()
    removed.delete()  # live until deleted: Wagtail unpublishes it on the way, but it is one "delete"
    withdrawn_then_removed.unpublish()
    withdrawn_then_removed.delete()
    draft.delete()  # never seen outside: nothing to tell
    deliver_due()

    assert sorted((event["id"], event["event"]) for event in receiver.bodies()) == sorted(
        [
            (ids["withdrawn"], "unpublish"),
            (ids["removed"], "delete"),
            (ids["both"], "unpublish"),
            (ids["both"], "delete"),
        ]
    )
    assert all("api_url" not in event for event in receiver.bodies()), "only a publish points at the API"


def test_a_rolled_back_publish_queues_nothing():
    WebhookSubscriberFactory()
    news = NewsIndexPageFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        NewsArticlePageFactory(parent=news)
        raise RuntimeError("the editor's save failed")
    assert not WebhookDelivery.objects.exists()


def test_signatures_fail_when_tampered_or_stale():
    body = json.dumps({"event": "publish", "id": 7}).encode()
    header = sign("whsec_bi-mat", body)
    assert verify_signature("whsec_bi-mat", header, body)
    assert not verify_signature("whsec_bi-mat", header, body.replace(b"7", b"8"))
    stale = sign("whsec_bi-mat", body, timestamp=time.time() - 301)
    assert not verify_signature("whsec_bi-mat", stale, body)
    assert verify_signature("whsec_bi-mat", stale, body, tolerance=600)
    # A replayed body with a fresh timestamp but the old signature is refused too.
    forged = f"t={int(time.time())},{stale.split(',')[1]}"
    assert not verify_signature("whsec_bi-mat", forged, body)
    assert not verify_signature("whsec_bi-mat", "", body)


def test_retries_stop_after_the_last_attempt(settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    failing = Receiver(status=500)
    try:
        WebhookSubscriberFactory(url=failing.url)
        NewsArticlePageFactory()
        deliver_due()
        with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
            deliver_due()
        with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
            deliver_due()
    finally:
        failing.stop()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 2, 500)
    assert delivery.last_error.startswith("HTTP 500")
    assert len(failing.received) == 2


def test_gone_deactivates_the_subscriber():
    gone = Receiver(status=410)
    try:
        subscriber = WebhookSubscriberFactory(url=gone.url)
        NewsArticlePageFactory()
        deliver_due()
    finally:
        gone.stop()
    subscriber.refresh_from_db()
    assert not subscriber.active
    assert WebhookDelivery.objects.get().status == "failed"
    NewsArticlePageFactory()
    assert WebhookDelivery.objects.count() == 1, "an inactive subscriber is sent nothing new"


def test_redirects_are_not_followed(receiver):
    moved = Receiver(status=307, headers={"Location": receiver.url})
    try:
        WebhookSubscriberFactory(url=moved.url)
        NewsArticlePageFactory()
        deliver_due()
    finally:
        moved.stop()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code) == ("pending", 307)
    assert "not followed" in delivery.last_error
    assert receiver.received == []


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_administrator_registers_a_subscriber_in_the_admin():
    client = admin_client(UserFactory(is_superuser=True, is_staff=True))
    assert reverse("webhook_subscribers:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("webhook_subscribers:index")).status_code == 200

    url = reverse("webhook_subscribers:add")
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["name"], data["url"] = "Cổng thông tin điện tử tỉnh", "https://sonla.gov.vn/hooks/cms"
    data["active"] = (
        "on"  # checked by default; the HTML helper reads a checked box as "", a browser sends "on"
    )
    data.setlist("events", ["publish", "delete"])
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:3000]

    subscriber = WebhookSubscriber.objects.get()
    edit_url = reverse("webhook_subscribers:edit", args=(subscriber.pk,))
    assert response["Location"] == edit_url, "saving shows the new secret straight away"
    assert (subscriber.url, subscriber.events, subscriber.active) == (
        "https://sonla.gov.vn/hooks/cms",
        ["publish", "delete"],
        True,
    )
    assert subscriber.secret.startswith("whsec_") and len(subscriber.secret) > 40
    assert subscriber.secret in client.get(edit_url).content.decode(), (
        "the administrator can read the secret to pass it on"
    )


def test_the_admin_refuses_a_url_that_is_not_http():
    client = admin_client(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("webhook_subscribers:add")
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["name"], data["url"] = "Máy chủ tệp", "ftp://files.example.vn/hook"
    data.setlist("events", ["publish"])
    assert client.post(url, dict(data.lists())).status_code == 200
    assert not WebhookSubscriber.objects.exists()


def test_rotating_the_secret_changes_what_signs():
    client = admin_client(role_user(ADMINISTRATORS, is_staff=True))
    subscriber = WebhookSubscriberFactory()
    old = subscriber.secret
    url = reverse("webhook_subscribers:edit", args=(subscriber.pk,))
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["rotate_secret"] = "on"
    assert client.post(url, dict(data.lists())).status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.secret != old and subscriber.events == ["publish", "unpublish", "delete"]


def test_the_delivery_log_shows_status_and_is_read_only():
    client = admin_client(role_user(ADMINISTRATORS, is_staff=True))
    WebhookSubscriberFactory(url=f"http://127.0.0.1:{closed_port()}/hook")
    article = NewsArticlePageFactory()
    deliver_due()
    delivery = WebhookDelivery.objects.get()

    page = client.get(reverse("webhook_deliveries:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert f"news:{article.pk}" in html
    assert str(delivery.get_status_display()) in html
    detail = client.get(reverse("webhook_deliveries:inspect", args=(delivery.pk,))).content.decode()
    assert str(delivery.idempotency_key) in detail and "refused" in detail.lower()
    with pytest.raises(NoReverseMatch):
        reverse("webhook_deliveries:add")
    with pytest.raises(NoReverseMatch):
        reverse("webhook_deliveries:edit", args=(delivery.pk,))


def test_editors_see_no_webhooks():
    client = admin_client(role_user(EDITORS, is_staff=True))
    assert (
        reverse("webhook_subscribers:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert client.get(reverse("webhook_subscribers:index")).status_code != 200
    assert client.get(reverse("webhook_deliveries:index")).status_code != 200


def test_retry_now_sends_waiting_deliveries_without_waiting_for_backoff():
    port = closed_port()
    WebhookSubscriberFactory(url=f"http://127.0.0.1:{port}/hook")
    NewsArticlePageFactory()
    deliver_due()
    receiver = Receiver(port=port)
    try:
        deliver_due()
        assert receiver.received == []
        output = io.StringIO()
        call_command("publish_worker", "--once", "--retry-now", stdout=output)
    finally:
        receiver.stop()
    assert "1 waiting deliveries made due now" in output.getvalue()
    assert len(receiver.received) == 1
    assert WebhookDelivery.objects.get().status == "delivered"


def test_the_log_forgets_finished_deliveries_but_never_waiting_ones(receiver):
    finished = WebhookSubscriberFactory(url=receiver.url)
    NewsArticlePageFactory()
    deliver_due()
    finished.active = False
    finished.save()
    waiting = WebhookSubscriberFactory(url=f"http://127.0.0.1:{closed_port()}/hook")
    NewsArticlePageFactory()
    with time_machine.travel(timezone.now() + timedelta(days=31), tick=False):
        call_command("publish_worker", "--once", stdout=io.StringIO())
    assert list(WebhookDelivery.objects.values_list("subscriber", "status")) == [(waiting.pk, "pending")]
