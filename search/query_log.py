"""Counting citizens' searches without slowing them: counts wait in memory and are written in batches.

A search adds to a counter under a lock (microseconds); every FLUSH_SECONDS, or once FLUSH_QUERIES
searches are waiting, a background thread writes all waiting counts in one upsert that increments
the day's rows in the database (and the interpreter writes what is left when it exits). A write that
fails (the database away) is logged and its counts wait for the next one; a search never waits for
it nor sees its error. Each web process counts on its own, so a click recorded by one process for a
search another process has not yet written is not counted.
"""

import atexit
import logging
import re
import threading
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from .analytics import MAX_QUERY_LENGTH, SearchQueryDay
from .redaction import redact

logger = logging.getLogger("search")

FLUSH_QUERIES = 200
# Distinct (day, query) pairs kept while the database cannot be written; past this, new queries are
# dropped rather than growing the process without bound.
MAX_PENDING = 10_000
WHITESPACE = re.compile(r"\s+")
CONTENT_KEY = re.compile(r"(news|procedure|notice):\d{1,18}")


def flush_seconds():
    """None: only an explicit flush() writes (the test suite, whose database is gone at exit)."""
    return getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", 5)


EDGE_PUNCTUATION = ".,;:!?…\"'“”‘’()[]{}<>«»-–—"


def normalised_query(text):
    """The query as it is stored: composed, personal data redacted, lower case, single spaces, no
    punctuation around it ("khen thưởng." and "khen thưởng" are one query). Marks and the punctuation
    inside stay, so editors read the query as typed ("12/2018/QĐ-TTg")."""
    text = unicodedata.normalize("NFC", text[: MAX_QUERY_LENGTH * 4])
    text = WHITESPACE.sub(" ", text).strip().strip(EDGE_PUNCTUATION).strip()
    return redact(text).lower()[:MAX_QUERY_LENGTH].strip()


@dataclass
class Counts:
    searches: int = 0
    zero_results: int = 0
    hits: int = 0
    clicks: int = 0

    def add(self, other):
        self.searches += other.searches
        self.zero_results += other.zero_results
        if other.searches:
            self.hits = other.hits
        self.clicks += other.clicks


class QueryLog:
    def __init__(self):
        self._lock = threading.Lock()
        self._pending = {}  # (day, query) -> Counts
        self._waiting_searches = 0
        self._last_flush = time.monotonic()
        self._flushing = threading.Lock()

    def record(self, q, hits):
        """One first-page search with `hits` results; an empty query is not a search."""
        query = normalised_query(q)
        if not query:
            return
        self._add((timezone.localdate(), query), Counts(searches=1, zero_results=int(hits == 0), hits=hits))

    def record_click(self, q, key):
        """A click on a result of a query searched today; False when that query was not searched today
        (so the endpoint cannot make rows of its own) or the key names no content."""
        query = normalised_query(q)
        if not query or not CONTENT_KEY.fullmatch(key or ""):
            return False
        day = timezone.localdate()
        with self._lock:
            pending = self._pending.get((day, query))
            searched = pending is not None and pending.searches > 0
        if not searched:
            try:
                searched = SearchQueryDay.objects.filter(day=day, query=query).exists()
            except DatabaseError:
                logger.warning("search log: cannot check a click's query", exc_info=True)
                return False
        if searched:
            self._add((day, query), Counts(clicks=1))
        return searched

    def _add(self, key, counts):
        with self._lock:
            existing = self._pending.get(key)
            if existing is None:
                if len(self._pending) >= MAX_PENDING:
                    return
                existing = self._pending[key] = Counts()
            existing.add(counts)
            self._waiting_searches += counts.searches
            due = self._due()
        if due:
            self._flush_in_background()

    def _due(self):
        seconds = flush_seconds()
        if seconds is None:
            return False
        return self._waiting_searches >= FLUSH_QUERIES or time.monotonic() - self._last_flush >= seconds

    def _flush_in_background(self):
        self._last_flush = time.monotonic()
        threading.Thread(target=self._flush_and_close, name="search-log-flush", daemon=True).start()

    def _flush_and_close(self):
        try:
            self.flush()
        finally:
            connections.close_all()  # this thread's own connections only

    def flush_at_exit(self):
        if flush_seconds() is not None:
            self.flush()

    def discard(self):
        with self._lock:
            self._pending = {}
            self._waiting_searches = 0

    def flush(self):
        """Writes every waiting count; never raises. Returns how many rows were written."""
        if not self._flushing.acquire(blocking=False):
            return 0  # another thread is writing; what waits goes with the next write
        try:
            with self._lock:
                batch, self._pending = self._pending, {}
                self._waiting_searches = 0
                self._last_flush = time.monotonic()
            if not batch:
                return 0
            try:
                write(batch)
            except DatabaseError:
                logger.warning("search log: %d queries could not be written, kept for later", len(batch),
                               exc_info=True)  # fmt: skip
                with self._lock:
                    for key, counts in batch.items():
                        if key in self._pending or len(self._pending) < MAX_PENDING:
                            self._pending.setdefault(key, Counts()).add(counts)
                return 0
            return len(batch)
        finally:
            self._flushing.release()


def write(batch):
    """Searches insert their (day, query) or add to the row there, in one statement for the batch:
    `INSERT ... ON CONFLICT DO UPDATE` reads the same on SQLite and PostgreSQL and increments in the
    database, so processes writing at once add up instead of overwriting each other. Clicks alone only
    add to a row that exists, so they never make one. A click follows a search: a row never holds
    more clicks than searches, however the endpoint is called."""
    table = connection.ops.quote_name(SearchQueryDay._meta.db_table)
    total_clicks = f"{table}.clicks + excluded.clicks"
    total_searches = f"{table}.searches + excluded.searches"
    # Only the model's own table name is formatted in; every value is a parameter.
    upsert = (
        f"INSERT INTO {table} (day, query, searches, zero_results, hits, clicks) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (day, query) DO UPDATE SET "
        f"searches = {total_searches}, "
        f"zero_results = {table}.zero_results + excluded.zero_results, "
        "hits = excluded.hits, "
        f"clicks = CASE WHEN {total_clicks} > {total_searches} THEN {total_searches} ELSE {total_clicks} END"
    )
    searched = [
        (day, query, counts.searches, counts.zero_results, counts.hits, min(counts.clicks, counts.searches))
        for (day, query), counts in batch.items()
        if counts.searches
    ]
    with transaction.atomic():
        if searched:
            with connection.cursor() as cursor:
                cursor.executemany(upsert, searched)
        for (day, query), counts in batch.items():
            if counts.clicks and not counts.searches:
                SearchQueryDay.objects.filter(day=day, query=query).update(
                    clicks=Least(F("clicks") + counts.clicks, F("searches"))
                )


query_log = QueryLog()
atexit.register(query_log.flush_at_exit)


def record_search(q, after, answer):
    """Counts a citizen's search from the API or the search page: the first page of a query only (a
    later page is the same search read further), and not while the engine is away, when the simpler
    database search would make every query look like one that finds nothing."""
    if after or answer.degraded:
        return
    query_log.record(q, answer.total)
