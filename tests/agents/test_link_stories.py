"""The sequencer agent's pure helpers: dead letters for foreign records on its topic."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agents.codec import decode
from agents.link_stories import invalid_parsed_record
from schemas.deadletter import DeadLetterReason
from schemas.parsed import ParsedArticle


def test_invalid_parsed_record_names_the_missing_fields():
    """A record missing ParsedArticle fields becomes a link-stage invalid_fields dead letter."""
    payload = b'{"article_id": "x-9", "headline": "h"}'
    with pytest.raises(ValidationError) as info:
        decode(ParsedArticle, payload)
    letter = invalid_parsed_record(payload, info.value)
    assert letter.stage == "link"
    assert letter.reason is DeadLetterReason.INVALID_FIELDS
    assert letter.article_id == "x-9"
    assert "url" in letter.message
