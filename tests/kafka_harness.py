"""Real-Kafka test harness: the broker via deploy/kafka/kafkactl.py, workers as subprocesses.

No mocks: every integration test talks to a real Apache Kafka broker and a real Faust worker
with RocksDB tables.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from agents.demo import free_port

REPO_ROOT = Path(__file__).resolve().parents[1]
KAFKACTL = REPO_ROOT / "deploy" / "kafka" / "kafkactl.py"


@dataclass
class Broker:
    """A running single-node broker."""

    bootstrap: str
    data_dir: Path
    port: int
    controller_port: int

    def stop(self) -> None:
        """Stop the broker process (its data stays)."""
        subprocess.run(
            [sys.executable, str(KAFKACTL), "stop", "--data-dir", str(self.data_dir)],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        """Start (or restart) the broker on the same ports and data."""
        subprocess.run(
            [
                sys.executable,
                str(KAFKACTL),
                "start",
                "--data-dir",
                str(self.data_dir),
                "--port",
                str(self.port),
                "--controller-port",
                str(self.controller_port),
            ],
            check=True,
        )


def start_broker(data_dir: Path) -> Broker:
    """Start a fresh broker on free ports."""
    broker = Broker(f"127.0.0.1:{(port := free_port())}", data_dir, port, free_port())
    broker.start()
    return broker


@dataclass
class Worker:
    """A `wirewatch worker` subprocess."""

    env: dict[str, str]
    workdir: Path
    web_port: int
    process: subprocess.Popen[bytes] | None = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log_path = self.workdir / f"worker-{self.web_port}.log"

    def start(self) -> None:
        """Launch the worker and wait until its web port answers."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "agents.cli", "worker", "-l", "info"],
            cwd=self.workdir,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                self.get("/healthz")
                return
            time.sleep(0.3)
        raise RuntimeError(f"worker web port never answered:\n{self.log_tail()}")

    def get(self, path: str) -> str:
        """GET a path on the worker's web port."""
        url = f"http://127.0.0.1:{self.web_port}{path}"
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode())

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the worker's log."""
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def cpu_seconds(self) -> float:
        """User + system CPU time of the worker's main (event-loop) thread so far (Linux /proc).

        The event loop runs every agent and is the serial part of the worker; the consumer's
        fetch thread runs beside it on the other core.
        """
        if self.process is None:
            return 0.0
        pid = self.process.pid
        stat = Path(f"/proc/{pid}/task/{pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_for_log(self, text: str, timeout: float = 60) -> None:
        """Wait until the worker's log contains `text` (for example its first assignment)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.log_path.exists() and text in self.log_path.read_text(errors="replace"):
                return
            time.sleep(0.2)
        raise AssertionError(f"worker log never showed {text!r}:\n{self.log_tail()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the worker's process group and reap it."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Graceful stop (SIGTERM), falling back to SIGKILL."""
        self.kill(signal.SIGTERM)


def worker_env(
    bootstrap: str, app_id: str, prefix: str, data_dir: Path, web_port: int, **extra: str
) -> dict[str, str]:
    """Environment for a worker isolated by app id, topic prefix and data folder."""
    env = dict(os.environ)
    env.update(
        {
            "WIREWATCH_BROKER": f"kafka://{bootstrap}",
            "WIREWATCH_APP_ID": app_id,
            "WIREWATCH_TOPIC_PREFIX": prefix,
            "WIREWATCH_DATA_DIR": str(data_dir),
            "WIREWATCH_WEB_PORT": str(web_port),
            "WIREWATCH_LOG_FORMAT": "json",
            "WIREWATCH_SESSION_TIMEOUT_SECONDS": "10",
            "PYTHONPATH": str(REPO_ROOT),
        }
    )
    env.update(extra)
    return env


async def produce(
    bootstrap: str, topic: str, payloads: list[bytes], keys: list[bytes | None] | None = None
) -> None:
    """Produce payloads and wait for every ack."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", max_request_size=8 * 1024 * 1024
    )
    await producer.start()
    try:
        futures = [
            await producer.send(topic, value, key=(keys[i] if keys else None))
            for i, value in enumerate(payloads)
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def consume_until(
    bootstrap: str,
    topics: list[str],
    done: Callable[[dict[str, list[dict[str, Any]]]], bool],
    timeout: float,
) -> dict[str, list[dict[str, Any]]]:
    """Read JSON records from the start of `topics` until `done(records)` or the timeout."""
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    records: dict[str, list[dict[str, Any]]] = {topic: [] for topic in topics}
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done(records):
            batch = await consumer.getmany(timeout_ms=500)
            for tp, messages in batch.items():
                records[tp.topic].extend(json.loads(m.value) for m in messages)
    finally:
        await consumer.stop()
    return records


def run(coro: Any) -> Any:
    """Run a coroutine from synchronous test code."""
    return asyncio.run(coro)


def iter_lines(path: Path) -> Iterator[bytes]:
    """Non-blank lines of a JSONL file."""
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                yield line.strip()
