"""The event log and the cursors that follow it."""

from django.db import models
from django.utils import timezone

from .public_urls import public_url

CREATED, CHANGED, PUBLISHED = "created", "changed", "published"
MOVED, STATUS_CHANGED, SHARED_CHANGED = "moved", "status-changed", "shared-changed"
UNPUBLISHED, EXPIRED, DELETED = "unpublished", "expired", "deleted"
ACTIONS = [CREATED, CHANGED, PUBLISHED, MOVED, STATUS_CHANGED, SHARED_CHANGED, UNPUBLISHED, EXPIRED, DELETED]


class Event(models.Model):
    """One change to public content, written in the transaction that made it.

    `position` and `version` stay empty until the sequencer numbers the row after its transaction has
    committed (log.sequence): positions are then gapless and in the order rows became visible.
    """

    position = models.BigIntegerField(null=True, unique=True)
    key = models.CharField(max_length=64)
    type = models.CharField(max_length=16)
    object_id = models.BigIntegerField()
    action = models.CharField(max_length=16, choices=[(action, action) for action in ACTIONS])
    # Whether the public may see the object after this change; False is a tombstone.
    public = models.BooleanField()
    version = models.PositiveIntegerField(null=True)
    happened_at = models.DateTimeField(default=timezone.now)
    # When it was numbered: after its commit, so what HTTP validators and feeds date changes by.
    sequenced_at = models.DateTimeField(null=True)
    # What a subscriber is told of the object as it was then: title and addresses (see recording.py).
    payload = models.JSONField(default=dict)

    class Meta:
        app_label = "cms"
        ordering = ["position"]
        indexes = [
            models.Index(fields=["key", "position"], name="event_key_position"),
            models.Index(fields=["position"], condition=models.Q(position=None), name="event_unsequenced"),
        ]

    @property
    def url(self):
        """The public address the item had; a withdrawn or deleted one no longer answers."""
        return public_url(self.payload.get("path"))

    @property
    def api_url(self):
        return public_url(self.payload.get("api_path"))


class ConsumerCursor(models.Model):
    """How far one consumer has taken the log; its row is locked while it works."""

    name = models.CharField(max_length=40, primary_key=True)
    position = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "cms"


class LogHorizon(models.Model):
    """One row: the sequencer's lock, and the highest position compaction has removed."""

    compacted_through = models.BigIntegerField(default=0)

    class Meta:
        app_label = "cms"
