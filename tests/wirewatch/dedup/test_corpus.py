"""Quality on the labelled development corpus (runs whenever ../shared is present)."""

from __future__ import annotations

import pytest

from tests.shared_data import require_shared
from wirewatch.evaluate.dedup import link_articles, load_jsonl, score


@pytest.mark.corpus
def test_corpus_meets_issue_targets() -> None:
    """Copy-pair precision >= 0.99, recall >= 0.95, originals >= 95%, no negative merged."""
    corpus = require_shared() / "corpus"
    result = score(
        link_articles(corpus / "dev-articles.jsonl"), load_jsonl(corpus / "dev-labels.jsonl")
    )
    assert result.precision >= 0.99, result.false_pairs
    assert result.recall >= 0.95, result.missed_pairs
    assert result.original_accuracy >= 0.95, result.wrong_originals
    assert result.merged_negatives == []
