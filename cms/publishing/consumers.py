"""Consumers of the event log: each follows it with a cursor of its own.

A consumer takes the events after its cursor in batches and moves the cursor in the same
transaction; its cursor row is locked meanwhile (SKIP LOCKED on PostgreSQL), so two workers never
hand the same event to the same consumer. A consumer that fails leaves its cursor where it was and
is tried again on the next round: handlers must therefore be idempotent, and those that write to the
database (webhook deliveries) do it in the cursor's transaction, so each event counts once.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q

from .models import ConsumerCursor, Event

BATCH = 500


@dataclass(frozen=True)
class Consumer:
    name: str
    handle: Callable[[list], None]
    # Failures of its own that are passing (an engine away): the worker waits and tries again.
    errors: tuple = ()


_consumers: dict[str, Consumer] = {}


def register(consumer):
    _consumers[consumer.name] = consumer
    return consumer


def consumers():
    return dict(_consumers)


def run(consumer, batch=BATCH):
    """One batch for one consumer; returns how many events it took (0 if busy elsewhere or idle)."""
    with transaction.atomic():
        cursor = claim(consumer)
        if cursor is None:
            return 0  # another worker holds it
        events = list(Event.objects.filter(position__gt=cursor.position).order_by("position")[:batch])
        if not events:
            return 0
        consumer.handle(events)
        cursor.position = events[-1].position
        cursor.save(update_fields=["position", "updated_at"])
        return len(events)


def claim(consumer):
    rows = ConsumerCursor.objects.filter(name=consumer.name)
    if connection.vendor == "postgresql":
        rows = rows.select_for_update(skip_locked=True)
    found = rows.first()
    if found is not None:
        return found
    if rows.model.objects.filter(name=consumer.name).exists():
        return None  # exists, locked by another worker
    ConsumerCursor.objects.get_or_create(name=consumer.name)
    return claim(consumer)


def drain(name, batch=BATCH):
    """Everything waiting for one consumer, now; returns how many events it took."""
    from .log import sequence

    sequence()
    taken = 0
    while step := run(_consumers[name], batch):
        taken += step
    return taken


def transient_errors():
    errors = ()
    for consumer in _consumers.values():
        errors += consumer.errors
    return errors


def backlog(name):
    """Events a consumer has still to take, and the oldest one's time."""
    position = ConsumerCursor.objects.filter(name=name).values_list("position", flat=True).first() or 0
    # Committed events the sequencer has not numbered yet are waiting too.
    waiting = Event.objects.filter(Q(position__gt=position) | Q(position=None))
    oldest = waiting.order_by("happened_at").values_list("happened_at", flat=True).first()
    return waiting.count(), oldest
