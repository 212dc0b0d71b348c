"""The changes feed for the provincial portal: every publish and every withdrawal, in order.

Each change is a row written in the same transaction as the change itself. A client pages with an
opaque cursor (the last id it saw). Ids are handed out when a transaction writes, not when it
commits, so a slow transaction can commit an id lower than one already served; the feed therefore
only serves rows older than SETTLE_SECONDS, by which time every earlier writer has committed or
rolled back. Deletions are kept as tombstones for RETENTION_DAYS.
"""

import base64
import binascii
from datetime import timedelta

from django.db import models
from django.utils import timezone

SETTLE_SECONDS = 2
RETENTION_DAYS = 90  # settings.CHANGES_RETENTION_DAYS overrides
MAX_LIMIT = 100


class ContentChange(models.Model):
    CREATED, UPDATED, DELETED = "created", "updated", "deleted"

    key = models.CharField(max_length=64)
    type = models.CharField(max_length=16)
    page_id = models.BigIntegerField()
    action = models.CharField(max_length=8, choices=[(a, a) for a in (CREATED, UPDATED, DELETED)])
    happened_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["pk"]
        app_label = "cms"


class BadCursor(ValueError):
    pass


def encode_cursor(change_id):
    return base64.urlsafe_b64encode(f"c{change_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor):
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadCursor(cursor) from error
    if not raw.startswith("c") or not raw[1:].isdigit():
        raise BadCursor(cursor)
    return int(raw[1:])


def record(page, action):
    from search.sources import is_indexable, key_for, type_of

    kind = type_of(page)
    if kind is None:
        return None
    key = key_for(kind, page.pk)
    if action == ContentChange.UPDATED and not is_indexable(page):
        # Published but not for the public (scheduled for later, private): a mirror must not hold it.
        action = ContentChange.DELETED
    last = ContentChange.objects.filter(key=key).order_by("-pk").values_list("action", flat=True).first()
    if action == ContentChange.DELETED and last in (None, ContentChange.DELETED):
        return None  # never published, or already withdrawn (deleting a live page also unpublishes it)
    if action == ContentChange.UPDATED and last is None:
        action = ContentChange.CREATED
    return ContentChange.objects.create(key=key, type=kind, page_id=page.pk, action=action)


def changes_since(cursor, limit=MAX_LIMIT, now=None):
    now = now or timezone.now()
    after = decode_cursor(cursor)
    rows = list(
        ContentChange.objects.filter(
            pk__gt=after, happened_at__lte=now - timedelta(seconds=SETTLE_SECONDS)
        ).order_by("pk")[:limit]
    )
    next_cursor = encode_cursor(rows[-1].pk) if rows else (cursor or encode_cursor(after))
    return rows, next_cursor


def forget_old_changes(now=None):
    from django.conf import settings

    days = getattr(settings, "CHANGES_RETENTION_DAYS", RETENTION_DAYS)
    now = now or timezone.now()
    return ContentChange.objects.filter(happened_at__lt=now - timedelta(days=days)).delete()[0]
