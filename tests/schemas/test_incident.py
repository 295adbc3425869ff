"""IncidentEvent contract: round trip, closed vocabularies, strict keys."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from schemas.incident import IncidentEvent


def _event(**overrides: Any) -> dict[str, Any]:
    when = dt.datetime(2022, 10, 11, tzinfo=dt.UTC).isoformat()
    data: dict[str, Any] = {
        "event_kind": "created",
        "incident_id": "inc-0123456789abcdef",
        "revision": 1,
        "type": "arson_attempt",
        "target": {"name": "Russian Embassy", "kind": "embassy", "represented_country": "RU"},
        "actors": ["unidentified person"],
        "location": {"city": "Ottawa", "country": "CA", "lat": 45.4, "lon": -75.7},
        "event_date": {"value": "2022-09", "precision": "month"},
        "first_reported_at": when,
        "last_reported_at": when,
        "evidence": [{"sentence": "A bottle was thrown.", "article_id": "a1"}],
        "article_ids": ["a1"],
        "story_ids": ["s1"],
        "num_articles": 1,
        "num_stories": 1,
        "num_outlets": 1,
        "confidence": 0.8,
    }
    data.update(overrides)
    return data


def test_round_trip_through_json() -> None:
    """An event serialises to JSON and back unchanged."""
    event = IncidentEvent.model_validate(_event())
    assert IncidentEvent.model_validate_json(event.model_dump_json()) == event


def test_unknown_type_is_rejected() -> None:
    """Only the twelve incident types are allowed."""
    with pytest.raises(ValidationError):
        IncidentEvent.model_validate(_event(type="riot"))


def test_unknown_key_is_rejected() -> None:
    """Producers cannot add keys the contract does not name."""
    with pytest.raises(ValidationError):
        IncidentEvent.model_validate(_event(extra_field=1))


def test_revision_starts_at_one() -> None:
    """Revision 0 is invalid: the created event is revision 1."""
    with pytest.raises(ValidationError):
        IncidentEvent.model_validate(_event(revision=0))


def test_date_precision_is_closed() -> None:
    """Dates are day, month or year precise."""
    with pytest.raises(ValidationError):
        IncidentEvent.model_validate(_event(event_date={"value": "2022", "precision": "decade"}))
