"""Replay: feed payloads through the same pipeline in one process, no broker, into JSONL files."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from pydantic import BaseModel

from schemas.deadletter import DeadLetter
from schemas.incident import IncidentEvent
from wirewatch.alerts import DEFAULT_RULES_PATH, FAR_FUTURE, AlertRules, load_rules
from wirewatch.dedup import LinkResult, final_story_rows
from wirewatch.gc_pause import fewer_collections
from wirewatch.pipeline import Payload, Pipeline
from wirewatch.settings import PipelineSettings
from wirewatch.state import in_memory_stores

OUTPUT_FILES = ("parsed", "deadletters", "stories", "incidents", "alerts")


@dataclass
class ReplaySummary:
    """Counts of what a replay wrote."""

    inputs: int = 0
    written: Counter[str] = field(default_factory=Counter)


class JsonlWriters:
    """One JSON Lines file per output kind in a folder."""

    def __init__(self, out_dir: Path, names: Iterable[str]) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, IO[str]] = {
            name: (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") for name in names
        }

    def write(self, name: str, model: BaseModel) -> None:
        """Append one model as a JSON line."""
        self._files[name].write(model.model_dump_json() + "\n")

    def write_row(self, name: str, row: dict[str, Any]) -> None:
        """Append one plain mapping as a JSON line."""
        self._files[name].write(json.dumps(row, ensure_ascii=False, default=str) + "\n")

    def __enter__(self) -> JsonlWriters:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for handle in self._files.values():
            handle.close()


def run_replay(
    payloads: Iterable[Payload],
    out_dir: Path,
    settings: PipelineSettings | None = None,
    alert_rules: AlertRules | None = None,
) -> ReplaySummary:
    """Run every payload through the pipeline and write the outputs into `out_dir`.

    Alerts use the default rules file unless `alert_rules` is given. The alert clock is the
    news' own time (each incident's newest report), so a replay gives the same alerts however
    fast it runs; groups still waiting at the end are flushed.
    """
    rules = alert_rules if alert_rules is not None else load_rules(DEFAULT_RULES_PATH)
    pipeline = Pipeline(settings, in_memory_stores(Pipeline.STORE_NAMES), alert_rules=rules)
    newest: dt.datetime | None = None
    summary = ReplaySummary()
    links: list[LinkResult] = []
    incidents: dict[str, IncidentEvent] = {}
    with fewer_collections(), JsonlWriters(out_dir, OUTPUT_FILES) as out:
        for payload in payloads:
            summary.inputs += 1
            result = pipeline.parse(payload)
            if isinstance(result, DeadLetter):
                out.write("deadletters", result)
                summary.written["deadletters"] += 1
                continue
            out.write("parsed", result)
            summary.written["parsed"] += 1
            reported = result.published_at or result.fetched_at
            newest = reported if newest is None else max(newest, reported)
            downstream = pipeline.downstream(result, now=newest)
            for alert in downstream.alerts:
                out.write("alerts", alert)
                summary.written["alerts"] += 1
            if downstream.link is not None:
                links.append(downstream.link)
            for event in downstream.incidents:
                incidents[event.incident_id] = event
            for letter in downstream.dead_letters:
                out.write("deadletters", letter)
                summary.written["deadletters"] += 1
        for alert in pipeline.flush_alerts(FAR_FUTURE):
            out.write("alerts", alert)
            summary.written["alerts"] += 1
        for row in final_story_rows(links):
            out.write_row("stories", row)
            summary.written["stories"] += 1
        for event in incidents.values():
            out.write("incidents", event)
            summary.written["incidents"] += 1
    return summary
