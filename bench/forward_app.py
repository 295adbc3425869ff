"""The ceiling: a forward-only Faust agent with wirewatch's settings (rocksdb, at_least_once,
the same producer linger and batch size).

Run by bench/run_all.py as `python bench/forward_app.py worker`; BENCH_BROKER, BENCH_PREFIX,
BENCH_DATA_DIR and BENCH_WEB_PORT come from the environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import faust

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from agents.settings import WorkerSettings

WIREWATCH = WorkerSettings()  # the same producer tuning as the wirewatch worker

PREFIX = os.environ.get("BENCH_PREFIX", "bench-")
app = faust.App(
    f"{PREFIX}forward",
    broker=os.environ.get("BENCH_BROKER", "kafka://127.0.0.1:9092"),
    store="rocksdb://",
    datadir=os.environ.get("BENCH_DATA_DIR", "var/bench-forward"),
    processing_guarantee="at_least_once",
    autodiscover=False,
    web_port=int(os.environ.get("BENCH_WEB_PORT", "6099")),
    web_host="127.0.0.1",
    web_bind="127.0.0.1",
    topic_partitions=4,
    producer_acks=-1,
    producer_linger=WIREWATCH.producer_linger_ms / 1000.0,
    producer_max_batch_size=WIREWATCH.producer_max_batch_bytes,
    consumer_auto_offset_reset="earliest",
)
source = app.topic(f"{PREFIX}in", value_serializer="raw", key_serializer="raw", partitions=4)
sink = app.topic(f"{PREFIX}out", value_serializer="raw", key_serializer="raw", partitions=4)


@app.agent(source)
async def forward(stream: Any) -> None:
    """Send every message on unchanged."""
    async for key, value in stream.items():
        await sink.send(key=key, value=value)


if __name__ == "__main__":
    app.main()
