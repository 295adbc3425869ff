"""agents/metrics.py: one NamedTuple of metrics, named by Prometheus conventions."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry, generate_latest

from agents.metrics import WirewatchMetrics
from tests.metric_names import wirewatch_series

EXPECTED_LABELS = {
    "wirewatch_articles": ("stage", "outcome"),
    "wirewatch_dead_letters": ("stage", "reason"),
    "wirewatch_stage_latency_seconds": ("stage",),
    "wirewatch_end_to_end_latency_seconds": (),
    "wirewatch_dedup_index_articles": (),
    "wirewatch_dedup_evictions": (),
    "wirewatch_table_writes": (),
    "wirewatch_link_batch_articles": (),
    "wirewatch_copies": ("agency", "outlet"),
    "wirewatch_incidents": ("kind", "type", "country"),
    "wirewatch_alerts": ("subscriber", "result"),
    "wirewatch_webhook_retries": ("subscriber",),
    "wirewatch_webhook_request_duration_seconds": ("subscriber",),
}


def test_create_registers_every_metric_in_the_given_registry():
    """Each field is registered in the registry passed in, so tests never share state."""
    registry = CollectorRegistry()
    metrics = WirewatchMetrics.create(registry)
    names = {family.name for family in registry.collect()}
    assert names == set(EXPECTED_LABELS)
    assert len(metrics) == len(EXPECTED_LABELS)


def test_two_registries_hold_independent_metrics():
    """Creating the tuple twice in fresh registries never raises a duplicate error."""
    first = WirewatchMetrics.create(CollectorRegistry())
    second = WirewatchMetrics.create(CollectorRegistry())
    first.articles.labels("parse", "parsed").inc()
    assert second.articles.labels("parse", "parsed")._value.get() == 0


@pytest.mark.parametrize(("name", "labels"), sorted(EXPECTED_LABELS.items()))
def test_metric_labels(name, labels):
    """Every metric carries exactly the labels the dashboard and rules group by."""
    metrics = WirewatchMetrics.create(CollectorRegistry())
    [metric] = [m for m in metrics if m.describe()[0].name == name]
    assert tuple(metric._labelnames) == labels


def test_names_follow_prometheus_conventions():
    """Namespaced, snake_case; counters end in _total, histograms in their unit, no _created."""
    series = wirewatch_series()
    registry = CollectorRegistry()
    WirewatchMetrics.create(registry)
    for family in registry.collect():
        assert family.name.startswith("wirewatch_")
        assert family.name == family.name.lower()
        if family.type == "histogram":
            assert family.name.endswith(("_seconds", "_articles")), family.name
        if family.type == "counter":
            assert f"{family.name}_total" in series
    assert not any(name.endswith("_created") for name in series)


def test_recorded_values_appear_in_the_exposition():
    """Recording in each metric shows up in the text format Prometheus scrapes."""
    registry = CollectorRegistry()
    metrics = WirewatchMetrics.create(registry)
    metrics.articles.labels("parse", "parsed").inc()
    metrics.dead_letters.labels("parse", "invalid_fields").inc()
    metrics.stage_latency.labels("parse").observe(0.003)
    metrics.end_to_end_latency.observe(4.2)
    metrics.dedup_index_size.set(17)
    metrics.dedup_evictions.inc(2)
    metrics.copies.labels("Sputnik", "UrduPoint").inc()
    metrics.incidents.labels("created", "vandalism", "LT").inc()
    metrics.alerts.labels("ops", "delivered").inc()
    metrics.webhook_retries.labels("ops").inc()
    metrics.webhook_latency.labels("ops").observe(0.2)
    metrics.link_batch_size.observe(37)
    text = generate_latest(registry).decode()
    for line in (
        'wirewatch_articles_total{outcome="parsed",stage="parse"} 1.0',
        'wirewatch_dead_letters_total{reason="invalid_fields",stage="parse"} 1.0',
        'wirewatch_stage_latency_seconds_count{stage="parse"} 1.0',
        "wirewatch_end_to_end_latency_seconds_sum 4.2",
        "wirewatch_dedup_index_articles 17.0",
        "wirewatch_dedup_evictions_total 2.0",
        'wirewatch_copies_total{agency="Sputnik",outlet="UrduPoint"} 1.0',
        'wirewatch_incidents_total{country="LT",kind="created",type="vandalism"} 1.0',
        'wirewatch_alerts_total{result="delivered",subscriber="ops"} 1.0',
        'wirewatch_webhook_retries_total{subscriber="ops"} 1.0',
        'wirewatch_webhook_request_duration_seconds_count{subscriber="ops"} 1.0',
        'wirewatch_link_batch_articles_bucket{le="50.0"} 1.0',
    ):
        assert line in text
