"""Durable index sync: changes are queued in the database with the change itself, then applied.

Entries are applied per page in order, against the page as it is now in the database, so applying
an entry twice or late is harmless. If the engine is unreachable the entries stay, with a growing
delay between tries, until it answers again.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from opensearchpy.exceptions import OpenSearchException
from urllib3.exceptions import HTTPError

from .client import NOT_FOUND, get_client
from .index_admin import concrete_indices, ensure_index
from .models import IndexOutbox
from .sources import TYPES, build, is_indexable, key_for, parse_key, type_of

logger = logging.getLogger(__name__)
ENGINE_ERRORS = (OpenSearchException, HTTPError, OSError)
MAX_BACKOFF_SECONDS = 60


def enqueue(page, action=IndexOutbox.UPSERT):
    kind = type_of(page)
    if kind is None:
        return None
    return IndexOutbox.objects.create(key=key_for(kind, page.pk), page_id=page.pk, action=action)


@dataclass
class DrainReport:
    applied: int = 0
    failed: int = 0
    remaining: int = 0
    error: str = ""


def drain(limit=500, refresh=False):
    now = timezone.now()
    due = list(
        IndexOutbox.objects.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)).order_by(
            "pk"
        )[:limit]
    )
    report = DrainReport()
    latest_by_key = {}
    for entry in due:
        latest_by_key[entry.key] = entry  # the newest entry decides; older ones are superseded
    if latest_by_key:
        try:
            targets = concrete_indices() or [ensure_index()]
            for key, entry in latest_by_key.items():
                apply(entry, targets)
                IndexOutbox.objects.filter(key=key, pk__lte=entry.pk).delete()
                report.applied += 1
            if refresh:
                get_client().indices.refresh(index=",".join(targets))
        except ENGINE_ERRORS as error:
            report.error = f"{type(error).__name__}: {error}"[:500]
            report.failed = postpone([entry for entry in due if entry.key in latest_by_key], report.error)
            logger.warning(
                "Search engine unavailable; %s index updates wait: %s", report.failed, report.error
            )
    report.remaining = IndexOutbox.objects.count()
    return report


def apply(entry, targets):
    client = get_client()
    kind, _page_id = parse_key(entry.key)
    page = (
        TYPES[kind].objects.filter(pk=entry.page_id).first() if entry.action == IndexOutbox.UPSERT else None
    )
    if page is not None and is_indexable(page):
        body = build(page)
        for index in targets:
            client.index(index=index, id=entry.key, body=body)
    else:
        for index in targets:
            client.delete(index=index, id=entry.key, ignore=NOT_FOUND)


def postpone(entries, error):
    now = timezone.now()
    still_waiting = 0
    with transaction.atomic():
        for entry in IndexOutbox.objects.select_for_update().filter(pk__in=[entry.pk for entry in entries]):
            entry.attempts += 1
            entry.next_attempt_at = now + timedelta(seconds=min(2**entry.attempts, MAX_BACKOFF_SECONDS))
            entry.last_error = error
            entry.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            still_waiting += 1
    return still_waiting


def retry_now():
    """After an outage ends: try every waiting entry at once instead of at its backoff time."""
    return IndexOutbox.objects.exclude(next_attempt_at=None).update(next_attempt_at=None)
