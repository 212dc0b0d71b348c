"""Writing, numbering, reading and compacting the event log (docs/publishing.md).

Rows are written with no position by the changing transaction. The sequencer numbers committed rows,
one sequencer at a time under a lock, so a reader that has seen position P can never later find an
event numbered P or below: a slow transaction that wrote first and committed last simply gets the
next number when it commits.
"""

import base64
import binascii
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone

from . import registry
from .models import Event, LogHorizon

MAX_LIMIT = 100
RETENTION_DAYS = 90  # settings.CHANGES_RETENTION_DAYS overrides
SNAPSHOT_PAGE_SIZE = 500
SEQUENCE_BATCH = 5000


class BadCursor(ValueError):
    pass


class FutureCursor(BadCursor):
    pass


class CursorGone(ValueError):
    """The cursor points before the compaction horizon: the events after it are no longer all here."""


def encode_cursor(position):
    return base64.urlsafe_b64encode(f"p{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor):
    """A position from a cursor this API returned. The feed's earlier cursors ("c…", row ids of a log
    that has been replaced) cannot be honoured: they are gone."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadCursor(cursor) from error
    if raw[:1] == "c" and raw[1:].isdigit():
        raise CursorGone(cursor)
    if raw[:1] != "p" or not raw[1:].isdigit():
        raise BadCursor(cursor)
    return int(raw[1:])


def record(content_type, item, action, public, payload):
    """Append an event; numbered once its transaction has committed."""
    event = Event.objects.create(
        key=content_type.key(item.pk),
        type=content_type.name,
        object_id=item.pk,
        action=action,
        public=public,
        payload=payload,
    )
    transaction.on_commit(sequence_quietly)
    return event


def last_event(key):
    """The newest event of an object, numbered or not (the caller's own transaction sees its rows)."""
    return Event.objects.filter(key=key).order_by("-pk").first()


def sequence(limit=SEQUENCE_BATCH):
    """Number every committed event that has no position yet; returns how many it numbered."""
    if not Event.objects.filter(position=None).exists():
        return 0  # the common case, answered without taking the lock
    with transaction.atomic():
        lock()
        pending = list(Event.objects.filter(position=None).order_by("pk")[:limit])
        if not pending:
            return 0
        last = head()
        now = timezone.now()
        keys = {event.key for event in pending}
        versions = dict(
            Event.objects.filter(key__in=keys, position__isnull=False)
            .values("key")
            .annotate(version=Max("version"))
            .values_list("key", "version")
        )
        for event in pending:
            last += 1
            versions[event.key] = versions.get(event.key, 0) + 1
            event.position, event.version, event.sequenced_at = last, versions[event.key], now
        Event.objects.bulk_update(pending, ["position", "version", "sequenced_at"])
        return len(pending)


def sequence_quietly():
    # Right after the editor's commit, so the feed has the event at once; if this fails (the database
    # went away a moment after the commit), the worker's next round numbers it.
    from django.db import DatabaseError

    try:
        sequence()
    except DatabaseError:
        pass


def lock():
    """Held until the transaction ends: one sequencer or compaction at a time."""
    if connection.vendor == "postgresql":
        LogHorizon.objects.select_for_update().get_or_create(pk=1)
    else:
        # SQLite's transactions here begin IMMEDIATE: the first statement already holds the write lock.
        LogHorizon.objects.get_or_create(pk=1)


def numbered():
    """Every event a reader may see: numbered ones, after numbering any that have just committed."""
    sequence()
    return Event.objects.filter(position__isnull=False)


def head():
    return Event.objects.aggregate(last=Max("position"))["last"] or 0


def horizon():
    return LogHorizon.objects.filter(pk=1).values_list("compacted_through", flat=True).first() or 0


def events_after(cursor, limit=MAX_LIMIT):
    """The events after a cursor, and the cursor to ask with next."""
    after = decode_cursor(cursor)
    if 0 < after < horizon():
        raise CursorGone(cursor)
    sequence()
    if after > head():
        raise FutureCursor(cursor)
    rows = list(Event.objects.filter(position__gt=after).order_by("position")[:limit])
    return rows, encode_cursor(rows[-1].position if rows else after)


def compact(cutoff=None):
    """Remove every event older than the cutoff that a newer event of the same object supersedes.

    The newest event of each object stays for good, tombstones included, so a reader starting from
    nothing still reaches the current state. Returns how many events went.
    """
    if cutoff is None:
        days = getattr(settings, "CHANGES_RETENTION_DAYS", RETENTION_DAYS)
        cutoff = timezone.now() - timedelta(days=days)
    # What has committed is numbered first, so an event that supersedes an old one counts as such.
    sequence()
    newest = Event.objects.filter(key=OuterRef("key"), position__isnull=False).order_by("-position")
    with transaction.atomic():
        lock()
        superseded = Event.objects.filter(position__isnull=False, happened_at__lt=cutoff).exclude(
            position=Subquery(newest.values("position")[:1])
        )
        through = superseded.aggregate(last=Max("position"))["last"]
        if through is None:
            return 0
        removed = Event.objects.filter(pk__in=list(superseded.values_list("pk", flat=True))).delete()[0]
        LogHorizon.objects.filter(pk=1, compacted_through__lt=through).update(compacted_through=through)
        return removed


def latest_events(keys):
    """key -> its newest numbered event."""
    newest = {}
    for event in Event.objects.filter(key__in=keys, position__isnull=False).order_by("position"):
        newest[event.key] = event
    return newest


def public_versions():
    """Every object the public may see now, with the version of its newest event."""
    sequence()
    keys = registry.public_keys()
    newest = latest_events(keys)
    return {key: newest[key].version if key in newest else 0 for key in keys}


def snapshot(page, cursor=None):
    """One page of every public object, and the cursor to follow the feed from once all are read.

    The first page fixes the cursor and the later pages carry it, so changes made while a mirror
    reads the pages reach it from the feed. Pages are cut from the public objects together with every
    object changed since the cursor, in a stable order: an object withdrawn meanwhile keeps its place
    (and is left out of the page), so no other object slides onto a page already read.
    """
    sequence()
    position = decode_cursor(cursor) if cursor else head()
    if position > head():
        raise FutureCursor(cursor)
    if 0 < position < horizon():
        raise CursorGone(cursor)
    public = registry.public_keys()
    changed_since = set(Event.objects.filter(position__gt=position).values_list("key", flat=True))
    listed = sorted(set(public) | changed_since, key=registry.key_order)
    start = (page - 1) * SNAPSHOT_PAGE_SIZE
    public = set(public)
    chosen = [key for key in listed[start : start + SNAPSHOT_PAGE_SIZE] if key in public]
    newest = latest_events(chosen)
    objects = [(key, newest.get(key)) for key in chosen]
    return objects, encode_cursor(position), start + SNAPSHOT_PAGE_SIZE < len(listed)
