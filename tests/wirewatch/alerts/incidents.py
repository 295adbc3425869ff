"""Builders of IncidentEvent values for alert tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas.incident import IncidentEvent

T0 = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


def incident(
    incident_id: str = "inc-ottawa",
    *,
    revision: int = 1,
    type: str = "arson_attempt",
    country: str = "CA",
    city: str | None = "Ottawa",
    target: dict[str, Any] | None = None,
    at: dt.datetime = T0,
    first: dt.datetime | None = None,
    injuries: bool | None = None,
    sentence: str = "A man threw a Molotov cocktail at the Russian Embassy in Ottawa.",
    num_articles: int = 1,
) -> IncidentEvent:
    """An incident event; defaults describe the Ottawa Molotov attack on the Russian embassy."""
    if target is None:
        target = {"name": "Russian Embassy", "kind": "embassy", "represented_country": "RU"}
    return IncidentEvent.model_validate(
        {
            "event_kind": "created" if revision == 1 else "updated",
            "incident_id": incident_id,
            "revision": revision,
            "type": type,
            "target": target or None,
            "location": {"city": city, "country": country},
            "harm": {"injuries": injuries},
            "first_reported_at": (first or at).isoformat(),
            "last_reported_at": at.isoformat(),
            "evidence": [{"sentence": sentence, "article_id": f"a-{incident_id}-{revision}"}],
            "article_ids": [f"a-{incident_id}-{n}" for n in range(1, num_articles + 1)],
            "story_ids": [f"s-{incident_id}"],
            "num_articles": num_articles,
            "num_stories": 1,
            "num_outlets": 1,
            "confidence": 0.9,
        }
    )
