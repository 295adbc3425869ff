"""Helpers for the fault tests: generated inputs, bulk produce, and timestamped topic reads."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from tests.kafka_harness import run
from wirewatch.generate import GeneratedArticle, GeneratorSettings, generate


def articles(count: int, seed: int) -> list[GeneratedArticle]:
    """`count` generated articles for a test, with ids unique to the seed."""
    return generate(count, GeneratorSettings(seed=seed, id_prefix=f"r{seed}"))


def payload(item: GeneratedArticle) -> bytes:
    """The raw message of a generated article."""
    return json.dumps(item.article).encode()


async def _produce(bootstrap: str, streams: dict[str, list[tuple[bytes | None, bytes]]]) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=20, max_batch_size=512 * 1024
    )
    await producer.start()
    try:
        queues = {topic: list(reversed(messages)) for topic, messages in streams.items()}
        futures = []
        while any(queues.values()):
            for topic, queue in queues.items():
                if queue:
                    key, value = queue.pop()
                    futures.append(await producer.send(topic, value, key=key))
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


def produce(bootstrap: str, topic: str, messages: list[tuple[bytes | None, bytes]]) -> None:
    """Produce (key, value) messages in order and wait for every ack."""
    run(_produce(bootstrap, {topic: messages}))


def produce_side_by_side(
    bootstrap: str, streams: dict[str, list[tuple[bytes | None, bytes]]]
) -> None:
    """Produce to several topics at once, one message of each in turn, each in its own order."""
    run(_produce(bootstrap, streams))


def keyed(
    items: Iterable[GeneratedArticle], key: bytes | None = None
) -> list[tuple[bytes | None, bytes]]:
    """(key, payload) per article: the article id, or one fixed key to keep a total order."""
    return [
        (key if key is not None else item.article["id"].encode(), payload(item)) for item in items
    ]


@dataclass
class TopicLog:
    """Every record read so far from some topics: JSON value (or None) and broker timestamp."""

    records: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)

    def values(self, topic: str) -> list[Any]:
        """Decoded values of one topic, in offset order per partition."""
        return [value for _, value in self.records.get(topic, [])]

    def ids(self, *topics: str) -> set[str | None]:
        """article_id of every record in `topics`."""
        return {v.get("article_id") for t in topics for v in self.values(t) if isinstance(v, dict)}


async def _read(
    bootstrap: str, topics: list[str], done: Callable[[TopicLog], bool], timeout: float
) -> TopicLog:
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )
    log = TopicLog({topic: [] for topic in topics})
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done(log):
            batch = await consumer.getmany(timeout_ms=500, max_records=20_000)
            for tp, messages in batch.items():
                for m in messages:
                    try:
                        value = json.loads(m.value) if m.value is not None else None
                    except ValueError:
                        value = None
                    log.records[tp.topic].append((m.timestamp, value))
    finally:
        await consumer.stop()
    return log


def read_until(
    bootstrap: str, topics: list[str], done: Callable[[TopicLog], bool], timeout: float
) -> TopicLog:
    """Read `topics` from the start until `done(log)` or the timeout."""
    return run(_read(bootstrap, topics, done, timeout))


def parse_outputs(prefix: str) -> list[str]:
    """Topics that account for an input: articles.parsed and articles.deadletter."""
    return [f"{prefix}articles.parsed", f"{prefix}articles.deadletter"]


def wait_accounted(bootstrap: str, prefix: str, ids: set[str], timeout: float) -> TopicLog:
    """Read the parse outputs until every id in `ids` appears in one of them."""
    topics = parse_outputs(prefix)
    log = read_until(bootstrap, topics, lambda r: ids <= r.ids(*topics), timeout)
    missing = ids - log.ids(*topics)
    assert not missing, f"{len(missing)} ids never accounted for, e.g. {sorted(missing)[:5]}"
    return log


def metric_value(text: str, name: str, **labels: str) -> float:
    """Sum of a Prometheus sample's values over lines matching the name and labels."""
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def incident_conflicts(events: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(incident_id, revision) pairs that appear with different content."""
    seen: dict[tuple[str, int], str] = {}
    conflicts: list[tuple[str, int]] = []
    for event in events:
        marker = (event["incident_id"], event["revision"])
        body = json.dumps(event, sort_keys=True)
        if seen.setdefault(marker, body) != body:
            conflicts.append(marker)
    return conflicts
