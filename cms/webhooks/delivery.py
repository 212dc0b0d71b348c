"""The worker's side: send due deliveries, record what happened, retry with exponential backoff.

Deliveries are at least once: a delivery is sent until a 2xx answer is recorded, so a crash between
the answer and the record sends it again with the same Idempotency-Key, which the subscriber uses
to drop the repeat. They are not ordered: a retried publish can arrive after a later unpublish of
the same page, so subscribers compare `happened_at` per id.

Every number is a setting (WEBHOOK_*) with the default below. With the defaults a delivery is tried
at 0 s, 30 s, 1.5 min, 3.5 min, ... then hourly, and given up after 30 tries, about 23 hours.
"""

import json
import logging
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from http.client import HTTPException

from django.conf import settings
from django.utils import timezone

from ..publishing import duties
from .destinations import opener
from .models import WebhookDelivery, WebhookSubscriber
from .signing import SIGNATURE_HEADER, sign

logger = logging.getLogger(__name__)

DEFAULTS = {
    "WEBHOOK_TIMEOUT_SECONDS": 5,
    "WEBHOOK_BACKOFF_SECONDS": 30,
    "WEBHOOK_BACKOFF_MAX_SECONDS": 3600,
    "WEBHOOK_MAX_ATTEMPTS": 30,
    "WEBHOOK_LOG_RETENTION_DAYS": 30,
}
BATCH = 50
USER_AGENT = "SDTTG-SonLa-Webhooks/1"


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def backoff_seconds(attempts, retry_after=None):
    cap = setting("WEBHOOK_BACKOFF_MAX_SECONDS")
    delay = min(setting("WEBHOOK_BACKOFF_SECONDS") * 2 ** (attempts - 1), cap)
    if retry_after is not None:
        # A subscriber asking for more time (429, 503) gets it, up to the cap.
        delay = max(delay, min(retry_after, cap))
    return delay


def encode(payload):
    """The exact bytes that are signed and sent; the same for every retry of a delivery."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@dataclass
class Outcome:
    delivered: bool = False
    status_code: int | None = None
    error: str = ""
    retry_after: float | None = None
    # The subscriber could not be reached at all (refused, timed out, DNS): the rest of its
    # deliveries in this round are not tried, so a dead subscriber costs one timeout per round.
    unreachable: bool = False
    # Set for a delivery left untried behind an unreachable one: the attempt number of that one,
    # which it waits as long as. No attempt of its own is counted.
    untried_behind_attempt: int | None = None
    duration_ms: int | None = None

    @property
    def sent(self):
        return self.untried_behind_attempt is None

    @property
    def gone(self):
        return self.status_code == 410


def send(delivery, subscriber, timeout):
    """POST one delivery; touches no database, so it may run in any thread."""
    body = encode(delivery.payload)
    key = str(delivery.idempotency_key)
    request = urllib.request.Request(  # noqa: S310 - the URL's scheme is validated as http(s) on the model
        subscriber.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            "Idempotency-Key": key,
            "X-Webhook-Id": key,
            "X-Webhook-Event": delivery.event,
            "X-Webhook-Attempt": str(delivery.attempts + 1),
            SIGNATURE_HEADER: sign(subscriber.secret, body),
        },
    )
    if request.type not in ("http", "https"):
        return Outcome(error=f"Not an http(s) URL: {subscriber.url}")
    started = time.monotonic()
    try:
        with opener().open(request, timeout=timeout) as response:
            return Outcome(delivered=True, status_code=response.status, duration_ms=_since(started))
    except urllib.error.HTTPError as answer:
        # The body is neither read nor kept: had the URL reached an internal service, the delivery
        # log would show it. The status and the time it took are what an administrator acts on.
        with answer:
            detail = ""
            if 300 <= answer.code < 400:
                detail = f": redirect to {answer.headers.get('Location', '?')} not followed; update the URL"
            return Outcome(
                status_code=answer.code,
                error=f"HTTP {answer.code} {answer.reason}{detail}"[:1000],
                retry_after=_seconds(answer.headers.get("Retry-After")),
                duration_ms=_since(started),
            )
    except (urllib.error.URLError, HTTPException, OSError, ValueError) as failure:
        reason = getattr(failure, "reason", failure)
        return Outcome(
            unreachable=True, error=f"{type(reason).__name__}: {reason}"[:1000], duration_ms=_since(started)
        )


def _since(started):
    return round((time.monotonic() - started) * 1000)


def _seconds(value):
    return float(value) if value and value.strip().isdigit() else None


def send_in_order(deliveries, timeout):
    """One subscriber's share of a round, oldest first; stops trying once it is unreachable."""
    outcomes, blocked_by, blocking_attempt = [], None, 0
    for delivery in deliveries:
        if blocked_by:
            error = f"Not sent: the subscriber was unreachable in this round ({blocked_by.error})"
            outcomes.append(
                Outcome(
                    unreachable=True,
                    error=error[:1000],
                    retry_after=blocked_by.retry_after,
                    untried_behind_attempt=blocking_attempt,
                )
            )
            continue
        outcomes.append(send(delivery, delivery.subscriber, timeout))
        if outcomes[-1].unreachable:
            blocked_by, blocking_attempt = outcomes[-1], delivery.attempts + 1
    return outcomes


@dataclass
class RoundReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0


def deliver_due(limit=BATCH):
    """One round: claim what is due, send it (each subscriber in its own thread), record the results."""
    timeout = setting("WEBHOOK_TIMEOUT_SECONDS")
    lease, claimed = claim(limit, lease_seconds=limit * timeout + 60)
    report = RoundReport()
    by_subscriber = {}
    for delivery in claimed:
        by_subscriber.setdefault(delivery.subscriber_id, []).append(delivery)
    if not by_subscriber:
        return report
    with ThreadPoolExecutor(max_workers=min(8, len(by_subscriber))) as pool:
        results = pool.map(lambda group: (group, send_in_order(group, timeout)), by_subscriber.values())
        for group, outcomes in results:
            for delivery, outcome in zip(group, outcomes, strict=True):
                status = record(delivery, outcome, lease)
                if status == WebhookDelivery.DELIVERED:
                    report.delivered += 1
                elif status == WebhookDelivery.FAILED:
                    report.failed += 1
                else:
                    report.retrying += 1
    return report


def claim(limit, lease_seconds):
    """Take due deliveries under a lease; a worker that dies leaves them due again when it ends."""
    now = timezone.now()
    due = WebhookDelivery.objects.filter(
        status=WebhookDelivery.PENDING, subscriber__active=True, next_attempt_at__lte=now
    )
    candidates = list(due.order_by("pk").values_list("pk", flat=True)[:limit])
    lease = uuid.uuid4()
    # The filter is repeated in the UPDATE: of two workers that picked the same row, one wins.
    due.filter(pk__in=candidates).update(lease=lease, next_attempt_at=now + timedelta(seconds=lease_seconds))
    claimed = WebhookDelivery.objects.filter(lease=lease).select_related("subscriber").order_by("pk")
    return lease, list(claimed)


def record(delivery, outcome, lease):
    now = timezone.now()
    attempts = delivery.attempts + outcome.sent
    changes = {
        "attempts": attempts,
        "last_status_code": outcome.status_code,
        "last_error": outcome.error,
        "lease": None,
        "next_attempt_at": None,
    }
    if outcome.sent:
        changes.update(last_attempt_at=now, last_duration_ms=outcome.duration_ms)
    if outcome.delivered:
        changes.update(status=WebhookDelivery.DELIVERED, delivered_at=now)
    elif not outcome.sent:
        # Never given up untried: after a long outage it is tried in its turn, with its own attempts.
        delay = backoff_seconds(outcome.untried_behind_attempt, outcome.retry_after)
        changes["next_attempt_at"] = now + timedelta(seconds=delay)
    elif outcome.gone:
        # 410 Gone is the subscriber saying "stop": we stop sending to it until an administrator
        # turns it back on; its other waiting deliveries are held, not dropped.
        changes.update(status=WebhookDelivery.FAILED, last_error=f"{outcome.error} – subscriber deactivated")
        WebhookSubscriber.objects.filter(pk=delivery.subscriber_id).update(active=False)
        logger.warning("Webhook subscriber %s answered 410 Gone and was deactivated", delivery.subscriber)
    elif attempts >= setting("WEBHOOK_MAX_ATTEMPTS"):
        changes.update(status=WebhookDelivery.FAILED)
        logger.warning("Webhook %s given up after %s attempts: %s", delivery, attempts, outcome.error)
    else:
        changes["next_attempt_at"] = now + timedelta(seconds=backoff_seconds(attempts, outcome.retry_after))
        logger.info("Webhook %s failed (attempt %s), retrying: %s", delivery, attempts, outcome.error)
    # Only while our lease holds: a worker that lost it must not overwrite what another recorded.
    WebhookDelivery.objects.filter(pk=delivery.pk, lease=lease).update(**changes)
    return changes.get("status", WebhookDelivery.PENDING)


def retry_now():
    """After a subscriber is fixed: try its waiting deliveries at once instead of at their backoff time."""
    return WebhookDelivery.objects.filter(status=WebhookDelivery.PENDING, lease=None).update(
        next_attempt_at=timezone.now()
    )


def forget_old_deliveries(now=None):
    """Keep the log bounded: finished deliveries go after WEBHOOK_LOG_RETENTION_DAYS."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=setting("WEBHOOK_LOG_RETENTION_DAYS"))
    return WebhookDelivery.objects.filter(
        created_at__lt=cutoff, status__in=[WebhookDelivery.DELIVERED, WebhookDelivery.FAILED]
    ).delete()[0]


def register_duties():
    duties.register(duties.Duty("forget old webhook deliveries", forget_old_deliveries, every=duties.HOUR))
