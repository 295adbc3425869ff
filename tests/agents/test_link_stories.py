"""The sequencer agent's pure helpers: dead letters for foreign records, the band table rebuild."""

from __future__ import annotations

import numpy as np
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


def test_stale_derived_index_resets_and_refills_the_band_table():
    """After an assignment the band table is emptied and rebuilt from dedup_articles alone."""
    from agents.link_stories import DerivedIndex
    from tests.shared_data import REPO_ROOT
    from wirewatch.pipeline import Pipeline
    from wirewatch.sources import iter_payloads
    from wirewatch.state import in_memory_stores

    pipeline = Pipeline(stores=in_memory_stores(Pipeline.STORE_NAMES))
    for payload in iter_payloads(REPO_ROOT / "examples" / "articles.jsonl"):
        parsed = pipeline.parse(payload)
        if isinstance(parsed, ParsedArticle):
            pipeline.downstream(parsed)
    assert pipeline.linker is not None
    built = pipeline.linker.index.entries()
    assert built
    pipeline.linker.index.insert("stale", np.arange(1, 43, dtype=np.uint64))
    index = DerivedIndex(pipeline)
    index.rebuild_if_stale()
    assert not index.stale
    assert pipeline.linker.index.entries() == built
    pipeline.linker.index.insert("stale", np.arange(1, 43, dtype=np.uint64))
    index.rebuild_if_stale()  # not stale: nothing happens
    assert "stale" in pipeline.linker.index
