"""agents/faust_sensor.py: Faust's Prometheus series, with label children resolved once."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor
from faust.types import TP
from prometheus_client import CollectorRegistry

from agents.faust_sensor import CachedLabelsPrometheusMonitor

LATENCY_SUFFIXES = ("_bucket", "_sum", "_count", "_created")


class FakeTask:
    """A stream's owning task (Faust keeps it in a weak dictionary)."""

    def __str__(self) -> str:
        return "parse-articles"


class FakeStream:
    """What the sensor reads from a Faust stream: its labels and owning task."""

    shortlabel = "Stream: Topic: wirewatch-articles.raw"
    task_owner = FakeTask()

    def __str__(self) -> str:
        return self.shortlabel


def _sensor(kind: type[PrometheusMonitor]) -> tuple[PrometheusMonitor, CollectorRegistry]:
    registry = CollectorRegistry()
    return kind(metrics=FaustMetrics.create(registry, "faust")), registry


def _traffic(sensor: PrometheusMonitor, stream: FakeStream, messages: int) -> None:
    table = SimpleNamespace(name="dedup_articles")
    for n in range(messages):
        tp = TP("articles.raw", n % 3)
        sensor.on_message_in(tp, n, SimpleNamespace(time_in=None))  # type: ignore[arg-type]
        sensor.track_tp_end_offset(tp, n + 10)
        state = sensor.on_stream_event_in(tp, n, stream, None)  # type: ignore[arg-type]
        sensor.on_table_get(table, "k")  # type: ignore[arg-type]
        sensor.on_table_set(table, "k", n)  # type: ignore[arg-type]
        sensor.on_table_del(table, "k")  # type: ignore[arg-type]
        sensor.on_send_initiated(None, "articles.parsed", None, 1, 2)  # type: ignore[arg-type]
        sensor.on_stream_event_out(tp, n, stream, None, state)  # type: ignore[arg-type]


def _samples(registry: CollectorRegistry) -> dict[tuple[str, tuple[tuple[str, str], ...]], Any]:
    """Every sample that does not depend on timing, keyed by name and labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in registry.collect()
        for sample in family.samples
        if not sample.name.endswith(LATENCY_SUFFIXES)
    }


def test_exports_the_same_series_and_values_as_faust_sensor():
    """Per-message hooks produce exactly the samples Faust's own PrometheusMonitor produces."""
    stream = FakeStream()
    faust_sensor, faust_registry = _sensor(PrometheusMonitor)
    cached_sensor, cached_registry = _sensor(CachedLabelsPrometheusMonitor)
    _traffic(faust_sensor, stream, 7)
    _traffic(cached_sensor, stream, 7)
    expected = _samples(faust_registry)
    assert expected[("faust_messages_received_per_topic_total", (("topic", "articles.raw"),))] == 7
    end = ("faust_topic_partition_end_offset", (("partition", "0"), ("topic", "articles.raw")))
    assert expected[end] == 16
    assert _samples(cached_registry) == expected


def test_series_removed_by_a_rebalance_count_again_afterwards():
    """After a rebalance clears per-topic series, new messages land in exported series again."""
    stream = FakeStream()
    sensor, registry = _sensor(CachedLabelsPrometheusMonitor)
    _traffic(sensor, stream, 4)
    sensor.on_rebalance_start(SimpleNamespace(rebalancing_count=1))  # type: ignore[arg-type]
    _traffic(sensor, stream, 2)
    samples = _samples(registry)
    assert samples[("faust_messages_received_per_topic_total", (("topic", "articles.raw"),))] == 2
    assert samples[("faust_topic_messages_sent_total", (("topic", "topic.articles.parsed"),))] == 2
    partition = ("faust_messages_received_per_topics_partition", (("partition", "1"),))
    assert samples[(partition[0], (*partition[1], ("topic", "articles.raw")))] == 1
