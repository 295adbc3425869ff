"""`python -m wirewatch.evaluate incidents`: incident recall, clustering F1, negative rate."""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schemas.parsed import ParsedArticle
from wirewatch.dedup.linker import Linker
from wirewatch.incidents.gazetteer import fold
from wirewatch.incidents.settings import IncidentSettings
from wirewatch.incidents.tracker import IncidentTracker
from wirewatch.pipeline import Pipeline
from wirewatch.state import in_memory_stores

TARGET_RECALL = 0.9
TARGET_PAIR_F1 = 0.9
TARGET_NEGATIVE_RATE = 0.05


@dataclass(slots=True)
class IncidentScore:
    """Figures of one evaluation run, with the offending ids."""

    labelled: int = 0
    hits: int = 0
    mentions: int = 0
    mention_hits: int = 0
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    negatives: int = 0
    negatives_with_incident: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_pairs: list[tuple[str, str]] = field(default_factory=list)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Labelled incidents found with the right type, city, country and date."""
        return self.hits / self.labelled if self.labelled else 1.0

    @property
    def mention_recall(self) -> float:
        """(article, incident) label pairs whose article sits in a correct incident."""
        return self.mention_hits / self.mentions if self.mentions else 1.0

    @property
    def pair_f1(self) -> float:
        """Pairwise F1 over article pairs that share an incident."""
        if not self.predicted_pairs or not self.true_pairs:
            return 0.0
        precision = self.correct_pairs / self.predicted_pairs
        recall = self.correct_pairs / self.true_pairs
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def negative_rate(self) -> float:
        """Share of incident-free negatives that produced an incident."""
        return len(self.negatives_with_incident) / self.negatives if self.negatives else 0.0

    def meets_targets(self) -> bool:
        """True when every issue-5 target is met."""
        return (
            self.recall >= TARGET_RECALL
            and self.pair_f1 >= TARGET_PAIR_F1
            and self.negative_rate <= TARGET_NEGATIVE_RATE
        )


def _city_matches(predicted: str | None, labelled: str) -> bool:
    if predicted is None:
        return False
    left, right = fold(predicted), fold(labelled)
    return left == right or left.startswith(right + " ") or right.startswith(left + " ")


def _correct(incident: dict[str, Any], label: dict[str, Any]) -> bool:
    date = incident.get("event_date") or {}
    location = incident["location"]
    return (
        incident["type"] == label["type"]
        and _city_matches(location.get("city"), label["city"])
        and location["country"] == label["country_iso2"]
        and str(date.get("value", ""))[: len(label["event_date"])] == label["event_date"]
        and len(str(date.get("value", ""))) >= len(label["event_date"])
    )


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(set(group)), 2)}


def score(incidents: Sequence[dict[str, Any]], labels: Sequence[dict[str, Any]]) -> IncidentScore:
    """Compare final incident states with the labels."""
    result = IncidentScore()
    by_article: dict[str, list[dict[str, Any]]] = {}
    for incident in incidents:
        for article_id in incident["article_ids"]:
            by_article.setdefault(article_id, []).append(incident)
    gold: dict[str, list[str]] = {}
    gold_facts: dict[str, dict[str, Any]] = {}
    for label in labels:
        for item in label["incidents"]:
            gold.setdefault(item["incident"], []).append(label["id"])
            gold_facts.setdefault(item["incident"], item)
            result.mentions += 1
            if any(_correct(i, item) for i in by_article.get(label["id"], [])):
                result.mention_hits += 1
        if label["role"] == "negative" and not label["incidents"]:
            result.negatives += 1
            if by_article.get(label["id"]):
                result.negatives_with_incident.append(label["id"])
    for name, articles in gold.items():
        result.labelled += 1
        found = any(_correct(i, gold_facts[name]) for a in articles for i in by_article.get(a, []))
        result.hits += found
        if not found:
            result.missed.append(name)
    true_pairs = _pairs(gold.values())
    predicted = _pairs(i["article_ids"] for i in incidents)
    result.true_pairs, result.predicted_pairs = len(true_pairs), len(predicted)
    result.correct_pairs = len(true_pairs & predicted)
    result.false_pairs = sorted(predicted - true_pairs)
    result.missed_pairs = sorted(true_pairs - predicted)
    return result


def track_articles(
    articles_path: Path, settings: IncidentSettings | None = None
) -> list[dict[str, Any]]:
    """Parse, link and track every article in stream order; return the final incident states."""
    pipeline = Pipeline()
    linker = Linker(None, in_memory_stores(Linker.STORE_NAMES))
    tracker = IncidentTracker(
        settings or IncidentSettings(), in_memory_stores(IncidentTracker.STORE_NAMES)
    )
    final: dict[str, dict[str, Any]] = {}
    with articles_path.open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            parsed = pipeline.parse(line)
            if not isinstance(parsed, ParsedArticle):
                continue
            link = linker.link(parsed)
            paragraphs = link.forward.paragraphs if link.forward is not None else []
            role = link.decision.value
            for event in tracker.observe(
                parsed, story_id=link.story_id, role=role, paragraphs=paragraphs
            ):
                final[event.incident_id] = event.model_dump(mode="json")
    return list(final.values())


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read one JSON object per non-empty line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def report(result: IncidentScore) -> str:
    """Human-readable figures, with the offending ids."""
    lines = [
        f"incident recall: {result.recall:.3f} ({result.hits}/{result.labelled}); "
        f"mention recall {result.mention_recall:.3f} ({result.mention_hits}/{result.mentions})",
        f"clustering pairwise F1: {result.pair_f1:.3f} (correct {result.correct_pairs}, "
        f"predicted {result.predicted_pairs}, labelled {result.true_pairs})",
        f"negatives producing an incident: {result.negative_rate:.3f} "
        f"({len(result.negatives_with_incident)}/{result.negatives})"
        + (f" {result.negatives_with_incident}" if result.negatives_with_incident else ""),
    ]
    if result.missed:
        lines.append(f"missed incidents: {result.missed}")
    if result.false_pairs:
        lines.append(f"false pairs: {result.false_pairs}")
    if result.missed_pairs:
        lines.append(f"missed pairs: {result.missed_pairs}")
    lines.append("targets met" if result.meets_targets() else "TARGETS NOT MET")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the `incidents` subcommand."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--replay-dir", type=Path, help="folder holding replay's incidents.jsonl")
    source.add_argument("--articles", type=Path, help="raw articles JSONL, run here in-process")
    parser.add_argument("--labels", type=Path, default=None, help="labels JSONL")
    parser.add_argument("--dump", type=Path, default=None, help="write final incidents here")


def run(args: argparse.Namespace) -> int:
    """Execute the `incidents` subcommand; exit status 1 when a target is missed."""
    if args.articles is not None:
        incidents = track_articles(args.articles)
        default_labels = args.articles.with_name("dev-labels.jsonl")
    else:
        incidents = load_jsonl(args.replay_dir / "incidents.jsonl")
        default_labels = Path(__file__).resolve().parents[2] / ".." / "shared/corpus"
        default_labels = default_labels / "dev-labels.jsonl"
    if args.dump is not None:
        args.dump.write_text("".join(json.dumps(i) + "\n" for i in incidents), encoding="utf-8")
    result = score(incidents, load_jsonl(args.labels or default_labels))
    print(report(result))
    return 0 if result.meets_targets() else 1
