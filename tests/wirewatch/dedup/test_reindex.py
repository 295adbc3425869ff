"""The derived band table can be rebuilt from the article records alone."""

from __future__ import annotations

from tests.shared_data import REPO_ROOT
from wirewatch.dedup.reindex import rebuild_buckets
from wirewatch.pipeline import Pipeline
from wirewatch.sources import iter_payloads
from wirewatch.state import in_memory_stores


def test_rebuilt_buckets_equal_the_incrementally_built_ones():
    """Rebuilding the band table from dedup_articles gives the same entries as linking did."""
    stores = in_memory_stores(Pipeline.STORE_NAMES)
    pipeline = Pipeline(stores=stores)
    for payload in iter_payloads(REPO_ROOT / "examples" / "articles.jsonl"):
        parsed = pipeline.parse(payload)
        if hasattr(parsed, "text_for_matching"):
            pipeline.downstream(parsed)
    assert pipeline.linker is not None
    built = pipeline.linker.index.entries()
    assert built, "the examples must index something"
    count = rebuild_buckets(pipeline.linker, stores["dedup_articles"].items())
    assert count == pipeline.linker.index_size
    assert pipeline.linker.index.entries() == built


def test_linking_after_a_rebuild_matches_linking_without_one():
    """A copy arriving after the band table was rebuilt links exactly as it would have before."""
    payloads = list(iter_payloads(REPO_ROOT / "examples" / "articles.jsonl"))
    results = []
    for rebuild in (False, True):
        stores = in_memory_stores(Pipeline.STORE_NAMES)
        pipeline = Pipeline(stores=stores)
        decisions = []
        for n, payload in enumerate(payloads):
            if rebuild and n == len(payloads) // 2:
                assert pipeline.linker is not None
                pipeline.linker.index.clear()  # as a restarted worker's empty table
                rebuild_buckets(pipeline.linker, stores["dedup_articles"].items())
            parsed = pipeline.parse(payload)
            if hasattr(parsed, "text_for_matching"):
                link = pipeline.downstream(parsed).link
                assert link is not None
                decisions.append((link.article_id, link.decision, link.story_id))
        results.append(decisions)
    assert results[0] == results[1]
