"""Which subscribers hear about an event of the publishing log, and what they are told.

The webhook consumer of the log: deliveries are written in the transaction that moves its cursor,
so each event yields each subscriber's delivery exactly once. Nothing here touches the network:
sending is the delivery worker's job (delivery.py).
"""

from django.utils import timezone

from ..publishing import consumers
from ..publishing.models import DELETED
from .models import DELETE, PUBLISH, UNPUBLISH, WebhookDelivery, WebhookSubscriber

CONSUMER = "webhooks"


def webhook_event(event):
    if event.public:
        return PUBLISH
    return DELETE if event.action == DELETED else UNPUBLISH


def queue_deliveries(events):
    # A handful of subscribers at most: filtering their events in Python keeps this portable (SQLite
    # has no JSON "contains").
    subscribers = list(WebhookSubscriber.objects.filter(active=True))
    deliveries = []
    for event in events:
        kind = webhook_event(event)
        for subscriber in subscribers:
            if subscriber.wants(kind) and event.position > subscriber.after_position:
                delivery = WebhookDelivery(
                    subscriber=subscriber,
                    event=kind,
                    content_key=event.key,
                    next_attempt_at=event.happened_at,
                )
                delivery.payload = payload(delivery, event)
                deliveries.append(delivery)
    WebhookDelivery.objects.bulk_create(deliveries)


def payload(delivery, event):
    body = {
        "event": delivery.event,
        "idempotency_key": str(delivery.idempotency_key),
        "type": event.type,
        "id": event.object_id,
        "title": event.payload.get("title"),
        # The address it had; for an unpublished or deleted page it no longer answers.
        "url": event.url,
        "happened_at": timezone.localtime(event.happened_at).isoformat(),
        "action": event.action,
        "public": event.public,
        "position": event.position,
        "version": event.version,
    }
    if delivery.event == PUBLISH:
        body["api_url"] = event.api_url
    return body


def register_consumer():
    consumers.register(consumers.Consumer(CONSUMER, queue_deliveries))
