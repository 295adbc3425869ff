"""Alert: one notification for a group of incidents, emitted on `alerts` and sent to webhooks."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from schemas.base import Contract
from schemas.incident import EventDate, Evidence, IncidentType, Location, Target

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITY_LEVELS: tuple[Severity, ...] = ("info", "low", "medium", "high", "critical")
"""Severity labels, lowest first; the index is the rank the scoring adds to."""

IncidentChange = Literal["new", "escalated", "unchanged"]
AlertReason = Literal["new", "escalation", "repeat"]


class AlertedIncident(Contract):
    """One incident as the alert shows it: its severity and what changed since the last alert."""

    incident_id: str
    revision: int = Field(ge=1)
    type: IncidentType
    severity: Severity
    change: IncidentChange = Field(
        description="new: first alert for it in this group; escalated: higher severity."
    )
    target: Target | None = None
    location: Location
    event_date: EventDate | None = None
    evidence: list[Evidence] = Field(default_factory=list, description="At most three.")
    num_articles: int = Field(ge=1)
    num_outlets: int = Field(ge=1)
    confidence: float = Field(ge=0.0, le=1.0)
    first_reported_at: AwareDatetime
    last_reported_at: AwareDatetime


class Alert(Contract):
    """A notification for one rule's group of incidents; `alert_id` is deterministic."""

    alert_id: str = Field(description="Hash of rule, group key, incidents, severity, sequence.")
    rule: str
    subscribers: list[str] = Field(description="Webhook subscribers that receive it.")
    group_key: str
    group_labels: dict[str, str] = Field(default_factory=dict)
    reason: AlertReason
    sequence: int = Field(ge=1, description="The n-th alert of this group.")
    severity: Severity = Field(description="The highest severity among `incidents`.")
    title: str
    incidents: list[AlertedIncident] = Field(min_length=1)
    created_at: AwareDatetime = Field(description="When the engine emitted it (engine clock).")
