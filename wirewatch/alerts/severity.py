"""Severity scoring: a base level per incident type, raised by injuries and repeat targets.

Levels, lowest first: info < low < medium < high < critical.

- base: bombing = critical; attack, arson_attempt, vehicle_ramming = high; vandalism, threat,
  cyberattack = medium; protest, blockade = low; diplomatic_protest, expulsion, other = info.
- +1 when the reports say people were injured (`harm.injuries`, if `injuries_raise`).
- +1 for each `repeat_thresholds` value reached by the number of *other hostile* incidents
  (base medium or above: vandalism, threat, cyberattack, attack, arson, ramming, bombing) at the
  same target (kind, represented country or name, country, city) first reported within
  `repeat_window` of this one. Protests, blockades and diplomatic steps do not raise it.
- capped at critical.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import MutableMapping
from functools import lru_cache
from typing import Any

from schemas.alert import SEVERITY_LEVELS, Severity
from schemas.incident import IncidentEvent
from wirewatch.alerts.rules import SeverityPolicy

BASE_SEVERITY: dict[str, Severity] = {
    "bombing": "critical",
    "attack": "high",
    "arson_attempt": "high",
    "vehicle_ramming": "high",
    "vandalism": "medium",
    "threat": "medium",
    "cyberattack": "medium",
    "protest": "low",
    "blockade": "low",
    "diplomatic_protest": "info",
    "expulsion": "info",
    "other": "info",
}


HOSTILE_RANK = 2
"""Incidents whose base severity is at least medium count as repeats at their target."""


_RANKS = {level: i for i, level in enumerate(SEVERITY_LEVELS)}
# Stored first-report times are parsed again for every event at their target: parse each once.
_instant = lru_cache(maxsize=65_536)(dt.datetime.fromisoformat)


def rank(severity: Severity) -> int:
    """0 for info up to 4 for critical."""
    found = _RANKS.get(severity)
    return SEVERITY_LEVELS.index(severity) if found is None else found


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def target_key(event: IncidentEvent) -> str | None:
    """The identity of the incident's target for repeat counting, or None without a target."""
    if event.target is None:
        return None
    who = event.target.represented_country or fold(event.target.name)
    city = fold(event.location.city) if event.location.city else "-"
    return f"{event.target.kind}|{who}|{event.location.country}|{city}"


def score(event: IncidentEvent, others_at_target: int, policy: SeverityPolicy) -> Severity:
    """The severity of one incident given how many other incidents hit the same target."""
    level = rank(BASE_SEVERITY[event.type])
    if policy.injuries_raise and event.harm.injuries:
        level += 1
    level += sum(1 for threshold in policy.repeat_thresholds if others_at_target >= threshold)
    return SEVERITY_LEVELS[min(level, len(SEVERITY_LEVELS) - 1)]


class TargetHistory:
    """Incidents seen per target, in a store: target key -> [[incident id, first reported]]."""

    def __init__(self, store: MutableMapping[str, Any], policy: SeverityPolicy) -> None:
        self._store = store
        self._policy = policy

    def observe(self, event: IncidentEvent) -> int:
        """Record the incident; return how many other incidents hit its target in the window."""
        key = target_key(event)
        if key is None:
            return 0
        window = self._policy.repeat_window
        when = event.first_reported_at
        kept: list[list[str]] = []
        for incident_id, seen in self._store.get(key) or []:
            near = abs(_instant(seen) - when) <= window
            if incident_id != event.incident_id and near:
                kept.append([incident_id, seen])
        others = len(kept)
        if rank(BASE_SEVERITY[event.type]) >= HOSTILE_RANK:
            kept.append([event.incident_id, when.isoformat()])
            self._store[key] = kept[-100:]
        return others

    def severity(self, event: IncidentEvent) -> Severity:
        """Record the incident and score it."""
        return score(event, self.observe(event), self._policy)
