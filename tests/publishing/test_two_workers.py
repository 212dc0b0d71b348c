"""Two publish workers over one log: each consumer takes each event exactly once.

Two real `manage.py publish_worker` processes run against the test database while 2,000 events are
committed in small batches; the workers number them (each of their consumer threads runs the
sequencer first) and hand them to the consumers. What the consumers leave behind is counted: one
webhook delivery per subscriber and event, and, from the probe app (probe/), one row per consumer
and position in a table that would keep a duplicate.
"""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count

from cms.publishing import consumers
from cms.publishing.models import ConsumerCursor, Event
from cms.webhooks.models import WebhookDelivery
from tests.factories import WebhookSubscriberFactory
from tests.publishing.postgres import only_on_postgresql
from tests.publishing.probe import PROBE, TABLE

pytestmark = [only_on_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REPOSITORY = Path(__file__).resolve().parents[2]
EVENTS, CHUNK = 2000, 50
OBJECTS = 400  # several events per object, so that versions are numbered across batches too
WAIT_SECONDS = 40


@pytest.fixture
def probe_table():
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {TABLE} (consumer text NOT NULL, position bigint NOT NULL, pid int NOT NULL)"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Workers:
    """Publish worker processes on the test database; all of them are gone when `stop` returns."""

    def __init__(self, directory, count=2):
        database = connection.settings_dict
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.publishing.probe_settings",
            "DATABASE_URL": (
                f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}"
                f"/{database['NAME']}"
            ),
            "SEARCH_URL": settings.SEARCH_URL,
            "SEARCH_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,  # this run's indices
            "WORKER_BACKOFF_SECONDS": "0.2",
            "WORKER_BACKOFF_MAX_SECONDS": "1",
        }
        self.directory, self.count = directory, count
        self.processes, self.outputs = [], []

    def start(self):
        for number in range(self.count):
            output = self.directory / f"worker-{number}.log"
            self.outputs.append(output)
            with output.open("wb") as sink:
                self.processes.append(
                    subprocess.Popen(
                        [sys.executable, "manage.py", "publish_worker", "--idle", "0.05", "--interval", "60"],
                        cwd=REPOSITORY,
                        env=self.env,
                        stdout=sink,
                        stderr=subprocess.STDOUT,
                    )
                )
        self.wait_for(lambda: all("Publish worker:" in self.output(n) for n in range(self.count)), "start")

    def output(self, number):
        return self.outputs[number].read_text(errors="replace")

    def wait_for(self, condition, what):
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            ended = [process.pid for process in self.processes if process.poll() is not None]
            assert not ended, f"workers {ended} ended before they would {what}:\n{self.report()}"
            assert time.monotonic() < deadline, f"the workers did not {what} in time:\n{self.report()}"
            time.sleep(0.1)

    def stop(self):
        """SIGTERM, as a service manager stops them; returns the exit codes. Killed if they hang."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        codes = []
        for process in self.processes:
            try:
                codes.append(process.wait(15))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                codes.append("killed")
        return codes

    def report(self):
        return "\n".join(f"--- worker {n} ---\n{self.output(n)[-3000:]}" for n in range(len(self.outputs)))


def commit_events(first_object_id):
    """EVENTS events in chunks of CHUNK, each chunk its own transaction; the workers number them."""
    for start in range(0, EVENTS, CHUNK):
        Event.objects.bulk_create(
            Event(
                key=f"news:{first_object_id + n % OBJECTS}",
                type="news",
                object_id=first_object_id + n % OBJECTS,
                action="created" if n < OBJECTS else "changed",
                public=True,
                payload={"title": f"Sự kiện {n}", "path": None, "api_path": None},
            )
            for n in range(start, start + CHUNK)
        )
        time.sleep(0.02)


def taken():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT consumer, position, pid FROM {TABLE}")  # noqa: S608 - a constant
        return cursor.fetchall()


def test_each_consumer_takes_each_event_once(probe_table, search_index, tmp_path):
    subscribers = WebhookSubscriberFactory.create_batch(2)
    # Pages that do not exist: the index consumer removes them from the index, which answers 404.
    first_object_id = 10_000_000
    names = [*consumers.consumers(), PROBE]
    workers = Workers(tmp_path)
    try:
        workers.start()
        commit_events(first_object_id)
        workers.wait_for(
            lambda: (
                not Event.objects.filter(position=None).exists()
                and ConsumerCursor.objects.filter(name__in=names, position__gte=EVENTS).count() == len(names)
            ),
            "take every event",
        )
    finally:
        codes = workers.stop()
    assert codes == [0] * len(codes), workers.report()
    assert all("Publish worker stopped" in workers.output(n) for n in range(workers.count)), workers.report()

    # The sequencers of both processes numbered every event once, gapless, versions per object in turn.
    events = list(Event.objects.order_by("position").values_list("position", "key", "version"))
    assert [position for position, _key, _version in events] == list(range(1, EVENTS + 1))
    versions = {}
    for _position, key, version in events:
        versions[key] = versions.get(key, 0) + 1
        assert version == versions[key], f"{key}: version {version} out of turn"

    rows = taken()
    for name in names:
        times = Counter(position for consumer, position, _pid in rows if consumer == name)
        twice = sorted(position for position, count in times.items() if count > 1)
        missed = sorted(set(range(1, EVENTS + 1)) - set(times))
        assert not twice and not missed and len(times) == EVENTS, (
            f"{name}: twice {twice[:20]}, missed {missed[:20]}"
        )

    deliveries = (
        WebhookDelivery.objects.values("subscriber", "payload__position")
        .annotate(count=Count("pk"))
        .order_by()
    )
    assert len(deliveries) == EVENTS * len(subscribers)
    assert {delivery["count"] for delivery in deliveries} == {1}, "one delivery per subscriber and event"

    worker_pids = {process.pid for process in workers.processes}
    by_consumer = {name: {pid for consumer, _position, pid in rows if consumer == name} for name in names}
    assert set().union(*by_consumer.values()) == worker_pids, f"both workers took events: {by_consumer}"
