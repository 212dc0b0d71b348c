from .changes import ContentChange  # noqa: F401 - the changes feed's table
from .webhooks.models import WebhookDelivery, WebhookSubscriber  # noqa: F401 - outgoing webhooks
