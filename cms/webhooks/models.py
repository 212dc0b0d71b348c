import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .destinations import validate_public_url

PUBLISH, UNPUBLISH, DELETE = "publish", "unpublish", "delete"
EVENT_CHOICES = [
    (PUBLISH, _("Publish (new or updated content)")),
    (UNPUBLISH, _("Unpublish")),
    (DELETE, _("Delete")),
]
EVENTS = [value for value, _label in EVENT_CHOICES]


def new_secret():
    return f"whsec_{secrets.token_urlsafe(32)}"


def validate_events(value):
    if not isinstance(value, list) or not value or set(value) - set(EVENTS):
        raise ValidationError(_("Choose at least one of: publish, unpublish, delete."))


def log_head():
    from ..publishing import log

    log.sequence()  # what committed before the subscriber did is before its position
    return log.head()


class WebhookSubscriber(models.Model):
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"]), validate_public_url],
        help_text=_("Where deliveries are POSTed, http:// or https://. Redirects are not followed."),
    )
    events = models.JSONField(_("events"), default=list, validators=[validate_events])
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive subscribers are sent nothing; waiting deliveries are held."),
    )
    # Not editable: made by the system, shown read-only to administrators, who give it to the subscriber.
    secret = models.CharField(
        _("signing secret"),
        max_length=80,
        default=new_secret,
        editable=False,
        help_text=_("Give this to the subscriber: it verifies the X-Webhook-Signature header with it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # A subscriber hears of what happens after it subscribed: the log's events past this position.
    after_position = models.BigIntegerField(default=log_head, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("webhook subscriber")
        verbose_name_plural = _("webhook subscribers")

    def __str__(self):
        return self.name

    def wants(self, event):
        return self.active and event in self.events

    @property
    def events_display(self):
        labels = dict(EVENT_CHOICES)
        return ", ".join(str(labels[event]) for event in EVENTS if event in self.events)


class WebhookDelivery(models.Model):
    """One event for one subscriber: the outbox row and, once sent, its log entry."""

    PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
    STATUS_CHOICES = [(PENDING, _("Pending")), (DELIVERED, _("Delivered")), (FAILED, _("Failed permanently"))]

    subscriber = models.ForeignKey(
        WebhookSubscriber, models.CASCADE, related_name="deliveries", verbose_name=_("subscriber")
    )
    event = models.CharField(_("event"), max_length=16, choices=EVENT_CHOICES)
    content_key = models.CharField(_("content"), max_length=64, db_index=True)
    # Made once, at enqueue, so every retry carries the same key and the subscriber can drop repeats.
    idempotency_key = models.UUIDField(_("idempotency key"), default=uuid.uuid4, unique=True, editable=False)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES, default=PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    # What an answer said is not kept: a subscriber address that reached an internal service would
    # otherwise let an administrator's screen read it. The status and timing are enough to act on.
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(_("last answer time (ms)"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # Set while a worker holds the row, so two workers never send the same delivery at once.
    lease = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="cms_webhook_due")]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.get_event_display()} {self.content_key} → {self.subscriber}"
