"""Turn a payload off the wire (bytes, str or mapping) into a RawArticle, or reject it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from schemas.deadletter import DeadLetterReason
from schemas.raw import RawArticle
from wirewatch.errors import StageRejected

STAGE = "parse"


def decode_raw_article(
    payload: bytes | str | Mapping[str, Any], *, max_body_bytes: int
) -> RawArticle:
    """Decode and validate one raw article; raise StageRejected with a precise reason."""
    if isinstance(payload, bytes):
        if len(payload) > max_body_bytes * 2 + 65536:
            raise StageRejected(
                STAGE,
                DeadLetterReason.BODY_TOO_LARGE,
                f"payload is {len(payload)} bytes; limit is {max_body_bytes} bytes of body",
            )
        try:
            payload = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StageRejected(
                STAGE,
                DeadLetterReason.INVALID_UTF8,
                f"payload is not valid UTF-8 at byte {exc.start}: {exc.reason}",
            ) from exc
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise StageRejected(
                STAGE, DeadLetterReason.INVALID_JSON, f"payload is not JSON: {exc.msg} at {exc.pos}"
            ) from exc
    if not isinstance(payload, Mapping):
        raise StageRejected(
            STAGE,
            DeadLetterReason.INVALID_FIELDS,
            f"payload must be a JSON object, got {type(payload).__name__}",
        )
    try:
        raw = RawArticle.model_validate(payload)
    except ValidationError as exc:
        fields = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})
        raise StageRejected(
            STAGE,
            DeadLetterReason.INVALID_FIELDS,
            f"missing or invalid fields: {', '.join(fields)}",
            details={"fields": fields},
        ) from exc
    body_bytes = len(raw.body.encode("utf-8", errors="surrogatepass"))
    if body_bytes > max_body_bytes:
        raise StageRejected(
            STAGE,
            DeadLetterReason.BODY_TOO_LARGE,
            f"body is {body_bytes} bytes; limit is {max_body_bytes} (WIREWATCH_MAX_BODY_BYTES)",
            details={"body_bytes": body_bytes, "limit": max_body_bytes},
        )
    if not raw.body.strip():
        raise StageRejected(STAGE, DeadLetterReason.EMPTY_BODY, "body is empty or whitespace only")
    return raw
