"""The PromQL name extractor the dashboard and rule tests rely on."""

from __future__ import annotations

import pytest

from tests.deploy.promql import metric_names


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("up == 0", {"up"}),
        (
            'sum by (stage) (rate(wirewatch_articles_total{stage="parse"}[5m]))',
            {"wirewatch_articles_total"},
        ),
        (
            "histogram_quantile(0.99, sum by (le, stage) "
            "(rate(wirewatch_stage_latency_seconds_bucket[$__rate_interval])))",
            {"wirewatch_stage_latency_seconds_bucket"},
        ),
        (
            "faust_topic_partition_end_offset - on (topic, partition) "
            "faust_topic_partition_offset_commited",
            {"faust_topic_partition_end_offset", "faust_topic_partition_offset_commited"},
        ),
        ("(sum(increase(a_total[6h])) or vector(0)) == 0 and on () b > 1e-9", {"a_total", "b"}),
        (
            "wirewatch:consumer_lag_messages:sum_by_topic > 1000",
            {"wirewatch:consumer_lag_messages:sum_by_topic"},
        ),
        (
            'topk(10, sum by (agency, outlet) (increase(x_total{job=~"$job"}[$__range])))',
            {"x_total"},
        ),
    ],
)
def test_metric_names(expr, expected):
    """Metric names are found; functions, labels, keywords, numbers and variables are not."""
    assert metric_names(expr) == expected
