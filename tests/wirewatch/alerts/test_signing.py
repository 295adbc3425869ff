"""Webhook signatures: HMAC-SHA256 over timestamp and body; tampering is detected."""

from __future__ import annotations

from wirewatch.alerts.signing import idempotency_key, sign, verify

BODY = b'{"alert_id":"alert-1"}'


def test_valid_signature_verifies():
    """A request signed with the shared secret within tolerance verifies."""
    signature = sign("s3cret", 1_700_000_000, BODY)
    assert signature.startswith("sha256=")
    assert verify("s3cret", "1700000000", BODY, signature, now=1_700_000_010) is None


def test_tampered_body_signature_or_timestamp_is_rejected():
    """Changing the body, the signature, the timestamp or the secret fails verification."""
    signature = sign("s3cret", 1_700_000_000, BODY)
    now = 1_700_000_000
    assert verify("s3cret", "1700000000", BODY + b" ", signature, now) is not None
    assert verify("s3cret", "1700000000", BODY, signature[:-1] + "0", now) is not None
    assert verify("s3cret", "1700000001", BODY, signature, now) is not None
    assert verify("other", "1700000000", BODY, signature, now) is not None


def test_stale_timestamp_is_rejected_as_a_replay():
    """A correctly signed request older than the tolerance is refused."""
    signature = sign("s3cret", 1_700_000_000, BODY)
    reason = verify("s3cret", "1700000000", BODY, signature, now=1_700_001_000)
    assert reason is not None
    assert "tolerance" in reason


def test_idempotency_key_is_alert_and_subscriber():
    """The idempotency key joins the alert id and the subscriber."""
    assert idempotency_key("alert-1", "desk") == "alert-1:desk"
