"""The rules file's model: webhook subscribers, severity policy and alert rules (pydantic v2)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator

from schemas.alert import Severity
from schemas.incident import IncidentType, TargetKind

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(value: Any) -> dt.timedelta:
    """`30s`, `5m`, `1h`, `7d`, `250ms` or a number of seconds, as a timedelta."""
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError("a duration is a number with a unit, e.g. 30s, 5m, 1h or 7d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if match is None:
            raise ValueError(
                f"{value!r} is not a duration; write a number with a unit: 30s, 5m, 1h or 7d"
            )
        seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds < 0:
        raise ValueError("a duration cannot be negative; use 0s for 'immediately'")
    return dt.timedelta(seconds=seconds)


Duration = Annotated[dt.timedelta, BeforeValidator(parse_duration)]
Region = Literal["europe", "north_america"]
GroupLabel = Literal[
    "incident_id", "type", "country", "city", "target", "represented_country", "region"
]
_NAME = r"^[a-z0-9][a-z0-9_.-]*$"
_DEFAULT_GROUP_BY: tuple[GroupLabel, ...] = ("incident_id",)


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WebhookSubscriber(_Config):
    """Where and how to POST a subscriber's alerts."""

    url: str | None = Field(default=None, description="http(s) URL that receives the POST.")
    url_env: str | None = Field(
        default=None, description="Env var holding the URL; unset means topic-only delivery."
    )
    secret_env: str = Field(description="Env var holding the HMAC secret (never logged).")
    allow_private: bool = Field(
        default=False, description="Allow loopback, private and link-local destinations."
    )
    timeout: Duration = Field(default=dt.timedelta(seconds=5))
    max_attempts: int = Field(default=12, ge=1, le=1000)
    backoff_initial: Duration = Field(default=dt.timedelta(seconds=0.5))
    backoff_max: Duration = Field(default=dt.timedelta(minutes=5))
    breaker_failures: int = Field(default=5, ge=1, description="Failures that open the breaker.")
    breaker_cooldown: Duration = Field(default=dt.timedelta(seconds=30))

    @model_validator(mode="after")
    def _one_url(self) -> WebhookSubscriber:
        if (self.url is None) == (self.url_env is None):
            raise ValueError("set exactly one of `url:` or `url_env:`")
        if self.url is not None and not re.match(r"^https?://[^/\s]+", self.url):
            raise ValueError(f"url {self.url!r} must start with http:// or https://")
        return self


class Match(_Config):
    """What an incident must look like; fields are ANDed, list items are ORed."""

    types: list[IncidentType] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list, description="ISO 3166 alpha-2 codes.")
    exclude_countries: list[str] = Field(
        default_factory=list, description="Countries this rule leaves to other rules."
    )
    regions: list[Region] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)
    target_kinds: list[TargetKind] = Field(default_factory=list)
    represented_countries: list[str] = Field(default_factory=list)
    min_severity: Severity = "info"
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    keywords: list[str] = Field(
        default_factory=list, description="Any of them, as a word, in an evidence sentence."
    )

    @model_validator(mode="after")
    def _country_codes(self) -> Match:
        for code in (*self.countries, *self.exclude_countries, *self.represented_countries):
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise ValueError(f"{code!r} is not an ISO 3166 alpha-2 code; write e.g. CA or RU")
        return self


class Rule(_Config):
    """One subscription: a match, who gets it, and how alerts are grouped and repeated."""

    name: str = Field(pattern=_NAME, description="Lowercase slug, unique in the file.")
    description: str = ""
    match: Match = Field(default_factory=Match)
    subscribers: list[str] = Field(default_factory=list, description="Webhook subscriber names.")
    group_by: list[GroupLabel] = Field(default_factory=lambda: list(_DEFAULT_GROUP_BY))
    group_wait: Duration = Field(default=dt.timedelta(0))
    group_interval: Duration = Field(default=dt.timedelta(minutes=5))
    repeat_interval: Duration | None = Field(
        default=None, description="Remind of a group that is still updating; null: never."
    )


class SeverityPolicy(_Config):
    """How repeated incidents at one target raise severity (see docs/alerts.md)."""

    repeat_window: Duration = Field(default=dt.timedelta(days=30))
    repeat_thresholds: list[int] = Field(
        default_factory=lambda: [1, 3],
        description="Each threshold reached by other incidents at the target adds one level.",
    )
    injuries_raise: bool = True


class AlertRules(_Config):
    """The whole rules file."""

    version: Literal[1] = 1
    retention: Duration = Field(
        default=dt.timedelta(days=14), description="Forget group members quiet for this long."
    )
    severity: SeverityPolicy = Field(default_factory=SeverityPolicy)
    subscribers: dict[str, WebhookSubscriber] = Field(default_factory=dict)
    rules: list[Rule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> AlertRules:
        if info.context and info.context.get("defer_references"):
            return self
        problems = self.reference_errors()
        if problems:
            raise ValueError("; ".join(message for _, message in problems))
        return self

    def reference_errors(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Unknown subscribers and duplicate rule names, with the path of each."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, rule in enumerate(self.rules):
            if rule.name in seen:
                problems.append(
                    (("rules", i, "name"), f"rule name {rule.name!r} is used twice; rename one")
                )
            seen.add(rule.name)
            for j, name in enumerate(rule.subscribers):
                if name not in self.subscribers:
                    known = ", ".join(sorted(self.subscribers)) or "none defined"
                    problems.append(
                        (
                            ("rules", i, "subscribers", j),
                            f"unknown subscriber {name!r}; define it under `subscribers:` "
                            f"or use one of: {known}",
                        )
                    )
        return problems
