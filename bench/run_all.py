"""One command, one broker, every figure: `python bench/run_all.py [--quick]`.

Starts its own Kafka broker (deploy/kafka/kafkactl.py, free ports), then measures
(1) the forward-only Faust ceiling, (2) wirewatch end to end and its ratio to (1),
(3) p50/p99 end-to-end latency at half the measured rate, (4) replay in one process and
(5) per-stage time from cProfile over replay. Stops the broker at the end. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer  # noqa: E402 - after sys.path

from tests.kafka_harness import free_port  # noqa: E402
from wirewatch.generate import GeneratorSettings, generate  # noqa: E402
from wirewatch.replay import run_replay  # noqa: E402

KAFKACTL = ROOT / "deploy" / "kafka" / "kafkactl.py"


def payloads(count: int, seed: int, prefix: str) -> list[tuple[str, bytes]]:
    """(id, raw JSON) of generated articles."""
    items = generate(count, GeneratorSettings(seed=seed, id_prefix=prefix))
    return [(i.article["id"], json.dumps(i.article).encode()) for i in items]


async def produce(bootstrap: str, topic: str, messages: list[tuple[str, bytes]]) -> float:
    """Produce everything as fast as possible; returns the wall time of the first send."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    await producer.start()
    began = time.time()
    try:
        futures = [await producer.send(topic, v, key=k.encode()) for k, v in messages]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return began


async def produce_paced(
    bootstrap: str, topic: str, messages: list[tuple[str, bytes]], rate: float
) -> dict[str, float]:
    """Produce at `rate` per second with fetched_at = now; returns the send time per id."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    await producer.start()
    sent: dict[str, float] = {}
    began = time.monotonic()
    try:
        for index, (key, value) in enumerate(messages):
            delay = began + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            article = json.loads(value)
            sent[key] = time.time()
            article["fetched_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(sent[key]))
            await producer.send(topic, json.dumps(article).encode(), key=key.encode())
        await producer.flush()
    finally:
        await producer.stop()
    return sent


async def collect(
    bootstrap: str, topic: str, want: int, timeout: float, field: str | None = None
) -> list[tuple[int, Any]]:
    """(broker timestamp ms, value or value[field]) of records until `want` distinct keys."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    out: list[tuple[int, Any]] = []
    seen: set[Any] = set()
    try:
        deadline = time.monotonic() + timeout
        while len(seen) < want and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500, max_records=10_000)
            for messages in batch.values():
                for m in messages:
                    value = json.loads(m.value)[field] if field else m.key
                    out.append((m.timestamp, value))
                    seen.add(value)
    finally:
        await consumer.stop()
    return out


class Process:
    """A worker subprocess with its log in a file."""

    def __init__(self, args: list[str], env: dict[str, str], workdir: Path) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.log = (workdir / "worker.log").open("ab")
        self.proc = subprocess.Popen(
            args, cwd=workdir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def stop(self) -> None:
        """SIGTERM its process group, then SIGKILL."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


def ceiling(bootstrap: str, work: Path, count: int) -> float:
    """Messages per second through the forward-only agent (same article payloads)."""
    env = dict(os.environ, BENCH_BROKER=f"kafka://{bootstrap}", BENCH_PREFIX="ceil-",
               BENCH_DATA_DIR=str(work / "fwd"), BENCH_WEB_PORT=str(free_port()))  # fmt: skip
    proc = Process([sys.executable, str(ROOT / "bench" / "forward_app.py"), "worker", "-l",
                    "warn"], env, work / "fwd")  # fmt: skip
    try:
        messages = payloads(count, 101, "ceil")
        asyncio.run(produce(bootstrap, "ceil-in", messages[:50]))  # warm-up + topic creation
        asyncio.run(collect(bootstrap, "ceil-out", 50, 90))
        asyncio.run(produce(bootstrap, "ceil-in", messages[50:]))
        records = asyncio.run(collect(bootstrap, "ceil-out", count, 300))
        stamps = sorted(ts for ts, key in records if not key.startswith(b"ceil-101-00000"))
        stamps = stamps[-(count - 50) :]
        return (len(stamps) - 1) / ((stamps[-1] - stamps[0]) / 1000)
    finally:
        proc.stop()


def wirewatch_env(bootstrap: str, work: Path, prefix: str) -> dict[str, str]:
    """A worker's environment, isolated by app id and topic prefix."""
    return dict(
        os.environ,
        WIREWATCH_BROKER=f"kafka://{bootstrap}",
        WIREWATCH_APP_ID=f"{prefix}app",
        WIREWATCH_TOPIC_PREFIX=prefix,
        WIREWATCH_DATA_DIR=str(work / prefix / "data"),
        WIREWATCH_WEB_PORT=str(free_port()),
        WIREWATCH_LOG_FORMAT="json",
        WIREWATCH_LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )


def end_to_end(bootstrap: str, work: Path, count: int, seconds: float) -> dict[str, float]:
    """Max articles/s raw -> stories, then latency at half that rate."""
    prefix = "e2e-"
    worker = Process([sys.executable, "-m", "agents.cli", "worker", "-l", "warn"],
                     wirewatch_env(bootstrap, work, prefix), work / prefix)  # fmt: skip
    try:
        warm = payloads(30, 201, "warm")
        asyncio.run(produce(bootstrap, f"{prefix}articles.raw", warm))
        asyncio.run(collect(bootstrap, f"{prefix}stories", 25, 120, "article_id"))
        batch = [p for p in payloads(count, 202, "max") if b'"body"' in p[1]]
        began = asyncio.run(produce(bootstrap, f"{prefix}articles.raw", batch))
        records = asyncio.run(collect(bootstrap, f"{prefix}stories", 1 << 30, 0.1, "article_id"))
        done = len(records)
        deadline = time.monotonic() + 600
        ids = {k for k, _ in batch}
        last = 0.0
        while time.monotonic() < deadline:
            records = asyncio.run(collect(bootstrap, f"{prefix}stories", 1 << 30, 3, "article_id"))
            got = {a for _, a in records} & ids
            last = max((ts for ts, a in records if a in ids), default=0) / 1000
            if len(got) >= len(ids) - 20 or len(records) == done:  # malformed never reach links
                break
            done = len(records)
        rate = len(got) / (last - began)
        paced = payloads(int(rate * 0.5 * seconds), 203, "lat")
        paced = [p for p in paced if b'"body"' in p[1]]
        sent = asyncio.run(produce_paced(bootstrap, f"{prefix}articles.raw", paced, rate * 0.5))
        time.sleep(5)
        records = asyncio.run(collect(bootstrap, f"{prefix}stories", 1 << 30, 60, "article_id"))
        arrivals: dict[str, int] = {}
        for ts, article in records:
            if article in sent:
                arrivals.setdefault(article, ts)
        latencies = sorted(arrivals[a] / 1000 - sent[a] for a in arrivals)
        q = statistics.quantiles(latencies, n=100)
        return {"rate": rate, "p50": q[49], "p99": q[98], "latency_n": len(latencies)}
    finally:
        worker.stop()


def replay_and_profile(work: Path, count: int) -> tuple[float, dict[str, float], str]:
    """Replay articles/s in one process, and cumulative seconds per stage under cProfile."""
    items = [p for _, p in payloads(count, 301, "rep")]
    run_replay(items[:200], work / "replay-warm")
    began = time.perf_counter()
    run_replay(items, work / "replay")
    rate = len(items) / (time.perf_counter() - began)
    profiler = cProfile.Profile()
    profiler.runcall(run_replay, items, work / "replay-prof")
    stats = pstats.Stats(profiler)
    stages = {
        "parse": ("pipeline.py", "parse"),
        "link": ("linker.py", "link"),
        "incidents": ("tracker.py", "observe"),
        "total": ("replay.py", "run_replay"),
    }
    out: dict[str, float] = {}
    for stage, (file, func) in stages.items():
        out[stage] = sum(
            v[3] for (f, _, n), v in stats.stats.items()  # type: ignore[attr-defined]
            if f.endswith(file) and n == func
        )  # fmt: skip
    lines = []
    stats.sort_stats("tottime")
    for (f, line, n), v in sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:12]:  # type: ignore[attr-defined]
        lines.append(f"  {v[2]:7.2f}s self  {v[3]:7.2f}s cum  {Path(f).name}:{line} {n}")
    return rate, out, "\n".join(lines)


def main() -> int:
    """Run everything and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ceiling-messages", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    parser.add_argument("--replay-articles", type=int, default=3000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    port, controller = free_port(), free_port()
    data = work / "kafka"
    subprocess.run([sys.executable, str(KAFKACTL), "start", "--data-dir", str(data), "--port",
                    str(port), "--controller-port", str(controller)], check=True)  # fmt: skip
    bootstrap = f"127.0.0.1:{port}"
    try:
        t0 = time.monotonic()
        ceil = ceiling(bootstrap, work, args.ceiling_messages)
        print(f"(1) ceiling, forward-only Faust agent: {ceil:,.0f} messages/s", flush=True)
        e2e = end_to_end(bootstrap, work, args.articles, args.latency_seconds)
        print(f"(2) wirewatch end to end: {e2e['rate']:,.1f} articles/s; "
              f"ratio to ceiling {e2e['rate'] / ceil:.3f} (target >= 0.3)", flush=True)  # fmt: skip
        print(f"(3) latency at {e2e['rate'] / 2:,.1f} articles/s (50%), n={e2e['latency_n']:.0f}: "
              f"p50 {e2e['p50'] * 1000:,.0f} ms, p99 {e2e['p99'] * 1000:,.0f} ms "
              "(target p99 < 500 ms)", flush=True)  # fmt: skip
        rate, stages, top = replay_and_profile(work, args.replay_articles)
        print(f"(4) replay, one process: {rate:,.0f} articles/s (target >= 1,500)")
        total = stages["total"] or 1.0
        print("(5) time per stage under cProfile (cumulative, share of replay):")
        for stage in ("parse", "link", "incidents"):
            print(f"  {stage:<10}{stages[stage]:7.2f}s  {stages[stage] / total:6.1%}")
        print(f"  {'total':<10}{total:7.2f}s\n  hottest functions by self time:\n{top}")
        print(f"bench wall time: {time.monotonic() - t0:,.0f}s (+ broker start)")
    finally:
        subprocess.run([sys.executable, str(KAFKACTL), "stop", "--data-dir", str(data), "--wipe"],
                       check=False)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
