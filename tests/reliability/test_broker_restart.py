"""Broker restart mid-stream: the worker reconnects and every article is accounted for."""

from __future__ import annotations

import time

import pytest

from tests.kafka_harness import Broker
from tests.reliability.helpers import articles, keyed, produce, read_until, wait_accounted

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


def test_worker_recovers_from_a_broker_restart_and_loses_nothing(
    make_worker, kafka_broker: Broker, isolated_names
):
    """Stop and start the shared broker while a worker parses: all inputs end up accounted."""
    _, prefix = isolated_names
    items = articles(600, seed=13)
    first, second = items[:400], items[400:]
    bootstrap = kafka_broker.bootstrap
    worker = make_worker()
    produce(bootstrap, f"{prefix}articles.raw", keyed(first))
    parsed = f"{prefix}articles.parsed"
    read_until(bootstrap, [parsed], lambda r: len(r.values(parsed)) >= 100, 60)
    try:
        kafka_broker.stop()
        time.sleep(3)
    finally:
        kafka_broker.start()  # the broker is shared by the session: always bring it back
    produce(bootstrap, f"{prefix}articles.raw", keyed(second))
    log = wait_accounted(bootstrap, prefix, {i.article["id"] for i in items}, 180)
    assert worker.process is not None
    assert worker.process.poll() is None, worker.log_tail()
    malformed = {i.article["id"] for i in items if i.label["role"] == "malformed"}
    assert malformed <= {v["article_id"] for v in log.values(f"{prefix}articles.deadletter")}
