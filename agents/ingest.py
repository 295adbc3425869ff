"""`wirewatch ingest`: produce RawArticle payloads to articles.raw, with a progress bar."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from pathlib import Path

from aiokafka import AIOKafkaProducer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from agents.settings import WorkerSettings
from agents.topics import RAW
from wirewatch.deadletters import payload_article_id
from wirewatch.sources import count_payloads, iter_jsonl_payloads, iter_payloads


async def produce(
    payloads: Iterable[bytes], settings: WorkerSettings, total: int | None, quiet: bool = False
) -> int:
    """Send each payload, keyed by its article id when it has one; return how many were sent."""
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_request_size=8 * 1024 * 1024,
    )
    topic = RAW.full_name(settings)
    sent = 0
    await producer.start()
    try:
        with Progress(
            TextColumn("[bold]ingest[/] → " + topic),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            disable=quiet,
        ) as progress:
            task = progress.add_task("ingest", total=total)
            pending = []
            for payload in payloads:
                article_id = payload_article_id(payload)
                key = article_id.encode() if article_id else None
                pending.append(await producer.send(topic, payload, key=key))
                sent += 1
                progress.advance(task)
            await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent


def ingest(path: str, settings: WorkerSettings | None = None, quiet: bool = False) -> int:
    """Ingest a .jsonl file, a folder of .txt/.html files, or `-` for stdin."""
    settings = settings or WorkerSettings()
    if path == "-":
        return asyncio.run(produce(iter_jsonl_payloads(sys.stdin.buffer), settings, None, quiet))
    source = Path(path)
    total = count_payloads(source)
    return asyncio.run(produce(iter_payloads(source), settings, total, quiet))
