"""Parse-stage quality report: per-field accuracy against `dev-labels.jsonl`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from schemas.deadletter import DeadLetter
from schemas.parsed import ParsedArticle
from wirewatch.pipeline import Pipeline

DEFAULT_LABELS = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev-labels.jsonl"
)
FIELDS: tuple[str, ...] = ("headline", "dateline_city", "attributed_agency", "author", "published")


@dataclass
class Outcome:
    """What the parse stage produced for the labelled items."""

    parsed: dict[str, ParsedArticle] = field(default_factory=dict)
    rejected: dict[str, DeadLetter] = field(default_factory=dict)


@dataclass
class FieldScore:
    """Matches and mismatches of one field."""

    correct: int = 0
    total: int = 0
    errors: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of labelled items whose field matched (1.0 when nothing was scored)."""
        return self.correct / self.total if self.total else 1.0


def outcome_from_articles(path: Path) -> Outcome:
    """Parse a raw corpus file in-process with the same Pipeline.parse the worker calls."""
    pipeline = Pipeline()
    outcome = Outcome()
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                _record(outcome, pipeline.parse(line.rstrip(b"\n")))
    return outcome


def outcome_from_replay(directory: Path) -> Outcome:
    """Collect ParsedArticle and DeadLetter records from replay's parsed/deadletters JSONL."""
    outcome = Outcome()
    paths = sorted(directory.rglob("*.jsonl"))
    named = [path for path in paths if path.name.startswith(("parsed", "dead", "articles."))]
    for path in named or paths:
        for record in _json_lines(path):
            value = record.get("value", record) if isinstance(record, dict) else record
            for model in (ParsedArticle, DeadLetter):
                try:
                    _record(outcome, model.model_validate(value))
                    break
                except ValidationError:
                    continue
    return outcome


def score(outcome: Outcome, labels: list[dict[str, Any]]) -> dict[str, FieldScore]:
    """Compare parsed fields with the labels; malformed items must be rejected instead."""
    scores = {name: FieldScore() for name in (*FIELDS, "parsed", "rejected")}
    for label in labels:
        article_id = str(label["id"])
        if label.get("role") == "malformed":
            _tick(scores["rejected"], article_id, article_id in outcome.rejected, "rejected", "")
            continue
        parsed = outcome.parsed.get(article_id)
        rejected = outcome.rejected.get(article_id)
        _tick(
            scores["parsed"], article_id, parsed is not None, "parsed", rejected and rejected.reason
        )
        for name in FIELDS:
            expected = label.get(name)
            got = _COMPARE[name][0](parsed) if parsed is not None else None
            _tick(scores[name], article_id, _COMPARE[name][1](expected, got), expected, got)
    return scores


def run_parse_report(
    *,
    labels_path: Path,
    replay_dir: Path | None,
    articles_path: Path | None,
    show_errors: bool = False,
    min_accuracy: float = 0.0,
    console: Console | None = None,
) -> int:
    """Print the per-field accuracy table; return 1 if a field is under `min_accuracy`."""
    console = console or Console()
    labels = list(_json_lines(labels_path))
    if articles_path is not None:
        outcome = outcome_from_articles(articles_path)
    elif replay_dir is not None:
        outcome = outcome_from_replay(replay_dir)
    else:
        raise ValueError("give replay_dir or articles_path")
    scores = score(outcome, labels)
    table = Table(title=f"Parse accuracy ({len(labels)} labelled items)")
    for column in ("field", "correct", "total", "accuracy"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, result in scores.items():
        table.add_row(name, str(result.correct), str(result.total), f"{result.accuracy:.3f}")
    console.print(table)
    if show_errors:
        for name, result in scores.items():
            for article_id, expected, got in result.errors:
                console.print(f"[red]{name}[/] {article_id}: expected {expected!r}, got {got!r}")
    return 0 if all(s.accuracy >= min_accuracy for s in scores.values()) else 1


def _record(outcome: Outcome, result: ParsedArticle | DeadLetter) -> None:
    if isinstance(result, ParsedArticle):
        outcome.parsed[result.article_id] = result
    elif result.article_id:
        outcome.rejected[result.article_id] = result


def _tick(result: FieldScore, article_id: str, ok: bool, expected: Any, got: Any) -> None:
    result.total += 1
    if ok:
        result.correct += 1
    else:
        result.errors.append((article_id, expected, got))


def _json_lines(path: Path) -> Iterator[Any]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def fold_text(text: str) -> str:
    """Case-insensitive, whitespace-folded form used to compare text fields."""
    return " ".join(text.casefold().split())


def _same_text(expected: Any, got: Any) -> bool:
    return fold_text(str(expected or "")) == fold_text(str(got or "")) if expected or got else True


def _same_published(expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if len(str(expected)) == 10:
        return dt.date.fromisoformat(str(expected)) == dt.datetime.fromisoformat(str(got)).date()
    want = dt.datetime.fromisoformat(str(expected).replace("Z", "+00:00"))
    return want == dt.datetime.fromisoformat(str(got))


def _published(parsed: ParsedArticle) -> str | None:
    return parsed.published_at.isoformat() if parsed.published_at else None


_COMPARE: dict[str, tuple[Callable[[ParsedArticle], Any], Callable[[Any, Any], bool]]] = {
    "headline": (lambda p: p.headline, _same_text),
    "dateline_city": (lambda p: p.dateline.city if p.dateline else None, _same_text),
    "attributed_agency": (lambda p: p.attributed_agency, _same_text),
    "author": (lambda p: p.author, _same_text),
    "published": (_published, _same_published),
}
