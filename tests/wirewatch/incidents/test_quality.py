"""Issue-5 targets on the development corpus, through parse, link and track."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.shared_data import require_shared
from wirewatch.evaluate.__main__ import main
from wirewatch.evaluate.incidents import load_jsonl, score, track_articles

LABEL = {
    "incident": "i1",
    "type": "vandalism",
    "city": "Oslo",
    "country_iso2": "NO",
    "event_date": "2022-05-03",
}


@pytest.mark.corpus
def test_dev_corpus_meets_targets() -> None:
    """Recall >= 0.9, pairwise F1 >= 0.9 and <= 5% of negatives with an incident."""
    corpus = require_shared() / "corpus"
    incidents = track_articles(corpus / "dev-articles.jsonl")
    result = score(incidents, load_jsonl(corpus / "dev-labels.jsonl"))
    assert result.recall >= 0.9, result.missed
    assert result.pair_f1 >= 0.9, (result.false_pairs, result.missed_pairs)
    assert result.negative_rate <= 0.05, result.negatives_with_incident


def test_score_counts_pairs_and_hits() -> None:
    """A perfect prediction scores 1.0 everywhere."""
    labels = [
        {"id": a, "role": "independent", "incidents": [dict(LABEL)]} for a in ("x1", "x2")
    ] + [{"id": "n1", "role": "negative", "incidents": []}]
    incidents = [
        {
            "type": "vandalism",
            "location": {"city": "Oslo", "country": "NO"},
            "event_date": {"value": "2022-05-03", "precision": "day"},
            "article_ids": ["x1", "x2"],
        }
    ]
    result = score(incidents, labels)
    assert (result.recall, result.pair_f1, result.negative_rate) == (1.0, 1.0, 0.0)


def test_replay_dir_report_reads_incidents_jsonl(tmp_path: Path) -> None:
    """`evaluate incidents --replay-dir` scores DIR/incidents.jsonl against the labels."""
    incident = {
        "type": "vandalism",
        "location": {"city": "Oslo", "country": "NO"},
        "event_date": {"value": "2022-05-03", "precision": "day"},
        "article_ids": ["x1", "x2"],
    }
    (tmp_path / "incidents.jsonl").write_text(json.dumps(incident) + "\n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    rows = [{"id": a, "role": "independent", "incidents": [LABEL]} for a in ("x1", "x2")]
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    status = main(["incidents", "--replay-dir", str(tmp_path), "--labels", str(labels)])
    assert status == 0
