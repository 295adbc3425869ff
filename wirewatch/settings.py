"""Domain settings: plain pydantic models; the worker fills them from the environment."""

from __future__ import annotations

from pydantic import BaseModel, Field

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


class PipelineSettings(BaseModel):
    """Settings every stage reads. Sub-sections belong to their stage packages."""

    max_body_bytes: int = Field(
        default=DEFAULT_MAX_BODY_BYTES,
        gt=0,
        description="Bodies larger than this (UTF-8 bytes) are dead-lettered as body_too_large.",
    )
