"""Which subscribers hear about a change, and what they are told: written with the change itself.

Called from cms.signal_handlers right after the changes feed records a row, in the same
transaction, so a delivery exists if and only if the change committed. Nothing here touches the
network: sending is the worker's job (delivery.py).
"""

import contextvars

from django.urls import reverse
from django.utils import timezone

from ..changes import ContentChange
from ..public_urls import page_public_url, public_url
from .models import DELETE, PUBLISH, UNPUBLISH, WebhookDelivery, WebhookSubscriber

# Pages whose deletion has begun. Wagtail unpublishes a live page just before deleting it; that
# unpublish is part of the deletion, which is announced as one "delete" once the row is gone.
_being_deleted = contextvars.ContextVar("webhook_pages_being_deleted", default=frozenset())


def deletion_starting(sender, instance, **kwargs):
    """pre_delete of a syndicated page model; Django sends it before Wagtail's unpublish on Page."""
    _being_deleted.set(_being_deleted.get() | {instance.pk})


def announce_change(change, page):
    """A changes-feed row just recorded for `page` (None when the feed skipped it)."""
    if change is None:
        return []
    if change.action == ContentChange.DELETED:
        if page.pk in _being_deleted.get():
            return []
        event = UNPUBLISH
    else:
        event = PUBLISH
    return enqueue(event, page, change.key, change.type, change.happened_at)


def announce_deletion(page):
    """post_delete of a syndicated page: a "delete" for any page the public has ever seen."""
    _being_deleted.set(_being_deleted.get() - {page.pk})
    from search.sources import key_for, type_of

    kind = type_of(page)
    key = key_for(kind, page.pk)
    if not ContentChange.objects.filter(key=key).exists():
        return []  # a draft that was never published: nobody outside knew it
    return enqueue(DELETE, page, key, kind, timezone.now())


def enqueue(event, page, key, kind, happened_at):
    # A handful of subscribers at most: filtering their events in Python keeps this portable (SQLite
    # has no JSON "contains").
    subscribers = [found for found in WebhookSubscriber.objects.filter(active=True) if found.wants(event)]
    if not subscribers:
        return []
    deliveries = []
    for subscriber in subscribers:
        delivery = WebhookDelivery(
            subscriber=subscriber, event=event, content_key=key, next_attempt_at=happened_at
        )
        delivery.payload = payload(delivery, page, kind, happened_at)
        deliveries.append(delivery)
    return WebhookDelivery.objects.bulk_create(deliveries)


def payload(delivery, page, kind, happened_at):
    body = {
        "event": delivery.event,
        "idempotency_key": str(delivery.idempotency_key),
        "type": kind,
        "id": page.pk,
        "title": page.title,
        "url": page_url(page),
        "happened_at": timezone.localtime(happened_at).isoformat(),
    }
    if delivery.event == PUBLISH:
        body["api_url"] = api_url(page, kind)
    return body


def page_url(page):
    # The address the page had; for an unpublished or deleted page it no longer answers. None for a
    # page outside every site.
    return page_public_url(page)


def api_url(page, kind):
    if kind == "news":
        path = reverse("api-v1:news_detail", kwargs={"news_id": page.pk})
    elif kind == "procedure" and page.code:
        path = reverse("api-v1:procedure_detail", kwargs={"code": page.code})
    else:
        return None  # announcement decisions have no detail endpoint; /api/v1/procedure-notices lists them
    return public_url(path)
