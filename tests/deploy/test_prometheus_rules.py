"""Prometheus config and rules: promtool validates them, and every metric they name exists."""

from __future__ import annotations

import yaml

from tests.deploy.promql import metric_names
from tests.deploy.promtool import PROMETHEUS_DIR, run_promtool
from tests.metric_names import exported_series

RULES_FILE = PROMETHEUS_DIR / "rules" / "wirewatch.rules.yml"
RULES = yaml.safe_load(RULES_FILE.read_text())
REQUIRED_ALERTS = {
    "WirewatchWorkerDown",
    "WirewatchConsumerLagGrowing",
    "WirewatchDeadLetterRateHigh",
    "WirewatchWebhookFailures",
    "WirewatchNoIncidentsWhileArticlesFlow",
}


def _rules() -> list[dict]:
    return [rule for group in RULES["groups"] for rule in group["rules"]]


def test_promtool_check_rules():
    """`promtool check rules` accepts the rules file."""
    result = run_promtool("check", "rules", "rules/wirewatch.rules.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_promtool_check_config():
    """`promtool check config` accepts prometheus.yml, including the rule file it loads."""
    result = run_promtool("check", "config", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_rule_unit_tests_pass():
    """The alert rules fire (and stay quiet) on the synthetic series in the rule unit tests."""
    result = run_promtool("test", "rules", "tests/wirewatch.rules.test.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_required_alerts_are_defined_with_severity_and_summary():
    """Lag, dead letters, webhook failures, worker down and no-incidents alerts all exist."""
    alerts = {rule["alert"]: rule for rule in _rules() if "alert" in rule}
    assert set(alerts) >= REQUIRED_ALERTS
    for name, rule in alerts.items():
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}, name
        assert rule["annotations"]["summary"], name


def test_rules_name_only_exported_metrics():
    """Every metric in a rule expression is exported by the worker, recorded here, or `up`."""
    recorded = {rule["record"] for rule in _rules() if "record" in rule}
    known = exported_series() | recorded | {"up"}
    for rule in _rules():
        unknown = metric_names(rule["expr"]) - known
        assert not unknown, f"{rule.get('alert') or rule.get('record')}: {unknown}"


def test_prometheus_loads_the_rules_file():
    """prometheus.yml lists the rules file that exists in the repo."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    assert config["rule_files"] == ["rules/wirewatch.rules.yml"]
    assert (PROMETHEUS_DIR / config["rule_files"][0]).is_file()
