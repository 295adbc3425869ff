"""The series names wirewatch's worker exports, built from the same registries the app uses."""

from __future__ import annotations

from faust.sensors.prometheus import FaustMetrics
from prometheus_client import CollectorRegistry
from prometheus_client.metrics import MetricWrapperBase

from agents.metrics import WirewatchMetrics

SUFFIXES = {
    "counter": ("_total",),
    "gauge": ("",),
    "histogram": ("_bucket", "_sum", "_count"),
    "summary": ("", "_sum", "_count"),
}


def _series(metrics: tuple[MetricWrapperBase, ...]) -> set[str]:
    names: set[str] = set()
    for metric in metrics:
        [family] = metric.describe()
        names.update(family.name + suffix for suffix in SUFFIXES[family.type])
    return names


def wirewatch_series() -> set[str]:
    """Every series name of WirewatchMetrics (counters with _total, histograms expanded)."""
    return _series(tuple(WirewatchMetrics.create(CollectorRegistry())))


def faust_series() -> set[str]:
    """Every series name of Faust's Prometheus sensor, with the app's prefix `faust`."""
    return _series(tuple(FaustMetrics.create(CollectorRegistry(), "faust")))


def exported_series() -> set[str]:
    """Every series name a worker's /metrics can serve."""
    return wirewatch_series() | faust_series()
