"""Dead letters keep the input, the stage and a machine-readable reason."""

from __future__ import annotations

from schemas.deadletter import DeadLetterReason
from wirewatch.deadletters import (
    MAX_ORIGINAL_CHARS,
    dead_letter_from,
    internal_error,
    payload_article_id,
)
from wirewatch.errors import StageRejected


def test_payload_article_id_reads_json_id():
    """The id of a JSON payload is recovered even when the rest is invalid."""
    assert payload_article_id(b'{"id": "a-1", "body": 3}') == "a-1"


def test_payload_article_id_is_none_for_non_json():
    """Undecodable or non-object payloads have no id."""
    assert payload_article_id(b"\xff\xfe not json") is None
    assert payload_article_id(b"[1, 2]") is None


def test_dead_letter_truncates_huge_originals():
    """A very large input is kept truncated, and the truncation is flagged."""
    rejection = StageRejected("parse", DeadLetterReason.BODY_TOO_LARGE, "too big")
    letter = dead_letter_from(b"x" * (MAX_ORIGINAL_CHARS + 10), rejection)
    assert len(letter.original) == MAX_ORIGINAL_CHARS
    assert letter.original_truncated
    assert letter.stage == "parse"
    assert letter.reason is DeadLetterReason.BODY_TOO_LARGE


def test_dead_letter_replaces_invalid_utf8():
    """Invalid UTF-8 in the input never breaks the dead letter itself."""
    rejection = StageRejected("parse", DeadLetterReason.INVALID_UTF8, "bad bytes")
    letter = dead_letter_from(b'{"id": "a"}\xff', rejection)
    assert "\ufffd" in letter.original
    assert letter.model_dump_json()


def test_internal_error_names_the_exception_type():
    """An unexpected exception becomes internal_error with its type in the message."""
    rejection = internal_error("link", ZeroDivisionError("boom"))
    assert rejection.reason is DeadLetterReason.INTERNAL_ERROR
    assert "ZeroDivisionError" in rejection.message
    assert rejection.stage == "link"
