"""The provisioned Grafana dashboard: every panel queries metrics the worker really exports."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.deploy.promql import metric_names
from tests.metric_names import exported_series
from tests.shared_data import REPO_ROOT

GRAFANA = REPO_ROOT / "deploy" / "grafana"
DASHBOARD = json.loads((GRAFANA / "dashboards" / "wirewatch.json").read_text())
RULES = yaml.safe_load(
    (REPO_ROOT / "deploy" / "prometheus" / "rules" / "wirewatch.rules.yml").read_text()
)
DATASOURCES = yaml.safe_load(
    (GRAFANA / "provisioning" / "datasources" / "prometheus.yml").read_text()
)
PROVIDERS = yaml.safe_load((GRAFANA / "provisioning" / "dashboards" / "wirewatch.yml").read_text())


def _panels(panels=None):
    for panel in DASHBOARD["panels"] if panels is None else panels:
        yield panel
        yield from _panels(panel.get("panels", []))


QUERY_PANELS = [p for p in _panels() if p["type"] != "row"]


def test_panel_ids_are_unique():
    """Grafana needs unique panel ids within a dashboard."""
    ids = [p["id"] for p in _panels()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("panel", QUERY_PANELS, ids=lambda p: p["title"])
def test_every_panel_query_names_an_exported_metric(panel):
    """Each panel has queries, and every metric they name is exported by a worker (or is `up`)."""
    exported = exported_series() | {"up"}
    exprs = [target["expr"] for target in panel["targets"]]
    assert exprs, f"panel {panel['title']!r} has no query"
    for expr in exprs:
        names = metric_names(expr)
        assert names, f"no metric in {expr!r}"
        assert names <= exported, f"{panel['title']!r} queries unknown {names - exported}"


def test_dashboard_answers_the_operators_questions():
    """The issue's panels are all there: throughput, dead letters, latencies, lag, dedup, ..."""
    queried = set().union(*(metric_names(t["expr"]) for p in QUERY_PANELS for t in p["targets"]))
    required = {
        "wirewatch_articles_total",  # throughput per stage
        "wirewatch_dead_letters_total",  # dead letters by reason
        "wirewatch_stage_latency_seconds_bucket",  # stage latency p50/p99
        "wirewatch_end_to_end_latency_seconds_bucket",  # e2e latency
        "faust_topic_partition_end_offset",  # consumer lag
        "faust_topic_partition_offset_commited",
        "wirewatch_dedup_index_articles",  # dedup index size
        "wirewatch_copies_total",  # copies by agency/outlet
        "wirewatch_incidents_total",  # incidents by type/country
        "wirewatch_alerts_total",  # webhook failures
        "wirewatch_webhook_retries_total",  # webhook retries
    }
    assert required <= queried, required - queried


def test_panels_use_the_provisioned_datasource():
    """Panels go through the datasource variable, whose default is the provisioned Prometheus."""
    [source] = DATASOURCES["datasources"]
    [variable] = [v for v in DASHBOARD["templating"]["list"] if v["type"] == "datasource"]
    assert variable["current"]["value"] == source["uid"]
    assert source["type"] == variable["query"] == "prometheus"
    for panel in QUERY_PANELS:
        assert panel["datasource"]["uid"] == "${" + variable["name"] + "}", panel["title"]


def test_panels_fit_the_grid():
    """Every panel lies inside Grafana's 24-column grid."""
    for panel in _panels():
        pos = panel["gridPos"]
        assert pos["x"] >= 0, panel["title"]
        assert pos["x"] + pos["w"] <= 24, panel["title"]


def test_provider_loads_dashboards_from_the_mounted_folder():
    """The dashboard provider reads the folder docker-compose mounts the dashboard JSON into."""
    [provider] = PROVIDERS["providers"]
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{provider['options']['path']}:ro" in mounts
    assert DASHBOARD["uid"]
    assert not DASHBOARD["editable"]


def test_recording_rules_are_not_needed_by_the_dashboard():
    """The dashboard queries raw series, so it works even before the rules are loaded."""
    recorded = {r["record"] for g in RULES["groups"] for r in g["rules"] if "record" in r}
    for panel in QUERY_PANELS:
        for target in panel["targets"]:
            assert not metric_names(target["expr"]) & recorded, panel["title"]
