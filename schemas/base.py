"""Shared model configuration for every topic contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Contract(BaseModel):
    """Base for topic payloads: immutable, strict about unknown keys on output models."""

    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_timedelta="float")
