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


def _link(decision, method):
    from schemas.story import LinkEvidence, MemberRole
    from wirewatch.dedup import LinkResult

    evidence = None
    if method is not None:
        evidence = LinkEvidence(
            matched_article_id="a",
            jaccard=1.0,
            containment=1.0,
            shared_shingles=50,
            shared_attribution=True,
            dateline_match=True,
            method=method,
        )
    return LinkResult(
        article_id="b",
        decision=decision,
        role=MemberRole.COPY,
        story_id="s",
        original_id="a",
        evidence=evidence,
    )


def test_verbatim_copy_on_another_url_counts_as_a_republication():
    """A content-hash match on another URL counts as a republication; the same URL does not."""
    from agents.link_stories import is_republication
    from wirewatch.dedup import LinkDecision

    assert is_republication(_link(LinkDecision.COPY, "minhash-lsh+exact"))
    assert is_republication(_link(LinkDecision.RECAPTURE, "same-content-hash"))
    assert not is_republication(_link(LinkDecision.RECAPTURE, "same-url"))
    assert not is_republication(_link(LinkDecision.NEW_STORY, None))
