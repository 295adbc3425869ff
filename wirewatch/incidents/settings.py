"""Incident-stage settings."""

from __future__ import annotations

from pydantic import BaseModel, Field


class IncidentSettings(BaseModel):
    """Knobs for extraction and merging; defaults are the tested ones."""

    merge_window_days: int = Field(
        default=3, ge=0, description="Day-precision dates this far apart can be one incident."
    )
    background_days: int = Field(
        default=45,
        ge=1,
        description="Events dated this long before the report are background, not news.",
    )
    max_evidence: int = Field(default=12, ge=1, description="Evidence sentences kept per incident.")
    max_story_articles: int = Field(
        default=500, ge=1, description="Articles remembered per story, to count late incidents."
    )
    max_block_incidents: int = Field(
        default=200, ge=1, description="Incidents kept per blocking key (oldest dropped first)."
    )
