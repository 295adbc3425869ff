"""AlertEngine: grouping, waiting, escalation, repeats and determinism, without Kafka."""

from __future__ import annotations

import datetime as dt

from tests.wirewatch.alerts.incidents import T0, incident
from wirewatch.alerts import AlertEngine, parse_rules, replay_alerts
from wirewatch.state import in_memory_stores

RULES = """
subscribers:
  desk: {url: "https://desk.example.org/hook", secret_env: DESK_SECRET}
rules:
  - name: canada-ru
    match: {countries: [CA], represented_countries: [RU]}
    subscribers: [desk]
    group_by: [incident_id]
    group_wait: 0s
    group_interval: 0s
  - name: protests-europe
    match: {types: [protest], regions: [europe]}
    subscribers: [desk]
    group_by: [region]
    group_wait: 5m
    group_interval: 1h
  - name: reminders
    match: {types: [bombing]}
    repeat_interval: 6h
"""
MIN = dt.timedelta(minutes=1)


def engine() -> AlertEngine:
    """A fresh engine with in-memory stores."""
    return AlertEngine(parse_rules(RULES), in_memory_stores(AlertEngine.STORE_NAMES))


def test_new_incident_alerts_immediately_with_zero_group_wait():
    """An arson attempt on the Russian embassy in Ottawa alerts at once, to the desk."""
    [alert] = engine().on_incident(incident(), T0)
    assert alert.rule == "canada-ru"
    assert alert.subscribers == ["desk"]
    assert alert.reason == "new"
    assert alert.severity == "high"
    assert alert.incidents[0].change == "new"
    assert "Russian Embassy" in alert.title
    assert "Ottawa" in alert.title


def test_fifty_updates_give_one_alert_plus_one_per_escalation():
    """50 updates with more mentions give no alert; only the two escalations re-alert."""
    eng = engine()
    alerts = eng.on_incident(incident(), T0)
    for n in range(2, 52):
        kind = "bombing" if n >= 40 else "arson_attempt"  # high -> critical at update 40
        injuries = True if n >= 45 else None  # critical already: no further escalation
        event = incident(revision=n, type=kind, injuries=injuries, at=T0 + n * MIN, first=T0)
        alerts += eng.on_incident(event, T0 + n * MIN)
    alerts += eng.flush(T0 + dt.timedelta(days=1))
    alerts = [a for a in alerts if a.rule == "canada-ru"]
    assert [a.reason for a in alerts] == ["new", "escalation"]
    assert [a.severity for a in alerts] == ["high", "critical"]
    assert alerts[1].incidents[0].change == "escalated"


def test_updates_with_more_mentions_alone_never_realert():
    """Fifty updates at the same severity produce exactly the first alert."""
    eng = engine()
    alerts = eng.on_incident(incident(), T0)
    for n in range(2, 52):
        alerts += eng.on_incident(incident(revision=n, num_articles=n, first=T0), T0 + n * MIN)
    assert len(alerts) == 1


def test_grouped_rule_waits_group_wait_then_group_interval():
    """Protests in Europe: one alert after group_wait, the next batch only after group_interval."""
    eng = engine()
    protest = {"type": "protest", "target": {}, "sentence": "Hundreds protested."}
    assert eng.on_incident(incident("p-paris", country="FR", city="Paris", **protest), T0) == []
    assert eng.on_incident(incident("p-berlin", country="DE", city="Berlin", **protest), T0) == []
    [first] = eng.flush(T0 + 5 * MIN)
    assert first.rule == "protests-europe"
    assert {i.incident_id for i in first.incidents} == {"p-paris", "p-berlin"}
    assert first.created_at == T0 + 5 * MIN
    later = incident("p-rome", country="IT", city="Rome", at=T0 + 10 * MIN, **protest)
    assert eng.on_incident(later, T0 + 10 * MIN) == []
    assert eng.flush(T0 + 30 * MIN) == []
    [second] = eng.flush(T0 + 65 * MIN)
    assert [i.incident_id for i in second.incidents] == ["p-rome"]
    assert second.reason == "escalation"
    assert second.sequence == 2


def test_repeat_interval_reminds_only_after_the_interval():
    """With repeat_interval 6h, an update within 6h is silent, one after 6h is a reminder."""
    eng = engine()
    bomb = {"type": "bombing", "country": "FR", "city": "Lyon", "target": {}}
    assert len(eng.on_incident(incident("b1", **bomb), T0)) == 1
    assert eng.on_incident(incident("b1", revision=2, first=T0, **bomb), T0 + 60 * MIN) == []
    [reminder] = eng.on_incident(incident("b1", revision=3, first=T0, **bomb), T0 + 7 * 60 * MIN)
    assert reminder.reason == "repeat"
    assert reminder.incidents[0].change == "unchanged"


def test_same_events_in_same_order_give_identical_alert_ids():
    """Alert ids are deterministic: two replays of the same events agree exactly."""
    events = [incident(), incident("inc-2", city="Montreal", at=T0 + MIN)]
    first = [a.alert_id for a in replay_alerts(events, parse_rules(RULES))]
    second = [a.alert_id for a in replay_alerts(events, parse_rules(RULES))]
    assert first == second
    assert len(set(first)) == len(first) == 2


def test_flush_finds_due_groups_through_the_index_only():
    """flush uses the pending index; a group emitted once leaves the index."""
    stores = in_memory_stores(AlertEngine.STORE_NAMES)
    eng = AlertEngine(parse_rules(RULES), stores)
    eng.on_incident(incident("p1", type="protest", country="FR", city="Paris", target={}), T0)
    assert len(stores["alert_index"]["pending"]) == 1
    assert len(eng.flush(T0 + 5 * MIN)) == 1
    assert stores["alert_index"]["pending"] == []


def test_engine_state_survives_a_new_engine_over_the_same_stores():
    """A restarted engine over the same stores does not re-alert an already alerted incident."""
    stores = in_memory_stores(AlertEngine.STORE_NAMES)
    rules = parse_rules(RULES)
    assert len(AlertEngine(rules, stores).on_incident(incident(), T0)) == 1
    again = incident(revision=2, num_articles=3, first=T0)
    assert AlertEngine(rules, stores).on_incident(again, T0 + MIN) == []


def test_default_rules_alert_on_ottawa_and_montreal_molotov_incidents():
    """The shipped rules file alerts at once on Molotov attacks on Russian missions in Canada."""
    montreal = incident(
        "inc-mtl",
        city="Montreal",
        target={"name": "Russian Consulate", "kind": "consulate", "represented_country": "RU"},
    )
    alerts = replay_alerts([incident(), montreal])
    immediate = [a for a in alerts if a.rule == "russian-missions-canada"]
    assert {a.incidents[0].incident_id for a in immediate} == {"inc-ottawa", "inc-mtl"}
    assert all(a.created_at == T0 for a in immediate)
