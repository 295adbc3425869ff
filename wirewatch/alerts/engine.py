"""AlertEngine: incident events in, grouped and de-duplicated alerts out (Alertmanager-style).

Per rule, matching incidents fall into groups (`group_by` labels). A group's first alert waits
`group_wait`; later alerts wait until `group_interval` after the previous one. Only news makes a
group due: an incident new to the group, or one whose severity rose. More reports of the same
incident at the same severity never alert again, except a `repeat_interval` reminder.

State lives in three stores (string keys, JSON-ready values; no iteration over a store):
- `alert_groups`: group key -> {rule, labels, sequence, last_sent_at, due_at, members}
- `alert_targets`: target key -> [[incident id, first reported ISO]] (severity repeat counting)
- `alert_index`: "pending" -> [[due ISO, group key]], the groups `flush` must look at
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from typing import Any

from schemas.alert import Alert, AlertedIncident, AlertReason, Severity
from schemas.incident import IncidentEvent
from wirewatch.alerts.matching import matches, region_of
from wirewatch.alerts.rules import AlertRules, Rule
from wirewatch.alerts.severity import TargetHistory, fold, rank
from wirewatch.ids import stable_id
from wirewatch.state import require_stores

MAX_INCIDENTS_PER_ALERT = 50
MAX_EVIDENCE = 3
_INDEX_KEY = "pending"
# Stored times are parsed again on every event (group members, schedule): parse each once.
_instant = lru_cache(maxsize=65_536)(dt.datetime.fromisoformat)


def group_labels(rule: Rule, event: IncidentEvent) -> dict[str, str]:
    """The values of the rule's `group_by` labels for one incident."""
    target, location = event.target, event.location
    values = {
        "incident_id": event.incident_id,
        "type": event.type,
        "country": location.country,
        "city": fold(location.city) if location.city else "-",
        "target": fold(target.name) if target else "-",
        "represented_country": (target.represented_country if target else None) or "-",
        "region": region_of(location.country) or "-",
    }
    return {label: values[label] for label in rule.group_by}


def _snapshot(event: IncidentEvent, severity: Severity) -> dict[str, Any]:
    """The JSON-ready AlertedIncident fields (without `change`) of an incident."""
    return {
        "incident_id": event.incident_id,
        "revision": event.revision,
        "type": event.type,
        "severity": severity,
        "target": event.target.model_dump(mode="json") if event.target else None,
        "location": event.location.model_dump(mode="json"),
        "event_date": event.event_date.model_dump(mode="json") if event.event_date else None,
        "evidence": [e.model_dump(mode="json") for e in event.evidence[:MAX_EVIDENCE]],
        "num_articles": event.num_articles,
        "num_outlets": event.num_outlets,
        "confidence": event.confidence,
        "first_reported_at": event.first_reported_at.isoformat(),
        "last_reported_at": event.last_reported_at.isoformat(),
    }


def _pending(member: Mapping[str, Any]) -> bool:
    notified = member["notified"]
    return notified is None or rank(member["severity"]) > rank(notified)


def _title(severity: Severity, incidents: list[AlertedIncident], labels: dict[str, str]) -> str:
    head = f"[{severity.upper()}]"
    if len(incidents) == 1:
        only = incidents[0]
        place = ", ".join(p for p in (only.location.city, only.location.country) if p)
        what = only.type.replace("_", " ")
        if only.target is not None:
            return f"{head} {what} at {only.target.name}, {place}"
        return f"{head} {what} in {place}"
    kinds = ", ".join(sorted({i.type.replace("_", " ") for i in incidents}))
    scope = ", ".join(f"{k}={v}" for k, v in labels.items() if k != "incident_id")
    return f"{head} {len(incidents)} incidents: {kinds}" + (f" ({scope})" if scope else "")


class AlertEngine:
    """Turns incident events into alerts; same events in the same order give the same alerts."""

    STORE_NAMES: tuple[str, ...] = ("alert_groups", "alert_targets", "alert_index")

    def __init__(self, rules: AlertRules, stores: Mapping[str, MutableMapping[str, Any]]) -> None:
        require_stores(stores, self.STORE_NAMES, "AlertEngine")
        self.rules = rules
        self._groups = stores["alert_groups"]
        self._index = stores["alert_index"]
        self._targets = TargetHistory(stores["alert_targets"], rules.severity)
        self._by_name = {rule.name: rule for rule in rules.rules}

    def on_incident(self, event: IncidentEvent, now: dt.datetime) -> list[Alert]:
        """Alerts due at `now`, then those this created/updated incident event triggers."""
        alerts = self.flush(now)
        severity = self._targets.severity(event)
        for rule in self.rules.rules:
            if matches(rule.match, event, severity):
                alert = self._observe(rule, event, severity, now)
                if alert is not None:
                    alerts.append(alert)
        return alerts

    def flush(self, now: dt.datetime) -> list[Alert]:
        """Emit every group whose group_wait / group_interval has elapsed by `now`."""
        index: list[list[str]] = list(self._index.get(_INDEX_KEY) or [])
        due = [entry for entry in index if _instant(entry[0]) <= now]
        if not due:
            return []
        alerts = []
        for due_at, key in sorted(due):
            self._unschedule(key)
            group = self._groups.get(key)
            if group is None or group["due_at"] != due_at or group["rule"] not in self._by_name:
                continue
            group = dict(group)
            alert = self._emit(self._by_name[group["rule"]], key, group, due_at, None)
            self._groups[key] = group
            if alert is not None:
                alerts.append(alert)
        return alerts

    def _observe(
        self, rule: Rule, event: IncidentEvent, severity: Severity, now: dt.datetime
    ) -> Alert | None:
        labels = group_labels(rule, event)
        key = "|".join([rule.name, *(f"{k}={v}" for k, v in labels.items())])
        stored = self._groups.get(key)
        group: dict[str, Any] = (
            dict(stored)
            if stored
            else {
                "rule": rule.name,
                "labels": labels,
                "sequence": 0,
                "last_sent_at": None,
                "due_at": None,
                "members": {},
            }
        )
        members = self._pruned(group["members"], now)  # a new dict
        previous = members.get(event.incident_id)
        notified = previous["notified"] if previous else None
        snapshot = _snapshot(event, severity)
        member: dict[str, Any] = {
            "incident": snapshot,
            "severity": severity,
            "notified": notified,
            "seen_at": now.isoformat(),
        }
        if previous and rank(previous["severity"]) > rank(severity) and previous["notified"]:
            member["severity"] = previous["severity"]  # never de-escalate below what was sent
            snapshot["severity"] = previous["severity"]
        members[event.incident_id] = member
        group["members"] = members
        alert: Alert | None = None
        if _pending(member):
            alert = self._make_due(rule, key, group, now)
        elif self._repeat_due(rule, group, now):
            alert = self._emit(rule, key, group, now.isoformat(), event.incident_id)
        self._groups[key] = group
        return alert

    def _make_due(
        self, rule: Rule, key: str, group: dict[str, Any], now: dt.datetime
    ) -> Alert | None:
        if group["last_sent_at"] is None:
            due = now + rule.group_wait
        else:
            due = max(now, _instant(group["last_sent_at"]) + rule.group_interval)
        if group["due_at"] is not None:
            due = min(due, _instant(group["due_at"]))
        if due <= now:
            if group["due_at"] is not None:
                self._unschedule(key)
            return self._emit(rule, key, group, now.isoformat(), None)
        if group["due_at"] != due.isoformat():
            if group["due_at"] is not None:
                self._unschedule(key)
            group["due_at"] = due.isoformat()
            self._schedule(key, group["due_at"])
        return None

    def _repeat_due(self, rule: Rule, group: dict[str, Any], now: dt.datetime) -> bool:
        if rule.repeat_interval is None or group["last_sent_at"] is None or group["due_at"]:
            return False
        return now - _instant(group["last_sent_at"]) >= rule.repeat_interval

    def _emit(
        self, rule: Rule, key: str, group: dict[str, Any], at: str, repeat_of: str | None
    ) -> Alert | None:
        """Build the group's alert from its pending members (or the repeated one); update state."""
        members = dict(group["members"])
        if repeat_of is not None:
            chosen = [repeat_of]
        else:
            pending = [iid for iid, m in members.items() if _pending(m)]
            pending.sort(key=lambda iid: (members[iid]["incident"]["first_reported_at"], iid))
            chosen = pending[:MAX_INCIDENTS_PER_ALERT]
        group["due_at"] = None
        if not chosen:
            return None
        incidents = []
        for iid in chosen:
            member = dict(members[iid])
            change = (
                "unchanged"
                if repeat_of is not None
                else ("new" if member["notified"] is None else "escalated")
            )
            incidents.append(
                AlertedIncident.model_validate({**member["incident"], "change": change})
            )
            member["notified"] = member["severity"]
            members[iid] = member
        group["members"] = members
        group["sequence"] += 1
        group["last_sent_at"] = at
        reason: AlertReason = (
            "repeat" if repeat_of is not None else "new" if group["sequence"] == 1 else "escalation"
        )
        severity = max((i.severity for i in incidents), key=rank)
        parts = [f"{i.incident_id}:{i.severity}" for i in incidents]
        alert = Alert(
            alert_id=stable_id("alert", rule.name, key, reason, str(group["sequence"]), *parts),
            rule=rule.name,
            subscribers=list(rule.subscribers),
            group_key=key,
            group_labels=dict(group["labels"]),
            reason=reason,
            sequence=group["sequence"],
            severity=severity,
            title=_title(severity, incidents, dict(group["labels"])),
            incidents=incidents,
            created_at=dt.datetime.fromisoformat(at),
        )
        if len(chosen) < sum(1 for m in members.values() if _pending(m)):
            later = dt.datetime.fromisoformat(at) + rule.group_interval
            group["due_at"] = later.isoformat()
            self._schedule(key, group["due_at"])
        return alert

    def _pruned(self, members: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
        """Drop members that are notified and quiet for longer than the rules' retention."""
        horizon = now - self.rules.retention
        kept: dict[str, Any] = {}
        for iid, member in members.items():
            notified = member["notified"]  # _pending(member), inlined: groups grow large
            if (
                notified is None
                or rank(member["severity"]) > rank(notified)
                or _instant(member["seen_at"]) >= horizon
            ):
                kept[iid] = member
        return kept

    def _schedule(self, key: str, due_at: str) -> None:
        index = [entry for entry in self._index.get(_INDEX_KEY) or [] if entry[1] != key]
        index.append([due_at, key])
        self._index[_INDEX_KEY] = sorted(index)

    def _unschedule(self, key: str) -> None:
        index = self._index.get(_INDEX_KEY) or []
        self._index[_INDEX_KEY] = [entry for entry in index if entry[1] != key]
