"""WebhookClient: signed POSTs to a real local receiver; forbidden destinations refused."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from agents.alerts_receiver import serve
from agents.webhook_client import WebhookClient
from tests.kafka_harness import free_port
from wirewatch.alerts.rules import WebhookSubscriber

SECRET = "unit-secret"


@pytest.fixture
def receiver(tmp_path: Path):
    """A sample receiver on a free loopback port, with its JSONL log."""
    port, log = free_port(), tmp_path / "r.jsonl"
    server = serve(port, SECRET, log_path=log)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield port, log
    server.shutdown()
    server.server_close()


def config(**extra) -> WebhookSubscriber:
    """A subscriber config pointing nowhere in particular."""
    return WebhookSubscriber.model_validate({"url": "http://x.test/", "secret_env": "S", **extra})


async def test_post_is_signed_and_verified_by_the_sample_receiver(receiver):
    """A POST carries a signature the receiver verifies and the alert's idempotency key."""
    port, log = receiver
    client = WebhookClient("desk", config(allow_private=True), f"http://localhost:{port}/h", SECRET)
    outcome = await client.post(b'{"title": "t"}', "alert-1", 1)
    await client.close()
    assert outcome.delivered
    [entry] = [json.loads(line) for line in log.read_text().splitlines()]
    assert entry["idempotency_key"] == "alert-1:desk"
    assert entry["duplicate"] is False


async def test_wrong_secret_gets_a_final_401(receiver):
    """The receiver answers 401 to a bad signature, and that outcome is not retried."""
    port, _ = receiver
    client = WebhookClient("desk", config(allow_private=True), f"http://127.0.0.1:{port}/", "bad")
    outcome = await client.post(b"{}", "alert-2", 1)
    await client.close()
    assert outcome.status == 401
    assert not outcome.retryable


async def test_loopback_is_refused_without_allow_private(receiver):
    """Without allow_private, 127.0.0.1 is refused before any request is made."""
    port, log = receiver
    client = WebhookClient("desk", config(), f"http://127.0.0.1:{port}/", SECRET)
    outcome = await client.post(b"{}", "alert-3", 1)
    await client.close()
    assert outcome.refused
    assert "allow_private" in outcome.describe()
    assert not log.exists()


def test_client_repr_never_shows_the_secret():
    """The secret is not part of the client's repr."""
    assert SECRET not in repr(WebhookClient("d", config(), "http://x.test/", SECRET))
