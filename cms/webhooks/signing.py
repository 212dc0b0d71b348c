"""Stripe-style signatures: `X-Webhook-Signature: t=<unix time>,v1=<hex HMAC-SHA256>`.

The HMAC covers f"{t}.{body}", so a captured delivery cannot be replayed once the timestamp is
older than the receiver's tolerance, and a changed timestamp breaks the signature. Receivers in
other languages do the same three steps; README.md shows them.
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Webhook-Signature"
SCHEME = "v1"
TOLERANCE_SECONDS = 300


def compute(secret, timestamp, body):
    signed = str(int(timestamp)).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def sign(secret, body, timestamp=None):
    """The header value for `body` (bytes), signed now unless a timestamp is given."""
    timestamp = int(time.time() if timestamp is None else timestamp)
    return f"t={timestamp},{SCHEME}={compute(secret, timestamp, body)}"


def verify_signature(secret, header, body, tolerance=TOLERANCE_SECONDS, now=None):
    """True if `header` signs exactly `body` with `secret`, at a time within `tolerance` seconds of now.

    Several v1 values are accepted (any may match), the Stripe convention for rolling a secret.
    """
    if isinstance(body, str):
        body = body.encode()
    timestamp, candidates = None, []
    for part in (header or "").split(","):
        name, _sep, value = part.strip().partition("=")
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == SCHEME and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = compute(secret, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)
