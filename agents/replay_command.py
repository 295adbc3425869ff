"""`wirewatch replay`: the pipeline in-process over a file, with a summary table."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from agents.settings import WorkerSettings
from wirewatch.replay import run_replay
from wirewatch.sources import iter_jsonl_payloads, iter_payloads


def replay(path: str, out_dir: Path, console: Console) -> int:
    """Replay `path` into `out_dir` and print what was written."""
    payloads: Iterable[bytes] = (
        iter_jsonl_payloads(sys.stdin.buffer) if path == "-" else iter_payloads(Path(path))
    )
    summary = run_replay(payloads, out_dir, WorkerSettings().pipeline_settings())
    table = Table(title=f"replay of {path} → {out_dir}")
    table.add_column("output")
    table.add_column("records", justify="right")
    table.add_row("inputs", str(summary.inputs))
    for name, count in sorted(summary.written.items()):
        table.add_row(f"{name}.jsonl", str(count))
    console.print(table)
    return 0
