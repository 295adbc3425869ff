"""Build DeadLetter records from rejected payloads, safely, whatever the payload is."""

from __future__ import annotations

import datetime as dt
import json
import traceback
from collections.abc import Mapping
from typing import Any

from schemas.deadletter import DeadLetter, DeadLetterReason
from wirewatch.errors import StageRejected

MAX_ORIGINAL_CHARS = 65536


def payload_text(payload: bytes | str | Mapping[str, Any]) -> str:
    """Render any payload as text for the dead letter, replacing undecodable bytes."""
    if isinstance(payload, bytes):
        return payload.decode("utf-8", errors="replace")
    if isinstance(payload, str):
        return payload
    try:
        return json.dumps(dict(payload), ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(payload)


def payload_article_id(payload: bytes | str | Mapping[str, Any]) -> str | None:
    """Best-effort id of a payload that may not even be JSON; None when there is none usable."""
    data: Any = payload
    if isinstance(payload, bytes | str):
        try:
            data = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            return None
    if isinstance(data, Mapping):
        value = data.get("id") or data.get("article_id")
        if isinstance(value, str) and 0 < len(value) <= 256:
            return value
    return None


def dead_letter_from(
    payload: bytes | str | Mapping[str, Any],
    rejection: StageRejected,
    *,
    article_id: str | None = None,
    now: dt.datetime | None = None,
) -> DeadLetter:
    """Wrap a rejected payload with its stage and reason."""
    text = payload_text(payload)
    return DeadLetter(
        article_id=article_id if article_id is not None else payload_article_id(payload),
        stage=rejection.stage,
        reason=rejection.reason,
        message=rejection.message,
        original=text[:MAX_ORIGINAL_CHARS],
        original_truncated=len(text) > MAX_ORIGINAL_CHARS,
        rejected_at=now or dt.datetime.now(dt.UTC),
        details=rejection.details,
    )


def internal_error(stage: str, exc: BaseException) -> StageRejected:
    """Classify an unexpected exception as an internal error of `stage`, with where it happened."""
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    return StageRejected(
        stage,
        DeadLetterReason.INTERNAL_ERROR,
        f"unexpected {type(exc).__name__}: {str(exc)[:500]}",
        details={
            "exception": type(exc).__name__,
            "where": [
                f"{'/'.join(f.filename.split('/')[-2:])}:{f.lineno} {f.name}" for f in frames
            ],
        },
    )
