"""DeadLetter: an input that a stage rejected, with the stage and a machine-readable reason."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, Field

from schemas.base import Contract


class DeadLetterReason(StrEnum):
    """Why a stage rejected its input. Stable strings: dashboards and alert rules use them."""

    INVALID_JSON = "invalid_json"
    INVALID_UTF8 = "invalid_utf8"
    INVALID_FIELDS = "invalid_fields"
    EMPTY_BODY = "empty_body"
    BODY_TOO_LARGE = "body_too_large"
    CHROME_ONLY = "chrome_only"
    NO_ARTICLE_TEXT = "no_article_text"
    BROKEN_HTML = "broken_html"
    UNSUPPORTED_CONTENT_TYPE = "unsupported_content_type"
    INTERNAL_ERROR = "internal_error"
    DELIVERY_FAILED = "delivery_failed"


class DeadLetter(Contract):
    """A rejected input: what came in, where it failed, and why."""

    article_id: str | None = Field(description="The input's id, or null if it had none usable.")
    stage: str = Field(description="Stage that rejected it: ingest, parse, link, incident, alert.")
    reason: DeadLetterReason
    message: str = Field(description="Human-readable detail, e.g. the size or the bad field.")
    original: str = Field(description="The input as received (truncated to 64 KiB, UTF-8 safe).")
    original_truncated: bool = False
    rejected_at: AwareDatetime
    details: dict[str, Any] = Field(default_factory=dict)
