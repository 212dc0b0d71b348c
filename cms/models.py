from .publishing.models import ConsumerCursor, Event, LogHorizon  # noqa: F401 - the publishing log
from .webhooks.models import WebhookDelivery, WebhookSubscriber  # noqa: F401 - outgoing webhooks
