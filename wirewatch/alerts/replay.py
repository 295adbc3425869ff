"""Alerts over a finished sequence of incident events, in one process (replay, evaluation)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from schemas.alert import Alert
from schemas.incident import IncidentEvent
from wirewatch.alerts.engine import AlertEngine
from wirewatch.alerts.loader import load_rules
from wirewatch.alerts.rules import AlertRules
from wirewatch.state import in_memory_stores

DEFAULT_RULES_PATH = Path(__file__).resolve().parents[2] / "deploy" / "alerts" / "rules.yaml"
FAR_FUTURE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)


def event_time(event: IncidentEvent) -> dt.datetime:
    """The replay clock for one event: when its newest report came in."""
    return event.last_reported_at


def replay_alerts(
    events: Iterable[IncidentEvent],
    rules: AlertRules | Path | None = None,
    clock: Callable[[IncidentEvent], dt.datetime] = event_time,
) -> list[Alert]:
    """Every alert the events give, in order, with groups flushed at the end.

    The clock defaults to each event's `last_reported_at`, so group_wait and group_interval
    follow the news' own time and a replay gives the same alerts however fast it runs.
    """
    if not isinstance(rules, AlertRules):
        rules = load_rules(rules or DEFAULT_RULES_PATH)
    engine = AlertEngine(rules, in_memory_stores(AlertEngine.STORE_NAMES))
    alerts: list[Alert] = []
    latest: dt.datetime | None = None
    for event in events:
        now = clock(event)
        latest = now if latest is None else max(latest, now)
        alerts.extend(engine.on_incident(event, latest))
    alerts.extend(engine.flush(FAR_FUTURE))
    return alerts
