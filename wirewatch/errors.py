"""The domain layer's one base exception, and the typed rejection that becomes a dead letter."""

from __future__ import annotations

from typing import Any

from schemas.deadletter import DeadLetterReason


class WirewatchError(Exception):
    """Base for every error the domain layer raises on purpose."""


class StageRejected(WirewatchError):
    """A stage refused its input; the shell turns this into a DeadLetter and keeps going."""

    def __init__(
        self,
        stage: str,
        reason: DeadLetterReason,
        message: str,
        *,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{stage}: {reason.value}: {message}")
        self.stage = stage
        self.reason = reason
        self.message = message
        self.details = details or {}
