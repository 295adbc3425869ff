"""Domain settings: plain pydantic models; the worker fills them from the environment."""

from __future__ import annotations

from pydantic import BaseModel, Field

from wirewatch.dedup.settings import DedupSettings
from wirewatch.incidents.settings import IncidentSettings

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


class PipelineSettings(BaseModel):
    """Settings every stage reads; each stage's section belongs to its package."""

    max_body_bytes: int = Field(
        default=DEFAULT_MAX_BODY_BYTES,
        gt=0,
        description="Bodies larger than this (UTF-8 bytes) are dead-lettered as body_too_large.",
    )
    dedup: DedupSettings = Field(default_factory=DedupSettings)
    incidents: IncidentSettings = Field(default_factory=IncidentSettings)
