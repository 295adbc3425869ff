"""The sequencer's batches on the real broker: nothing is lost at a batch's edges."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from tests.kafka_harness import consume_until, run
from wirewatch.generate import GeneratorSettings, generate

pytestmark = pytest.mark.integration


async def produce_in_bursts(bootstrap: str, topic: str, payloads: list[bytes], size: int) -> None:
    """Send `size` payloads at a time, 25 ms apart, so they land in partly filled batches."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    await producer.start()
    try:
        for start in range(0, len(payloads), size):
            for payload in payloads[start : start + size]:
                await producer.send(topic, payload, key=json.loads(payload)["id"].encode())
            await producer.flush()
            await asyncio.sleep(0.025)
    finally:
        await producer.stop()


def test_articles_arriving_while_a_batch_is_linked_each_get_their_story_update(
    make_worker, kafka_broker, isolated_names
):
    """Fed in small bursts into 40 ms batches, every parsed article gets a StoryUpdate."""
    _, prefix = isolated_names
    worker = make_worker(WIREWATCH_LINK_BATCH_WITHIN_MS="40")
    items = generate(240, GeneratorSettings(seed=11, id_prefix="burst"))
    payloads = [json.dumps(item.article).encode() for item in items]
    run(produce_in_bursts(kafka_broker.bootstrap, f"{prefix}articles.raw", payloads, size=6))
    parsed_topic, stories_topic = f"{prefix}articles.parsed", f"{prefix}stories"

    def linked(records: dict[str, list[dict[str, Any]]]) -> bool:
        parsed = {r["article_id"] for r in records[parsed_topic]}
        stories = {r["article_id"] for r in records[stories_topic]}
        return len(parsed) > 200 and parsed <= stories

    records = run(consume_until(kafka_broker.bootstrap, [parsed_topic, stories_topic], linked, 120))
    parsed = {r["article_id"] for r in records[parsed_topic]}
    stories = {r["article_id"] for r in records[stories_topic]}
    assert len(parsed) > 200, worker.log_tail()
    assert parsed - stories == set(), worker.log_tail()
