"""Replay: feed payloads through the same pipeline in one process, no broker, into JSONL files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from pydantic import BaseModel

from schemas.deadletter import DeadLetter
from wirewatch.pipeline import Payload, Pipeline
from wirewatch.settings import PipelineSettings
from wirewatch.state import in_memory_stores

OUTPUT_FILES = ("parsed", "deadletters")


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
    payloads: Iterable[Payload], out_dir: Path, settings: PipelineSettings | None = None
) -> ReplaySummary:
    """Run every payload through the pipeline and write the outputs into `out_dir`."""
    pipeline = Pipeline(settings, in_memory_stores(Pipeline.STORE_NAMES))
    summary = ReplaySummary()
    with JsonlWriters(out_dir, OUTPUT_FILES) as out:
        for payload in payloads:
            summary.inputs += 1
            result = pipeline.parse(payload)
            if isinstance(result, DeadLetter):
                out.write("deadletters", result)
                summary.written["deadletters"] += 1
                continue
            out.write("parsed", result)
            summary.written["parsed"] += 1
            downstream = pipeline.downstream(result)
            for letter in downstream.dead_letters:
                out.write("deadletters", letter)
                summary.written["deadletters"] += 1
    return summary
