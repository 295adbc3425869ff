"""`wirewatch demo`: a local Kafka, a worker, the sample articles, and the outcomes shown live."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer
from rich.console import Console
from rich.panel import Panel

from agents.demo_render import render_record
from agents.ingest import ingest
from agents.settings import WorkerSettings
from agents.topics import ALL_TOPICS, RAW, TICKS
from wirewatch.sources import count_payloads

REPO_ROOT = Path(__file__).resolve().parents[1]
KAFKACTL = REPO_ROOT / "deploy" / "kafka" / "kafkactl.py"
DEFAULT_ARTICLES = REPO_ROOT / "examples" / "articles.jsonl"
QUIET_SECONDS = 6.0
DEMO_SECRET = "demo-only-shared-secret"  # a fixed secret for the local demo only


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoStack:
    """The broker and the worker the demo starts, and stops again."""

    def __init__(self, workdir: Path, console: Console) -> None:
        self.workdir = workdir
        self.console = console
        self.kafka_dir = workdir / "kafka"
        self.port = free_port()
        self.web_port = free_port()
        self.worker: subprocess.Popen[bytes] | None = None
        self.receiver: subprocess.Popen[bytes] | None = None
        self.receiver_port = free_port()
        self.received_log = workdir / "webhook-received.jsonl"
        self.settings = WorkerSettings(
            broker=f"kafka://127.0.0.1:{self.port}",
            app_id="wirewatch-demo",
            data_dir=workdir / "worker",
            web_port=self.web_port,
        )

    def start(self) -> None:
        """Start Kafka and the worker from fresh data, and wait for the worker's web port."""
        shutil.rmtree(self.settings.data_dir, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(KAFKACTL), "stop", "--data-dir", str(self.kafka_dir), "--wipe"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                sys.executable,
                str(KAFKACTL),
                "start",
                "--data-dir",
                str(self.kafka_dir),
                "--port",
                str(self.port),
                "--controller-port",
                str(free_port()),
            ],
            check=True,
        )
        env = {
            **os.environ,
            "WIREWATCH_BROKER": self.settings.broker,
            "WIREWATCH_APP_ID": "wirewatch-demo",
            "WIREWATCH_DATA_DIR": str(self.settings.data_dir),
            "WIREWATCH_WEB_PORT": str(self.web_port),
            "WIREWATCH_LOG_FORMAT": "json",
            # The samples span 2021-2023 and arrive in one burst over several partitions;
            # a ten-year window keeps every sample linkable whatever order they land in.
            "WIREWATCH_DEDUP__RETENTION_DAYS": "3650",
            # The default rules' security-desk subscriber posts to the sample receiver.
            "WIREWATCH_SECURITY_DESK_URL": f"http://127.0.0.1:{self.receiver_port}/alerts",
            "WIREWATCH_SECURITY_DESK_SECRET": DEMO_SECRET,
        }
        self.received_log.unlink(missing_ok=True)
        self.receiver = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "agents.cli",
                "alerts",
                "receive",
                "--port",
                str(self.receiver_port),
                "--secret-env",
                "WIREWATCH_SECURITY_DESK_SECRET",
                "--log",
                str(self.received_log),
            ],
            env=env,
            stdout=(self.workdir / "receiver.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=REPO_ROOT,
        )
        log = (self.workdir / "worker.log").open("wb")
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "agents.cli", "worker", "-l", "warn"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=REPO_ROOT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.worker.poll() is not None:
                raise RuntimeError(f"worker exited; see {self.workdir / 'worker.log'}")
            try:
                self.metrics()
                break
            except OSError:
                time.sleep(0.3)
        self.console.print(
            f"[green]worker up[/]: /metrics at http://127.0.0.1:{self.web_port}/metrics"
        )

    def metrics(self) -> str:
        """Scrape the worker's /metrics."""
        url = f"http://127.0.0.1:{self.web_port}/metrics"
        with urllib.request.urlopen(url, timeout=3) as response:
            return str(response.read().decode())

    def stop(self) -> None:
        """Stop the worker, then the broker; nothing is left running."""
        if self.worker is not None and self.worker.poll() is None:
            os.killpg(self.worker.pid, signal.SIGTERM)
            try:
                self.worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.worker.pid, signal.SIGKILL)
                self.worker.wait()
        if self.receiver is not None and self.receiver.poll() is None:
            os.killpg(self.receiver.pid, signal.SIGTERM)
            self.receiver.wait(timeout=10)
        subprocess.run(
            [sys.executable, str(KAFKACTL), "stop", "--data-dir", str(self.kafka_dir)],
            check=False,
            capture_output=True,
        )
        self.console.print("[green]stopped[/] worker, receiver and Kafka")


async def watch_outputs(
    settings: WorkerSettings,
    console: Console,
    expected_inputs: int,
    keep_running: bool,
    scrape: Callable[[], str],
) -> dict[str, int]:
    """Print every output record as it arrives; return counts per topic."""
    names = [spec.full_name(settings) for spec in ALL_TOPICS if spec not in (RAW, TICKS)]
    consumer = AIOKafkaConsumer(
        *names,
        bootstrap_servers=settings.bootstrap_servers,
        auto_offset_reset="earliest",
        group_id=None,
    )
    counts = dict.fromkeys(names, 0)
    accounted: set[str] = set()
    await consumer.start()
    last_record = time.monotonic()
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=500)
            for tp, messages in batch.items():
                for message in messages:
                    record: dict[str, Any] = json.loads(message.value)
                    counts[tp.topic] += 1
                    last_record = time.monotonic()
                    spec_name = tp.topic.removeprefix(settings.topic_prefix)
                    if spec_name in ("articles.parsed", "articles.deadletter"):
                        accounted.add(str(record.get("article_id")))
                    console.print(render_record(spec_name, record))
            quiet = time.monotonic() - last_record > QUIET_SECONDS
            if not keep_running and len(accounted) >= expected_inputs and quiet:
                break
            if not keep_running and time.monotonic() - last_record > 60:
                console.print("[red]no output for 60 s; stopping[/]")
                break
    finally:
        await consumer.stop()
    lines = [line for line in scrape().splitlines() if line.startswith("wirewatch_")]
    console.print(Panel("\n".join(lines[:30]), title="/metrics (wirewatch_*)"))
    return counts


def show_webhook_receipts(log: Path, console: Console) -> None:
    """Print what the sample receiver accepted, with its signature check."""
    lines = log.read_text().splitlines() if log.exists() else []
    console.print(
        Panel(
            "\n".join(line[:160] for line in lines) or "no webhook deliveries yet",
            title=f"sample webhook receiver: {len(lines)} signed deliveries",
        )
    )


def run_demo(keep_running: bool = False, articles: Path | None = None) -> int:
    """Run the whole demo and shut everything down (or wait for Ctrl-C with keep_running)."""
    console = Console()
    source = articles or DEFAULT_ARTICLES
    stack = DemoStack(REPO_ROOT / "var" / "demo", console)
    stack.workdir.mkdir(parents=True, exist_ok=True)
    try:
        stack.start()
        total = count_payloads(source)
        sent = ingest(str(source), stack.settings, quiet=True)
        console.print(f"[bold]ingested {sent} articles[/] from {source}")
        counts = asyncio.run(
            watch_outputs(stack.settings, console, total, keep_running, stack.metrics)
        )
        console.print({k: v for k, v in counts.items() if v})
        show_webhook_receipts(stack.received_log, console)
    except KeyboardInterrupt:
        console.print("interrupted")
    finally:
        stack.stop()
    return 0
