"""Helpers for the sequencer's real-Kafka tests: example articles and final-state readers."""

from __future__ import annotations

import json
from typing import Any

from tests.kafka_harness import consume_until, produce, run
from tests.shared_data import REPO_ROOT

EXAMPLES = REPO_ROOT / "examples" / "articles.jsonl"


def example_payloads() -> dict[str, bytes]:
    """The shipped example articles, by id, as raw payloads."""
    payloads: dict[str, bytes] = {}
    for line in EXAMPLES.read_bytes().splitlines():
        if line.strip():
            payloads[json.loads(line)["id"]] = line.strip()
    return payloads


def story_assignments(updates: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Final (story_id, original_id) per article from a stream of StoryUpdate records."""
    final: dict[str, tuple[str, str]] = {}
    original: dict[str, str] = {}
    for update in updates:
        original[update["story_id"]] = update["original_id"]
        for member in update["members"]:
            final[member["article_id"]] = (update["story_id"], "")
    return {article: (story, original[story]) for article, (story, _) in final.items()}


def final_incidents(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The highest revision of each incident id."""
    latest: dict[str, dict[str, Any]] = {}
    for event in events:
        seen = latest.get(event["incident_id"])
        if seen is None or event["revision"] >= seen["revision"]:
            latest[event["incident_id"]] = event
    return latest


def feed_in_order(bootstrap: str, prefix: str, payloads: list[bytes], timeout: float = 30) -> None:
    """Produce one article at a time, waiting until the parse stage has accounted for each.

    Parsing runs on several partitions and workers; pacing keeps the sequencer's input order
    equal to the order given here, which is what "the same input order" means.
    """
    topics = [f"{prefix}articles.parsed", f"{prefix}articles.deadletter"]
    for payload in payloads:
        article_id = json.loads(payload)["id"]
        run(produce(bootstrap, f"{prefix}articles.raw", [payload], [article_id.encode()]))

        def accounted(records: dict[str, list[dict[str, Any]]], wanted: str = article_id) -> bool:
            return any(r.get("article_id") == wanted for v in records.values() for r in v)

        if not accounted(run(consume_until(bootstrap, topics, accounted, timeout))):
            raise AssertionError(f"article {article_id} was not accounted for in {timeout}s")
