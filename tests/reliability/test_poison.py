"""Poison inputs: 10,000 fuzzed messages all land in the dead letters; good throughput holds."""

from __future__ import annotations

import random

import pytest

from tests.kafka_harness import Broker, Worker
from tests.reliability.helpers import (
    TopicLog,
    articles,
    keyed,
    produce,
    read_until,
    wait_accounted,
)
from wirewatch.generate import fuzz_payloads

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]
# One message in three is poison. A poison message costs about what Faust charges to consume a
# message and produce one (the forward-only ceiling), a good article ~6 of those; with 9,000 good
# articles (more poison than good) the expected drop sat at 15-18% and the run-to-run spread of
# ~8% failed CI once. docs/benchmarks.md has the figures.
GOOD_PER_PHASE = 18_000


def _good_rate(log: TopicLog, stories: str, ids: set[str]) -> float:
    """Good articles per second through the whole pipeline, from their first StoryUpdate."""
    first: dict[str, int] = {}
    for ts, value in log.records[stories]:
        article_id = value.get("article_id") if isinstance(value, dict) else None
        if article_id in ids and article_id not in first:
            first[article_id] = ts
    stamps = sorted(first.values())
    # The middle 90%: start-up and the last straggler say nothing about steady throughput.
    low, high = len(stamps) // 20, len(stamps) - 1 - len(stamps) // 20
    return (high - low) / max((stamps[high] - stamps[low]) / 1000, 1e-3)


def _stories_done(stories: str, ids: set[str]):
    def done(log: TopicLog) -> bool:
        seen = {v.get("article_id") for _, v in log.records[stories] if isinstance(v, dict)}
        return ids <= seen

    return done


def _warm_worker(make_worker, bootstrap: str, prefix: str) -> Worker:
    """Start a fresh worker on its own topics and warm it up with 60 articles."""
    worker = make_worker(prefix, WIREWATCH_TOPIC_PREFIX=prefix, WIREWATCH_APP_ID=f"{prefix}app")
    warm = articles(60, seed=99)
    produce(bootstrap, f"{prefix}articles.raw", keyed(warm))
    wait_accounted(bootstrap, prefix, {i.article["id"] for i in warm}, 90)
    return worker


def test_poison_is_dead_lettered_and_good_throughput_drops_less_than_20_percent(
    make_worker, kafka_broker: Broker, isolated_names
):
    """The same 18,000 good articles alone, then interleaved with 10,000 poison messages.

    Each run starts from empty state on its own topics, so the only difference is the poison.
    Good throughput is good articles per CPU-second of the worker's event-loop thread over the
    whole run (raw -> stories): that thread runs every agent, so this is the worker's throughput
    on a core of its own, and a neighbour's load on this 2-core machine cannot decide the test.
    The wall-clock rate of each run is printed too.
    """
    _, prefix = isolated_names
    bootstrap = kafka_broker.bootstrap
    good = [i for i in articles(19_200, seed=17) if i.label["role"] != "malformed"]
    good = good[:GOOD_PER_PHASE]
    good_ids = {i.article["id"] for i in good}
    poison = fuzz_payloads(10_000, seed=17)
    poison_ids = {f"poison-17-{n:06d}" for n in range(10_000) if n % 8}
    mixed = keyed(good) + [(None, p) for p in poison]
    random.Random(17).shuffle(mixed)

    rates, per_cpu_second = {}, {}
    for name, messages in (("clean", keyed(good)), ("mixed", mixed)):
        run_prefix = f"{prefix}{name}-"
        stories = f"{run_prefix}stories"
        worker = _warm_worker(make_worker, bootstrap, run_prefix)
        cpu_before = worker.cpu_seconds()
        produce(bootstrap, f"{run_prefix}articles.raw", messages)
        log = read_until(bootstrap, [stories], _stories_done(stories, good_ids), 400)
        per_cpu_second[name] = len(good_ids) / (worker.cpu_seconds() - cpu_before)
        rates[name] = _good_rate(log, stories, good_ids)

    accounted = wait_accounted(bootstrap, f"{prefix}mixed-", good_ids | poison_ids, 240)
    letters = accounted.values(f"{prefix}mixed-articles.deadletter")
    poisoned = [d for d in letters if d["article_id"] is None or d["article_id"] in poison_ids]
    assert len(poisoned) == 10_000
    assert all(d["reason"] and d["stage"] == "parse" for d in poisoned)
    assert not (
        poison_ids & {v["article_id"] for v in accounted.values(f"{prefix}mixed-articles.parsed")}
    )
    print(
        f"good articles per worker CPU-second: clean {per_cpu_second['clean']:.1f}, "
        f"with poison {per_cpu_second['mixed']:.1f}; wall-clock good articles/s: "
        f"clean {rates['clean']:.1f}, with poison {rates['mixed']:.1f}"
    )
    assert per_cpu_second["mixed"] >= 0.8 * per_cpu_second["clean"], (per_cpu_second, rates)
