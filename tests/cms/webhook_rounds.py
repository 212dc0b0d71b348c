"""One webhook round of the publish worker, for tests that send deliveries without running it."""

from cms.publishing import consumers
from cms.webhooks import delivery as webhook_delivery


def deliver_due():
    """The log's new events become deliveries, then the due ones are sent."""
    consumers.drain("webhooks")
    return webhook_delivery.deliver_due()
