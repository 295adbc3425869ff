"""All wirewatch metrics in one place: a NamedTuple built from a registry, as faust's sensor.

Names follow Prometheus conventions: counters are exported with `_total`, durations are in
seconds and say so (`_seconds`). Faust's own sensor (`faust_*`, set up in agents/app.py) adds
consumer offsets (lag = end offset - committed offset), rebalances and send/commit latencies.
docs/operations.md lists every series with the question it answers.
"""

from __future__ import annotations

from typing import NamedTuple

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics

disable_created_metrics()  # the *_created series only add noise to every scrape

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
E2E_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 3600.0)
BATCH_SIZE_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
WEBHOOK_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class WirewatchMetrics(NamedTuple):
    """The domain metrics every agent records."""

    articles: Counter
    dead_letters: Counter
    stage_latency: Histogram
    end_to_end_latency: Histogram
    dedup_index_size: Gauge
    dedup_evictions: Counter
    table_writes: Counter
    link_batch_size: Histogram
    copies: Counter
    incidents: Counter
    alerts: Counter
    webhook_retries: Counter
    webhook_latency: Histogram

    @classmethod
    def create(cls, registry: CollectorRegistry) -> WirewatchMetrics:
        """Register every metric in `registry` (tests pass a fresh CollectorRegistry())."""
        return cls(
            articles=Counter(
                "wirewatch_articles",
                "Articles handled, by stage and outcome.",
                ["stage", "outcome"],
                registry=registry,
            ),
            dead_letters=Counter(
                "wirewatch_dead_letters",
                "Inputs rejected to articles.deadletter, by stage and reason.",
                ["stage", "reason"],
                registry=registry,
            ),
            stage_latency=Histogram(
                "wirewatch_stage_latency_seconds",
                "Processing time of one input in a stage.",
                ["stage"],
                buckets=LATENCY_BUCKETS,
                registry=registry,
            ),
            end_to_end_latency=Histogram(
                "wirewatch_end_to_end_latency_seconds",
                "From an article's fetched_at to the incident it produced being emitted.",
                buckets=E2E_BUCKETS,
                registry=registry,
            ),
            dedup_index_size=Gauge(
                "wirewatch_dedup_index_articles",
                "Articles held in the dedup index.",
                registry=registry,
            ),
            dedup_evictions=Counter(
                "wirewatch_dedup_evictions",
                "Articles evicted from the dedup index by the retention window.",
                registry=registry,
            ),
            table_writes=Counter(
                "wirewatch_table_writes",
                "Sequencer state-table writes flushed (one per key per batch; each is a "
                "changelog message).",
                registry=registry,
            ),
            link_batch_size=Histogram(
                "wirewatch_link_batch_articles",
                "Parsed articles the sequencer took in one batch (small batches under load mean "
                "more changelog writes per article).",
                buckets=BATCH_SIZE_BUCKETS,
                registry=registry,
            ),
            copies=Counter(
                "wirewatch_copies",
                "Syndicated copies linked, by attributed agency and republishing outlet.",
                ["agency", "outlet"],
                registry=registry,
            ),
            incidents=Counter(
                "wirewatch_incidents",
                "Incident events emitted, by kind (created/updated), type and country.",
                ["kind", "type", "country"],
                registry=registry,
            ),
            alerts=Counter(
                "wirewatch_alerts",
                "Alert deliveries, by subscriber and result.",
                ["subscriber", "result"],
                registry=registry,
            ),
            webhook_retries=Counter(
                "wirewatch_webhook_retries",
                "Webhook delivery retries, by subscriber.",
                ["subscriber"],
                registry=registry,
            ),
            webhook_latency=Histogram(
                "wirewatch_webhook_request_duration_seconds",
                "Duration of one webhook HTTP attempt, by subscriber.",
                ["subscriber"],
                buckets=WEBHOOK_BUCKETS,
                registry=registry,
            ),
        )
