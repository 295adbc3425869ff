"""The real worker on the real broker: articles in, parsed records and dead letters out."""

from __future__ import annotations

import json

import pytest

from tests.kafka_harness import consume_until, produce, run
from tests.shared_data import shared_dir

pytestmark = pytest.mark.integration

SAMPLE = {
    "id": "it-sample-001",
    "url": "https://example-wire.test/2024/05/02/paint-thrown-at-consulate",
    "fetched_at": "2024-05-02T09:30:00Z",
    "content_type": "text/plain",
    "body": (
        "Paint Thrown At Consulate Gate Overnight\n"
        "VILNIUS (Example Wire) - Unknown people threw red paint at the gate of a consulate in "
        "Vilnius overnight, the consulate said on Thursday, adding that nobody was hurt.\n"
        "Police said they had opened an investigation and were reviewing camera footage from "
        "the street outside the building.\n"
    ),
}
MALFORMED = b'{"id": "it-bad-001", "url": "https://example-wire.test/x", "body": 42}'


def test_worker_parses_articles_and_dead_letters_malformed_input(
    make_worker, kafka_broker, isolated_names
):
    """Sample and seed (when ../shared exists) parse; malformed input is dead-lettered."""
    _, prefix = isolated_names
    worker = make_worker()
    payloads = [json.dumps(SAMPLE).encode(), MALFORMED]
    expected_parsed = {SAMPLE["id"]}
    shared = shared_dir()
    if shared is not None:
        seed_text = (shared / "seed" / "urdupoint-sputnik-2022-10-11.txt").read_text()
        payloads.append(
            json.dumps(
                {
                    "id": "seed-urdupoint",
                    "url": "https://www.urdupoint.com/en/world/seed.html",
                    "fetched_at": "2022-10-11T02:00:00Z",
                    "content_type": "text/plain",
                    "body": seed_text,
                }
            ).encode()
        )
        expected_parsed.add("seed-urdupoint")
    run(produce(kafka_broker.bootstrap, f"{prefix}articles.raw", payloads))

    def done(records):
        parsed_ids = {r["article_id"] for r in records[f"{prefix}articles.parsed"]}
        return parsed_ids >= expected_parsed and records[f"{prefix}articles.deadletter"]

    records = run(
        consume_until(
            kafka_broker.bootstrap,
            [f"{prefix}articles.parsed", f"{prefix}articles.deadletter"],
            done,
            timeout=60,
        )
    )
    parsed = {r["article_id"]: r for r in records[f"{prefix}articles.parsed"]}
    assert set(parsed) == expected_parsed, worker.log_tail()
    assert "Paint Thrown At Consulate" in parsed[SAMPLE["id"]]["headline"]
    assert any("red paint" in p for p in parsed[SAMPLE["id"]]["paragraphs"])
    [letter] = records[f"{prefix}articles.deadletter"]
    assert letter["article_id"] == "it-bad-001"
    assert letter["stage"] == "parse"
    assert letter["reason"] == "invalid_fields"
    assert "body" in letter["message"]
    if shared is not None:
        seed = parsed["seed-urdupoint"]
        assert "Molotov" in " ".join(seed["paragraphs"])
        assert seed["attributed_agency"] == "Sputnik"
        assert seed["republisher"] == "UrduPoint"
        assert seed["dateline"]["city"].lower() == "washington"
        assert seed["published_at"].startswith("2022-10-11")
        assert seed["author"] == "Faizan Hashmi"


def test_worker_serves_metrics_that_move_with_traffic(make_worker, kafka_broker, isolated_names):
    """/metrics has Faust sensor series and wirewatch_articles_total counting parsed articles."""
    _, prefix = isolated_names
    worker = make_worker()
    before = worker.get("/metrics")
    assert "wirewatch_articles_total" in before
    run(produce(kafka_broker.bootstrap, f"{prefix}articles.raw", [json.dumps(SAMPLE).encode()]))
    run(
        consume_until(
            kafka_broker.bootstrap,
            [f"{prefix}articles.parsed"],
            lambda r: bool(r[f"{prefix}articles.parsed"]),
            timeout=60,
        )
    )
    after = worker.get("/metrics")
    assert 'wirewatch_articles_total{outcome="parsed",stage="parse"} 1.0' in after
    assert "faust_" in after
