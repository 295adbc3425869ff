"""Score pipeline outputs against generated ground truth: copy links and incident grouping."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    """Precision and recall of a set of predicted pairs against the true ones."""

    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        """Share of predicted pairs that are true (1.0 when nothing was predicted)."""
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of true pairs that were predicted (1.0 when none were expected)."""
        return self.true_positives / self.expected if self.expected else 1.0


def expected_copy_links(labels: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """article id -> original id, for every copy and update in the labels."""
    return {
        label["id"]: label["original_id"]
        for label in labels
        if label["role"] in ("copy", "update") and label["original_id"]
    }


def predicted_copy_links(story_rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """article id -> original id for every article linked to another one (replay's rows)."""
    return {
        row["article_id"]: row["original_id"]
        for row in story_rows
        if row["original_id"] and row["original_id"] != row["article_id"]
    }


def score_links(expected: Mapping[str, str], predicted: Mapping[str, str]) -> Score:
    """Exact (article, original) pair agreement."""
    hits = sum(1 for article, original in predicted.items() if expected.get(article) == original)
    return Score(hits, len(predicted), len(expected))


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        members = sorted(set(group))
        pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return pairs


def score_incident_pairs(
    labels: Iterable[Mapping[str, Any]], incidents: Iterable[Mapping[str, Any]]
) -> Score:
    """Pairwise agreement of "these two articles report the same incident"."""
    truth: dict[str, list[str]] = defaultdict(list)
    for label in labels:
        if label.get("incident"):
            truth[label["incident"]].append(label["id"])
    expected = _pairs(truth.values())
    predicted = _pairs(event["article_ids"] for event in incidents)
    return Score(len(expected & predicted), len(predicted), len(expected))
