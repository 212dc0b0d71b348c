"""A faulty subscriber: it answers 500, then hangs past the timeout, then recovers.

Every event reaches it once it is back, each under one Idempotency-Key kept across all retries, so a
request it finished after the worker had given up is recognised as a repeat, not acted on twice.
The subscriber is a real HTTP server on 127.0.0.1; time between rounds is moved with time_machine.
"""

import io
import json
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Min
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.publishing import consumers
from cms.webhooks.models import WebhookDelivery
from cms.webhooks.signing import verify_signature
from tests.factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    UserFactory,
    WebhookSubscriberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def receivers_on_loopback(settings):
    """The receivers here listen on 127.0.0.1, an internal address every subscriber is refused
    unless the installation names it (tests/security/test_ssrf.py checks the refusal)."""
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]


TIMEOUT = 0.5
FAILING, HANGING, STALLING, HEALTHY = "500", "hangs past the timeout", "500 head, no body", "healthy"


@dataclass(frozen=True)
class Request:
    phase: str
    headers: dict
    body: bytes
    received_at: float  # wall time as the sender saw it, to check the signature's timestamp against

    @property
    def key(self):
        return self.headers["Idempotency-Key"]

    @property
    def attempt(self):
        return int(self.headers["X-Webhook-Attempt"])

    @property
    def event(self):
        return json.loads(self.body)


class FlakySubscriber:
    """Fails as its `phase` says; like a correct subscriber, acts on each Idempotency-Key only once.

    `acted_on` is what the subscriber did (one entry per key it acted on, a second would be a
    double-processed event); `repeats` are keys that came again after it had acted and were only
    acknowledged. A hanging request is held until `finish_late()`: it then does its work and
    answers 200 to a sender that gave up long ago.
    """

    def __init__(self):
        self.phase = FAILING
        self.received = []
        self.acted_on = []
        self.repeats = []
        self.handler_errors = []
        self._late_answers = 0
        self._changed = threading.Condition()
        self._release = threading.Event()
        self.server = self._serve()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def _serve(self):
        subscriber = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                phase = subscriber.phase
                request = Request(phase, dict(self.headers), body, time.time())
                with subscriber._changed:
                    subscriber.received.append(request)
                if phase == FAILING:
                    self.answer(500, b"Database unavailable")
                elif phase == HEALTHY:
                    subscriber.act_on(request)
                    self.answer(200)
                elif phase == HANGING:
                    subscriber._release.wait(10)
                    subscriber.act_on(request)
                    try:
                        self.answer(200)
                    except OSError:
                        pass  # the sender closed the connection when it timed out
                    with subscriber._changed:
                        subscriber._late_answers += 1
                        subscriber._changed.notify_all()
                elif phase == STALLING:
                    # The status line and headers arrive, the promised body never does.
                    self.send_response(500)
                    self.send_header("Content-Length", "100")
                    self.end_headers()
                    self.wfile.write(b"Internal error while")
                    self.wfile.flush()
                    subscriber._release.wait(10)

            def answer(self, status, body=b""):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                error = sys.exc_info()[1]
                if not isinstance(error, OSError):  # a broken pipe after a timeout is expected
                    subscriber.handler_errors.append(error)

        return Server(("127.0.0.1", 0), Handler)

    def act_on(self, request):
        with self._changed:
            if request.key in {done.key for done in self.acted_on}:
                self.repeats.append(request.key)
            else:
                self.acted_on.append(request)

    def finish_late(self, answers_so_far):
        """Let held requests finish their work; waits until `answers_so_far` late answers were sent."""
        self._release.set()
        with self._changed:
            finished = self._changed.wait_for(lambda: self._late_answers >= answers_so_far, timeout=5)
        self._release.clear()
        assert finished, "the held request never finished"

    def in_phase(self, phase):
        return [request for request in self.received if request.phase == phase]

    def stop(self):
        self._release.set()
        self.server.shutdown()
        self.server.server_close()  # joins the handler threads, now released
        self.thread.join(5)


@pytest.fixture
def subscribers(settings):
    settings.WEBHOOK_TIMEOUT_SECONDS = TIMEOUT
    settings.WEBHOOK_BACKOFF_SECONDS = 30
    settings.WEBHOOK_BACKOFF_MAX_SECONDS = 3600
    settings.WEBHOOK_MAX_ATTEMPTS = 10
    started = []

    def start():
        started.append(FlakySubscriber())
        return started[-1]

    yield start
    for subscriber in started:
        subscriber.stop()
    for subscriber in started:
        assert subscriber.handler_errors == []


def worker_round(clock):
    """What the worker does once the earliest waiting delivery is due: one `publish_worker` round.

    The log's new events become deliveries first, as the worker's consumer makes them moments after
    the change; then the clock moves to the earliest due one."""
    consumers.drain("webhooks")
    due = WebhookDelivery.objects.filter(status=WebhookDelivery.PENDING).aggregate(
        due=Min("next_attempt_at")
    )["due"]
    if due is not None and due > timezone.now():
        clock.move_to(due)
    started = time.monotonic()
    call_command("publish_worker", "--once", stdout=io.StringIO())
    return time.monotonic() - started


def log():
    return list(WebhookDelivery.objects.order_by("pk"))


def delivery_log_page():
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("webhook_deliveries:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_every_event_arrives_once_after_errors_and_timeouts(subscribers):
    subscriber = subscribers()
    secret = WebhookSubscriberFactory(url=subscriber.url).secret
    start = timezone.now().replace(microsecond=0)

    with time_machine.travel(start, tick=False) as clock:
        # Five articles go out, and one is withdrawn again, all while the subscriber answers 500.
        articles = NewsArticlePageFactory.create_batch(5, parent=NewsIndexPageFactory())
        worker_round(clock)
        clock.shift(5)
        articles[-1].unpublish()
        for _round in range(3):
            worker_round(clock)

        deliveries = log()
        assert len(deliveries) == 6
        assert [(d.status, d.attempts, d.last_status_code) for d in deliveries] == [("pending", 2, 500)] * 6
        assert all(d.last_error.startswith("HTTP 500") for d in deliveries)
        assert len(subscriber.in_phase(FAILING)) == 12
        assert subscriber.acted_on == []
        assert "HTTP 500" in delivery_log_page()

        # Now it takes every request but answers after the worker has given up waiting.
        subscriber.phase = HANGING
        assert worker_round(clock) >= TIMEOUT, "the worker waited for the subscriber, then gave up"
        subscriber.finish_late(answers_so_far=1)
        assert worker_round(clock) >= TIMEOUT  # the unpublish, on its own backoff, hangs the same way
        subscriber.finish_late(answers_so_far=2)

        hung = subscriber.in_phase(HANGING)
        assert [request.key for request in hung] == [
            str(deliveries[0].idempotency_key),
            str(deliveries[-1].idempotency_key),
        ]
        deliveries = log()
        assert all(d.status == "pending" for d in deliveries), "a timeout is no delivery"
        assert all(d.last_status_code is None and "timed out" in d.last_error for d in deliveries)
        # The four behind the one that hung were not sent, and count no attempt for it.
        assert [d.attempts for d in deliveries] == [3, 2, 2, 2, 2, 3]
        assert [d.last_error.startswith("Not sent") for d in deliveries] == [False, *[True] * 4, False]
        assert "timed out" in delivery_log_page()

        # Back to health: everything waiting is sent at its next due time, and then nothing more.
        subscriber.phase = HEALTHY
        worker_round(clock)
        worker_round(clock)
        assert [(d.status, d.attempts, d.last_status_code) for d in log()] == [
            ("delivered", attempts, 200) for attempts in (4, 3, 3, 3, 3, 4)
        ]
        clock.shift(timedelta(days=1))
        worker_round(clock)
    assert len(subscriber.in_phase(HEALTHY)) == 6, "a delivered event is never sent again"

    deliveries = log()
    keys = {str(d.idempotency_key) for d in deliveries}
    assert len(keys) == 6

    # The subscriber acted on each event exactly once, under the key the CMS gave it.
    assert sorted(request.key for request in subscriber.acted_on) == sorted(keys)
    assert sorted((request.event["event"], request.event["id"]) for request in subscriber.acted_on) == sorted(
        [("publish", article.pk) for article in articles] + [("unpublish", articles[-1].pk)]
    )
    # The two it finished after a timeout came again under the same key and were only acknowledged.
    assert sorted(subscriber.repeats) == sorted(request.key for request in hung)
    accepted = Counter(request.key for request in subscriber.in_phase(HEALTHY))
    assert set(accepted) == keys and set(accepted.values()) == {1}, "no key answered 2xx twice"

    # Every retry is recognisably the same delivery: same key, same bytes, a growing attempt number.
    by_key = defaultdict(list)
    for request in subscriber.received:
        by_key[request.key].append(request)
        assert request.key == request.headers["X-Webhook-Id"] == request.event["idempotency_key"]
        assert verify_signature(
            secret, request.headers["X-Webhook-Signature"], request.body, now=request.received_at
        )
    assert set(by_key) == keys, "no retry ever carried a new key"
    for requests in by_key.values():
        assert len({request.body for request in requests}) == 1
        attempts = [request.attempt for request in requests]
        assert attempts == sorted(set(attempts))
    assert [request.attempt for request in by_key[str(deliveries[0].idempotency_key)]] == [1, 2, 3, 4]
    assert [request.attempt for request in by_key[str(deliveries[1].idempotency_key)]] == [1, 2, 3]


def test_a_500_whose_body_never_arrives_is_recorded_and_retried(subscribers):
    """The status line comes, the body stalls: the status is recorded at once (the body is never read,
    nor kept) and the worker carries on."""
    stalling, healthy = subscribers(), subscribers()
    stalling.phase, healthy.phase = STALLING, HEALTHY
    WebhookSubscriberFactory(url=stalling.url)
    WebhookSubscriberFactory(url=healthy.url)
    start = timezone.now().replace(microsecond=0)

    with time_machine.travel(start, tick=False) as clock:
        NewsArticlePageFactory.create_batch(2, parent=NewsIndexPageFactory())
        # Once the subscriber's TimeoutError escaped the round and ended the worker; then a stalled body
        # cost a timeout and held back the subscriber's other deliveries. Now nothing waits for a body.
        worker_round(clock)
        assert len(stalling.received) == 2, "both were sent in the same round"

        stalled = list(WebhookDelivery.objects.filter(subscriber__url=stalling.url).order_by("pk"))
        assert [(d.status, d.attempts, d.last_status_code) for d in stalled] == [("pending", 1, 500)] * 2
        assert all(d.last_error == "HTTP 500 Internal Server Error" for d in stalled)
        assert "Internal error while" not in "".join(d.last_error for d in stalled)
        assert set(
            WebhookDelivery.objects.filter(subscriber__url=healthy.url).values_list("status", "attempts")
        ) == {("delivered", 1)}, "the other subscriber's outcome is recorded in the same round"

        stalling.phase = HEALTHY
        worker_round(clock)
        worker_round(clock)
    assert set(WebhookDelivery.objects.values_list("status")) == {("delivered",)}
    first, second = (str(d.idempotency_key) for d in stalled)
    assert [request.key for request in stalling.received] == [first, second, first, second], (
        "the retries kept their keys"
    )
    assert len(healthy.received) == 2, "nothing delivered was sent twice"
