"""Alert rules, severity scoring, grouping and webhook signing (pure domain; no Kafka)."""

from __future__ import annotations

from wirewatch.alerts.engine import AlertEngine
from wirewatch.alerts.errors import AlertsError, RulesError
from wirewatch.alerts.loader import load_rules, parse_rules
from wirewatch.alerts.replay import DEFAULT_RULES_PATH, FAR_FUTURE, replay_alerts
from wirewatch.alerts.rules import AlertRules, Rule, WebhookSubscriber

__all__ = [
    "DEFAULT_RULES_PATH",
    "FAR_FUTURE",
    "AlertEngine",
    "AlertRules",
    "AlertsError",
    "Rule",
    "RulesError",
    "WebhookSubscriber",
    "load_rules",
    "parse_rules",
    "replay_alerts",
]
