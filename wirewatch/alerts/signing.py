"""Webhook signatures: HMAC-SHA256 over `timestamp + "." + body`, as Stripe and Slack do."""

from __future__ import annotations

import hashlib
import hmac

TIMESTAMP_HEADER = "X-Wirewatch-Timestamp"
SIGNATURE_HEADER = "X-Wirewatch-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
DEFAULT_TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header value, `sha256=<hex>`."""
    message = str(timestamp).encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(
    secret: str,
    timestamp: str | None,
    body: bytes,
    signature: str | None,
    now: float,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
) -> str | None:
    """None when the request is authentic and fresh, else the reason it is not."""
    if not timestamp or not signature:
        return "missing signature or timestamp header"
    try:
        sent = int(timestamp)
    except ValueError:
        return "timestamp is not an integer"
    if abs(now - sent) > tolerance:
        return f"timestamp is {abs(now - sent):.0f}s away from now (tolerance {tolerance:.0f}s)"
    if not hmac.compare_digest(sign(secret, sent, body), signature):
        return "signature does not match"
    return None


def idempotency_key(alert_id: str, subscriber: str) -> str:
    """The key a receiver de-duplicates on: the same for every retry of one delivery."""
    return f"{alert_id}:{subscriber}"
