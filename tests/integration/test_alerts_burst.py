"""The whole pipeline on the real broker: 50 reports of the Ottawa Molotov attack, one alert."""

from __future__ import annotations

import json
import threading
import time

import pytest

from agents.alerts_receiver import serve
from tests.kafka_harness import consume_until, free_port, produce, run
from tests.shared_data import require_shared

pytestmark = pytest.mark.integration

SECRET = "burst-secret"


def test_burst_of_50_updates_gives_one_alert_delivered_once(
    make_worker, kafka_broker, isolated_names, tmp_path
):
    """50 syndicated reports of one incident: one alert on the topic, one signed webhook."""
    _, prefix = isolated_names
    seed = (require_shared() / "seed" / "urdupoint-sputnik-2022-10-11.txt").read_text()
    port, log = free_port(), tmp_path / "desk.jsonl"
    server = serve(port, SECRET, log_path=log)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    make_worker(
        WIREWATCH_SECURITY_DESK_URL=f"http://127.0.0.1:{port}/",
        WIREWATCH_SECURITY_DESK_SECRET=SECRET,
    )
    outlets = ["www.urdupoint.com"] + [f"news{n}.aggregator.test" for n in range(49)]
    payloads = [
        json.dumps(
            {
                "id": f"burst-{n:02d}",
                "url": f"https://{outlet}/world/ru-ottawa-{n}.html",
                "fetched_at": f"2022-10-11T02:{n:02d}:00Z",
                "content_type": "text/plain",
                "body": seed,
            }
        ).encode()
        for n, outlet in enumerate(outlets)
    ]
    started = time.time()
    try:
        run(produce(kafka_broker.bootstrap, f"{prefix}articles.raw", payloads))
        records = run(
            consume_until(
                kafka_broker.bootstrap,
                [f"{prefix}incidents", f"{prefix}alerts"],
                lambda r: any(e["num_articles"] >= 50 for e in r[f"{prefix}incidents"]),
                timeout=80,
            )
        )
        time.sleep(2)
        alerts = run(
            consume_until(kafka_broker.bootstrap, [f"{prefix}alerts"], lambda r: False, 3)
        )[f"{prefix}alerts"]
        ottawa = [a for a in alerts if a["rule"] == "russian-missions-canada"]
        assert len(ottawa) == 1, records
        assert ottawa[0]["incidents"][0]["location"]["city"] == "Ottawa"
        received = [json.loads(line) for line in log.read_text().splitlines()]
        assert [r["alert"]["alert_id"] for r in received] == [ottawa[0]["alert_id"]]
        took = received[0]["received_unix"] - started
        print(f"\nfirst article produced -> webhook receipt: {took:.2f} s")
    finally:
        server.shutdown()
        server.server_close()
