"""Every part of the publish worker (the log's consumers, the webhook sender, the scheduler) outlives a
database outage of a few seconds.

The worker runs as it does in production, each part in its own thread with its own connection, while
every connection the worker's threads ask for is refused as a stopped database refuses it. Once the
database is back, the work queued meanwhile is done; the log has one line per failed round, with a
growing and capped pause, and one line when the worker is working again.
"""

import io
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from cms.management.commands.publish_worker import Command as PublishWorker
from cms.webhooks.models import WebhookDelivery
from search.index_admin import concrete_indices
from tests.cms.test_webhooks import Receiver
from tests.factories import NewsArticlePageFactory, WebhookSubscriberFactory

# The worker reads from its own connection, so the data must be committed; the page tree the
# migrations made is restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OUTAGE_SECONDS = 1.5
WORKER_OPTIONS = {"once": False, "interval": 0.5, "idle": 0.1, "retry_waiting": False}


@pytest.fixture(autouse=True)
def quick_backoff(settings):
    settings.WORKER_BACKOFF_SECONDS = 0.1
    settings.WORKER_BACKOFF_MAX_SECONDS = 0.4


class DatabaseOutage:
    """Refuses every connection of a thread other than the test's until `OUTAGE_SECONDS` have passed."""

    def __init__(self):
        self.ends_at = None
        self.refused = 0
        real = BaseDatabaseWrapper.ensure_connection
        outage = self

        def ensure_connection(connection):
            if (
                threading.current_thread() is not threading.main_thread()
                and time.monotonic() < outage.ends_at
            ):
                outage.refused += 1
                raise OperationalError("connection to server failed: Connection refused")
            return real(connection)

        self.patch = mock.patch.object(BaseDatabaseWrapper, "ensure_connection", ensure_connection)

    def start(self):
        self.ends_at = time.monotonic() + OUTAGE_SECONDS
        self.patch.start()

    def stop(self):
        self.patch.stop()


def run_through_outage(until, timeout=30):
    """Start the worker during an outage, wait until `until()` holds after it, then stop the worker."""
    outage = DatabaseOutage()
    command = PublishWorker()
    finished = []

    def work():
        try:
            call_command(command, stdout=io.StringIO(), stderr=io.StringIO(), **WORKER_OPTIONS)
            finished.append("returned")
        except Exception as error:  # noqa: BLE001 - reported by the test instead of a silent thread death
            finished.append(error)
        finally:
            connections.close_all()

    outage.start()
    worker = threading.Thread(target=work, name="publish worker", daemon=True)
    worker.start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not (time.monotonic() > outage.ends_at and until()):
            assert not finished, f"the worker ended during the outage: {finished}"
            time.sleep(0.1)
        assert until(), "the work waiting since the outage was not done"
    finally:
        command.stop()
        worker.join(10)
        outage.stop()
    assert finished == ["returned"]
    assert outage.refused > 0, "the outage was not felt"


def assert_logged_outage(caplog, name):
    lines = [record for record in caplog.records if record.name == "cms.workers" and name in record.message]
    failures = [record for record in lines if hasattr(record, "retry_in")]
    recoveries = [record for record in lines if "working again" in record.message]
    assert len(failures) >= 3, [record.message for record in lines]
    delays = [record.retry_in for record in failures]
    assert delays[:3] == [0.1, 0.2, 0.4], "the pause grows"
    assert max(delays) == 0.4, "and stays under its cap"
    assert "OperationalError" in failures[0].message
    assert len(recoveries) == 1


def test_the_index_consumer_indexes_what_was_published_during_the_outage(search_index, caplog):
    article = NewsArticlePageFactory()

    def indexed():
        return bool(concrete_indices()) and search_index.client.exists(
            index=concrete_indices()[0], id=f"news:{article.pk}"
        )

    assert not indexed()
    run_through_outage(until=indexed)
    assert_logged_outage(caplog, "consumer search-index")


def test_the_webhook_sender_delivers_what_was_queued_during_the_outage(caplog, settings):
    # The receiver listens on loopback, which deliveries reach only when allowed by name.
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]
    receiver = Receiver()
    try:
        WebhookSubscriberFactory(url=receiver.url)
        NewsArticlePageFactory()

        def delivered():
            return WebhookDelivery.objects.filter(status="delivered").exists()

        run_through_outage(until=delivered)
        assert len(receiver.received) == 1
    finally:
        receiver.stop()
    assert_logged_outage(caplog, "webhook sender")


def test_the_scheduler_withdraws_what_expired_during_the_outage(caplog):
    article = NewsArticlePageFactory()
    type(article).objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    def withdrawn():
        return not type(article).objects.get(pk=article.pk).live

    run_through_outage(until=withdrawn)
    assert_logged_outage(caplog, "scheduler")
