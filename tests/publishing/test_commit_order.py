"""A transaction that writes its event first and commits last still reaches a mirror.

Two editors publish at the same moment on separate connections. A writes its event first and stays
open; B writes after A, commits, and a mirror reads the feed and keeps its cursor. Only then does A
commit. A row-id cursor would now be past A's row (A's id is lower than B's) and the mirror would
never hear of A; the log numbers rows when they commit, so A comes after B and the mirror, reading on
from its cursor, gets it.
"""

import threading

import pytest
from django.db import connection, transaction

from cms.publishing.models import Event
from site_pages.models import NewsArticlePage
from tests.cms.changes_reader import read_all
from tests.factories import NewsIndexPageFactory
from tests.publishing.postgres import only_on_postgresql

pytestmark = [only_on_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WAIT_SECONDS = 15


def draft(news, title, slug):
    """A page that was never public: it has no event yet."""
    page = news.add_child(instance=NewsArticlePage(title=title, slug=slug, summary="Tóm tắt.", live=False))
    page.save_revision()
    return page


class OpenTransaction(threading.Thread):
    """Publishes `page` on a connection of its own, then keeps the transaction open until told."""

    def __init__(self, page):
        super().__init__(name=f"publishes {page.pk}", daemon=True)
        self.page = page
        self.written = threading.Event()
        self.commit = threading.Event()
        self.outcome = None

    def run(self):
        try:
            with transaction.atomic():
                NewsArticlePage.objects.get(pk=self.page.pk).save_revision().publish()
                self.written.set()
                if not self.commit.wait(WAIT_SECONDS):
                    raise TimeoutError("never told to commit")
            self.outcome = "committed"
        except Exception as error:  # noqa: BLE001 - handed to the test, which fails with it
            self.outcome = error
        finally:
            self.written.set()
            connection.close()

    def finish(self):
        self.commit.set()
        self.join(WAIT_SECONDS)
        assert not self.is_alive(), f"{self.name} did not end"
        assert self.outcome == "committed", self.outcome


def test_the_first_writer_committing_last_is_not_skipped(client):
    news = NewsIndexPageFactory()
    first, second = draft(news, "Bài A", "bai-a"), draft(news, "Bài B", "bai-b")
    seen, cursor = read_all(client, limit=1)  # the mirror is up to date with the index page

    writer_a = OpenTransaction(first)
    writer_b = OpenTransaction(second)
    try:
        writer_a.start()
        assert writer_a.written.wait(WAIT_SECONDS) and writer_a.outcome is None, writer_a.outcome
        writer_b.start()
        assert writer_b.written.wait(WAIT_SECONDS), "B's publish waited for A's open transaction"
        writer_b.finish()

        before_a, cursor = read_all(client, since=cursor, limit=1)
        assert [event["id"] for event in before_a] == [f"news:{second.pk}"], "B is served while A is open"
    finally:
        writer_a.commit.set()
    writer_a.finish()
    after_a, cursor = read_all(client, since=cursor, limit=1)
    assert [event["id"] for event in after_a] == [f"news:{first.pk}"], "A is served once it commits"

    event_a = Event.objects.get(key=f"news:{first.pk}")
    event_b = Event.objects.get(key=f"news:{second.pk}")
    # What a cursor by row id would have got wrong: A's row was written first, so its id is below B's,
    # and a reader that had already passed B's id would never have been given A.
    assert event_a.pk < event_b.pk
    assert not Event.objects.filter(pk__gt=event_b.pk, key=event_a.key).exists()
    # The log numbered them as they committed.
    assert event_b.position < event_a.position

    collected = [(event["id"], event["position"]) for event in seen + before_a + after_a]
    in_database = list(Event.objects.order_by("position").values_list("key", "position"))
    assert collected == in_database, "the mirror has every numbered event, each once, in order"
    positions = [position for _key, position in in_database]
    assert positions == list(range(positions[0], positions[0] + len(positions))), "gapless"
