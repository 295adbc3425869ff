"""Webhook delivery on the real broker: outages, dead letters, signatures and latency."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from agents.alerts_receiver import serve
from schemas.alert import Alert
from tests.kafka_harness import REPO_ROOT, consume_until, free_port, produce, run
from wirewatch.alerts.signing import sign

pytestmark = pytest.mark.integration

SECRET = "it-secret-do-not-log"
T0 = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


def make_alert(n: int, subscribers: list[str]) -> Alert:
    """A valid alert for the Ottawa embassy, numbered n, addressed to `subscribers`."""
    return Alert.model_validate(
        {
            "alert_id": f"alert-it-{n:04d}",
            "rule": "russian-missions-canada",
            "subscribers": subscribers,
            "group_key": f"russian-missions-canada|incident_id=inc-{n}",
            "reason": "new",
            "sequence": 1,
            "severity": "high",
            "title": f"[HIGH] arson attempt at Russian Embassy, Ottawa, CA #{n}",
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "incidents": [
                {
                    "incident_id": f"inc-{n}",
                    "revision": 1,
                    "type": "arson_attempt",
                    "severity": "high",
                    "change": "new",
                    "target": {"name": "Russian Embassy", "kind": "embassy"},
                    "location": {"city": "Ottawa", "country": "CA"},
                    "evidence": [{"sentence": "A Molotov cocktail was thrown.", "article_id": "a"}],
                    "num_articles": 1,
                    "num_outlets": 1,
                    "confidence": 0.9,
                    "first_reported_at": T0.isoformat(),
                    "last_reported_at": T0.isoformat(),
                }
            ],
        }
    )


def write_rules(path: Path, subscribers: dict[str, dict[str, Any]]) -> Path:
    """A rules file with loopback webhook subscribers (allow_private, fast retries)."""
    base = {
        "allow_private": True,
        "backoff_initial": "200ms",
        "backoff_max": "2s",
        "breaker_failures": 5,
        "breaker_cooldown": "1s",
        "timeout": "3s",
    }
    body = {"subscribers": {n: {**base, **cfg} for n, cfg in subscribers.items()}, "rules": []}
    path.write_text(json.dumps(body))  # JSON is YAML
    return path


def produce_alerts(bootstrap: str, prefix: str, alerts: list[Alert]) -> None:
    """Produce alerts to `{prefix}alerts`, keyed by alert id."""
    run(
        produce(
            bootstrap,
            f"{prefix}alerts",
            [a.model_dump_json().encode() for a in alerts],
            [a.alert_id.encode() for a in alerts],
        )
    )


def read_log(path: Path) -> list[dict[str, Any]]:
    """Entries of a receiver's JSONL log."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, tail: Callable[[], str]):
    """Poll until predicate() or fail with `what` and the worker log tail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}\n{tail()}")


@pytest.fixture
def receivers(tmp_path: Path) -> Iterator[Callable[[str], tuple[int, Path]]]:
    """Factory for in-thread sample receivers (signature-verifying) with a JSONL log each."""
    servers: list[ThreadingHTTPServer] = []

    def start(name: str) -> tuple[int, Path]:
        port, log = free_port(), tmp_path / f"{name}.jsonl"
        server = serve(port, SECRET, log_path=log)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return port, log

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def start_receiver_process(port: int, log: Path, secret: str = SECRET) -> subprocess.Popen[bytes]:
    """`wirewatch alerts receive` as a subprocess; returns once it accepts connections."""
    env = {**os.environ, "RECEIVER_SECRET": secret, "PYTHONPATH": str(REPO_ROOT)}
    cmd = [sys.executable, "-m", "agents.cli", "alerts", "receive", "--port", str(port)]
    process = subprocess.Popen(
        [*cmd, "--secret-env", "RECEIVER_SECRET", "--log", str(log)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        except urllib.error.HTTPError:
            return process  # it answers (501 for GET): up
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("sample receiver did not start")


def test_receiver_down_for_20s_gets_every_alert_once_back_even_across_a_worker_kill(
    make_worker, kafka_broker, isolated_names, tmp_path
):
    """Alerts sent while the receiver is down (and the worker is killed) all arrive, once each."""
    _, prefix = isolated_names
    port, log = free_port(), tmp_path / "desk.jsonl"
    url = f"http://127.0.0.1:{port}/hook"
    rules = write_rules(
        tmp_path / "rules.yaml",
        {"desk": {"url": url, "secret_env": "DESK_SECRET", "max_attempts": 200}},
    )
    env = {"WIREWATCH_ALERT_RULES": str(rules), "DESK_SECRET": SECRET}
    first = make_worker("w0", **env)
    alerts = [make_alert(n, ["desk"]) for n in range(8)]
    produce_alerts(kafka_broker.bootstrap, prefix, alerts)
    down_since = time.monotonic()
    time.sleep(6)
    first.kill()  # SIGKILL mid-outage: the undelivered alerts' offsets are not committed
    second = make_worker("w1", **env)
    time.sleep(max(0.0, 20 - (time.monotonic() - down_since)))
    receiver = start_receiver_process(port, log)
    try:
        expected = {f"{a.alert_id}:desk" for a in alerts}
        wait_for(
            lambda: {e["idempotency_key"] for e in read_log(log)} >= expected,
            45,
            "every alert at the receiver",
            second.log_tail,
        )
        time.sleep(2)  # anything extra (a duplicate) would arrive now
        entries = [e for e in read_log(log) if "rejected" not in e]
        keys = [e["idempotency_key"] for e in entries]
        assert sorted(keys) == sorted(expected)
        assert not any(e["duplicate"] for e in entries)
        assert 'wirewatch_alerts_total{result="delivered",subscriber="desk"} 8.0' in second.get(
            "/metrics"
        )
        assert SECRET not in first.log_path.read_text() + second.log_tail(10**7)
    finally:
        receiver.kill()
        receiver.wait()


class FailingHandler(BaseHTTPRequestHandler):
    """Answers every POST with 500 after a short delay, counting requests."""

    hits = 0

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        type(self).hits += 1
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(0.5)
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_subscriber_failing_forever_is_dead_lettered_while_others_get_theirs(
    make_worker, kafka_broker, isolated_names, tmp_path, receivers
):
    """A 500-forever subscriber ends in articles.deadletter; the others receive every alert."""
    _, prefix = isolated_names
    broken_port = free_port()
    broken = ThreadingHTTPServer(("127.0.0.1", broken_port), FailingHandler)
    threading.Thread(target=broken.serve_forever, daemon=True).start()
    desk_port, desk_log = receivers("desk")
    ops_port, ops_log = receivers("ops")
    rules = write_rules(
        tmp_path / "rules.yaml",
        {
            "broken": {
                "url": f"http://127.0.0.1:{broken_port}/",
                "secret_env": "HOOK_SECRET",
                "max_attempts": 3,
            },
            "desk": {"url": f"http://127.0.0.1:{desk_port}/", "secret_env": "HOOK_SECRET"},
            "ops": {"url": f"http://127.0.0.1:{ops_port}/", "secret_env": "HOOK_SECRET"},
        },
    )
    worker = make_worker(WIREWATCH_ALERT_RULES=str(rules), HOOK_SECRET=SECRET)
    alerts = [make_alert(n, ["broken", "desk", "ops"]) for n in range(3)]
    sent = time.monotonic()
    produce_alerts(kafka_broker.bootstrap, prefix, alerts)
    try:
        for log in (desk_log, ops_log):
            wait_for(lambda log=log: len(read_log(log)) >= 3, 30, "healthy", worker.log_tail)
        healthy_done = time.monotonic() - sent
        records = run(
            consume_until(
                kafka_broker.bootstrap,
                [f"{prefix}articles.deadletter"],
                lambda r: len(r[f"{prefix}articles.deadletter"]) >= 3,
                timeout=60,
            )
        )
        letters = records[f"{prefix}articles.deadletter"]
        all_dead = time.monotonic() - sent
    finally:
        broken.shutdown()
        broken.server_close()
    assert {letter["article_id"] for letter in letters} == {a.alert_id for a in alerts}
    for letter in letters:
        assert letter["stage"] == "deliver"
        assert letter["reason"] == "delivery_failed"
        assert letter["details"]["subscriber"] == "broken"
        assert "HTTP 500 after 3 attempts" in letter["message"]
    assert FailingHandler.hits == 9
    assert healthy_done < all_dead
    assert healthy_done < 15, f"healthy subscribers took {healthy_done:.1f}s"
    metrics = worker.get("/metrics")
    assert 'wirewatch_alerts_total{result="dead_letter",subscriber="broken"} 3.0' in metrics
    assert 'wirewatch_webhook_retries_total{subscriber="broken"} 6.0' in metrics


def post(port: int, body: bytes, timestamp: int, signature: str) -> int:
    """POST to a receiver and return the status."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/",
        data=body,
        method="POST",
        headers={
            "X-Wirewatch-Timestamp": str(timestamp),
            "X-Wirewatch-Signature": signature,
            "Idempotency-Key": "k:1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_sample_receiver_rejects_tampered_signatures(
    make_worker, kafka_broker, isolated_names, tmp_path
):
    """The sample receiver accepts a valid POST, rejects tampering; a wrong secret dead-letters."""
    _, prefix = isolated_names
    port, log = free_port(), tmp_path / "receiver.jsonl"
    receiver = start_receiver_process(port, log)
    try:
        body = make_alert(1, ["x"]).model_dump_json().encode()
        now = int(time.time())
        good = sign(SECRET, now, body)
        assert post(port, body, now, good) == 200
        assert post(port, body.replace(b"Ottawa", b"Moscow"), now, good) == 401
        assert post(port, body, now, good[:-4] + "beef") == 401
        assert post(port, body, now - 3600, sign(SECRET, now - 3600, body)) == 401
        rules = write_rules(
            tmp_path / "rules.yaml",
            {"impostor": {"url": f"http://127.0.0.1:{port}/", "secret_env": "WRONG_SECRET"}},
        )
        make_worker(WIREWATCH_ALERT_RULES=str(rules), WRONG_SECRET="not-the-shared-secret")
        produce_alerts(kafka_broker.bootstrap, prefix, [make_alert(2, ["impostor"])])
        records = run(
            consume_until(
                kafka_broker.bootstrap,
                [f"{prefix}articles.deadletter"],
                lambda r: bool(r[f"{prefix}articles.deadletter"]),
                timeout=45,
            )
        )
        [letter] = records[f"{prefix}articles.deadletter"]
        assert "HTTP 401" in letter["message"]
        rejected = [e for e in read_log(log) if "rejected" in e]
        assert len(rejected) == 4
        assert "signature does not match" in rejected[-1]["rejected"]
    finally:
        receiver.kill()
        receiver.wait()


async def _produce_paced(bootstrap: str, topic: str, alerts: list[Alert]) -> dict[str, float]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    await producer.start()
    sent: dict[str, float] = {}
    try:
        for alert in alerts:
            sent[alert.alert_id] = time.time()
            await producer.send_and_wait(topic, alert.model_dump_json().encode())
            await asyncio.sleep(0.05)
    finally:
        await producer.stop()
    return sent


def test_delivery_latency_from_alert_produced_to_webhook_receipt(
    make_worker, kafka_broker, isolated_names, tmp_path, receivers
):
    """p50/p99 of alert produced -> signed webhook verified by the receiver, on the real broker."""
    _, prefix = isolated_names
    port, log = receivers("desk")
    rules = write_rules(
        tmp_path / "rules.yaml",
        {"desk": {"url": f"http://127.0.0.1:{port}/", "secret_env": "HOOK_SECRET"}},
    )
    worker = make_worker(WIREWATCH_ALERT_RULES=str(rules), HOOK_SECRET=SECRET)
    warmup = [make_alert(9999, ["desk"])]
    produce_alerts(kafka_broker.bootstrap, prefix, warmup)
    wait_for(lambda: len(read_log(log)) >= 1, 30, "warm-up alert", worker.log_tail)
    alerts = [make_alert(n, ["desk"]) for n in range(100)]
    sent = run(_produce_paced(kafka_broker.bootstrap, f"{prefix}alerts", alerts))
    wait_for(lambda: len(read_log(log)) >= 101, 30, "all alerts", worker.log_tail)
    received = {e["alert"]["alert_id"]: e["received_unix"] for e in read_log(log)}
    latencies = sorted((received[a] - sent[a]) * 1000 for a in sent)
    p50 = statistics.median(latencies)
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    print(
        f"\nalert delivery latency over {len(latencies)} alerts: p50={p50:.1f} ms p99={p99:.1f} ms"
    )
    assert p99 < 2000
