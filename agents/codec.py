"""The one codec at the edge: pydantic models to and from JSON bytes on the wire."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


def encode(model: BaseModel) -> bytes:
    """Serialise a topic payload as compact JSON bytes."""
    return model.model_dump_json().encode("utf-8")


def decode(model_type: type[ModelT], payload: bytes) -> ModelT:
    """Parse a topic payload into its contract model."""
    return model_type.model_validate_json(payload)


def key(text: str | None) -> bytes | None:
    """A message key from an id (None keeps Kafka's default partitioner)."""
    return text.encode("utf-8") if text is not None else None
