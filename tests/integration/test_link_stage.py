"""The sequencer on the real broker: copies link to originals, reports merge into incidents."""

from __future__ import annotations

import json

import pytest

from tests.integration.link_helpers import (
    example_payloads,
    feed_in_order,
    final_incidents,
    story_assignments,
)
from tests.kafka_harness import consume_until, produce, run
from wirewatch.replay import run_replay

pytestmark = pytest.mark.integration


def test_two_reports_and_a_copy_become_one_incident(make_worker, kafka_broker, isolated_names):
    """A Sputnik original, its UrduPoint copy and an independent report give one incident."""
    _, prefix = isolated_names
    make_worker()
    examples = example_payloads()
    ids = ["dev-044", "dev-045", "dev-043"]  # copy first, then its original, then a CBC report
    feed_in_order(kafka_broker.bootstrap, prefix, [examples[i] for i in ids])

    def merged(records):
        return any(
            e["num_articles"] == 3 for e in final_incidents(records[f"{prefix}incidents"]).values()
        )

    records = run(consume_until(kafka_broker.bootstrap, [f"{prefix}incidents"], merged, 60))
    incidents = final_incidents(records[f"{prefix}incidents"])
    arson = [e for e in incidents.values() if e["type"] == "arson_attempt"]
    assert len(arson) == 1, incidents
    [event] = arson
    assert event["location"]["city"] == "Montreal"
    assert event["location"]["country"] == "CA"
    assert event["num_stories"] == 2
    assert event["num_articles"] == 3
    assert sorted(event["article_ids"]) == sorted(ids)
    created = [e for e in records[f"{prefix}incidents"] if e["incident_id"] == event["incident_id"]]
    assert [e["event_kind"] for e in created].count("created") == 1
    alerts_topic = f"{prefix}alerts"
    alerts = run(
        consume_until(kafka_broker.bootstrap, [alerts_topic], lambda r: bool(r[alerts_topic]), 30)
    )[alerts_topic]
    canada = [a for a in alerts if a["rule"] == "russian-missions-canada"]
    assert len(canada) == 1, "more mentions of one incident must not re-alert"
    assert canada[0]["incidents"][0]["incident_id"] == event["incident_id"]


def test_restarted_worker_links_a_copy_to_an_original_seen_before(
    make_worker, kafka_broker, isolated_names
):
    """After a kill -9 and a restart with an empty disk, a new copy joins the earlier story."""
    _, prefix = isolated_names
    examples = example_payloads()
    first = make_worker("before")
    feed_in_order(kafka_broker.bootstrap, prefix, [examples["dev-045"]])
    stories = f"{prefix}stories"
    records = run(consume_until(kafka_broker.bootstrap, [stories], lambda r: bool(r[stories]), 30))
    original_story = records[stories][0]["story_id"]
    first.kill()
    make_worker("after")  # a fresh data dir: the tables must come back from their changelogs
    feed_in_order(kafka_broker.bootstrap, prefix, [examples["dev-044"]], timeout=90)

    def copy_linked(r):
        return "dev-044" in story_assignments(r[stories])

    records = run(consume_until(kafka_broker.bootstrap, [stories], copy_linked, 60))
    assignments = story_assignments(records[stories])
    assert assignments["dev-044"] == (original_story, "dev-045")


def test_two_workers_assign_the_same_stories_as_one_worker_and_replay(
    make_worker, kafka_broker, isolated_names, tmp_path
):
    """Two workers (one joining mid-stream) give the story assignments of one worker and replay."""
    _, prefix = isolated_names
    examples = example_payloads()
    order = list(examples.values())
    results = []
    for run_name, worker_count in (("one", 1), ("two", 2)):
        run_prefix = f"{prefix}{run_name}-"

        def add_worker(i, name=run_name, run_prefix=run_prefix):
            return make_worker(
                f"{name}{i}", WIREWATCH_TOPIC_PREFIX=run_prefix, WIREWATCH_APP_ID=f"{run_prefix}app"
            )

        # The second worker joins mid-stream: the rebalance must not lose or redo any linking.
        half = len(order) // 2
        workers = [add_worker(0)]
        feed_in_order(kafka_broker.bootstrap, run_prefix, order[:half], timeout=90)
        workers += [add_worker(i) for i in range(1, worker_count)]
        for worker in workers[1:]:
            worker.wait_for_log("Worker ready", timeout=60)  # assigned and recovered
        feed_in_order(kafka_broker.bootstrap, run_prefix, order[half:], timeout=90)
        stories = f"{run_prefix}stories"
        expected = len(order) - 2  # the two malformed examples never reach linking

        def complete(r, n=expected, topic=stories):
            return len(story_assignments(r[topic])) >= n

        records = run(consume_until(kafka_broker.bootstrap, [stories], complete, 60))
        results.append(story_assignments(records[stories]))
        for worker in workers:
            worker.kill()
    run_replay(order, tmp_path / "replay")
    replayed = {}
    for line in (tmp_path / "replay" / "stories.jsonl").read_text().splitlines():
        row = json.loads(line)
        replayed[row["article_id"]] = (row["story_id"], row["original_id"])
    assert results[0] == results[1]
    assert results[0] == replayed
    linked = [a for a, (story, original) in replayed.items() if original != a]
    assert len(linked) >= 5, "the comparison must cover real copy links, not only originals"
    assert replayed["dev-044"] == replayed["dev-045"]


def test_foreign_garbage_on_the_sequencer_topic_is_dead_lettered(
    make_worker, kafka_broker, isolated_names
):
    """A record on articles.parsed that is not a ParsedArticle is dead-lettered; linking goes on."""
    _, prefix = isolated_names
    make_worker()
    run(produce(kafka_broker.bootstrap, f"{prefix}articles.parsed", [b'{"article_id": "junk"}']))
    feed_in_order(kafka_broker.bootstrap, prefix, [example_payloads()["dev-045"]])
    letters_topic, stories = f"{prefix}articles.deadletter", f"{prefix}stories"

    def both(r):
        return bool(r[letters_topic]) and bool(r[stories])

    records = run(consume_until(kafka_broker.bootstrap, [letters_topic, stories], both, 60))
    [letter] = records[letters_topic]
    assert letter["stage"] == "link"
    assert letter["reason"] == "invalid_fields"
    assert letter["article_id"] == "junk"
    assert records[stories][0]["article_id"] == "dev-045"
