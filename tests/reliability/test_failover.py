"""Two workers, one killed: the survivor takes over and the outcome equals replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.link_helpers import final_incidents, story_assignments
from tests.kafka_harness import Broker
from tests.reliability.helpers import (
    TopicLog,
    articles,
    keyed,
    metric_value,
    payload,
    produce,
    read_until,
)
from wirewatch.replay import run_replay

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


def test_survivor_takes_over_and_stories_and_incidents_equal_replay(
    make_worker, kafka_broker: Broker, isolated_names, tmp_path: Path
):
    """One key on articles.raw fixes the sequencer's input order, so replay is the reference."""
    _, prefix = isolated_names
    bootstrap = kafka_broker.bootstrap
    items = articles(400, seed=19)
    workers = [make_worker("a"), make_worker("b")]
    produce(bootstrap, f"{prefix}articles.raw", keyed(items, key=b"one-order"))
    parsed = f"{prefix}articles.parsed"
    read_until(bootstrap, [parsed], lambda r: len(r.values(parsed)) >= 60, 90)
    busy = max(
        workers,
        key=lambda w: metric_value(w.get("/metrics"), "wirewatch_articles_total", stage="link"),
    )
    busy.kill()
    survivor = workers[1] if busy is workers[0] else workers[0]

    run_replay([payload(i) for i in items], tmp_path / "replay")
    rows = (tmp_path / "replay" / "stories.jsonl").read_text().splitlines()
    replayed = {r["article_id"]: (r["story_id"], r["original_id"]) for r in map(json.loads, rows)}
    lines = (tmp_path / "replay" / "incidents.jsonl").read_text().splitlines()
    replay_groups = incident_groups({e["incident_id"]: e for e in map(json.loads, lines)})

    wanted = {i.article["id"] for i in items if i.label["role"] != "malformed"}
    stories, incidents = f"{prefix}stories", f"{prefix}incidents"

    def converged(r: TopicLog) -> bool:
        # An article's incident revision is a different topic from its StoryUpdate and may be
        # read after it: wait for both outputs rather than stopping at the last story.
        return wanted <= set(story_assignments(r.values(stories))) and (
            incident_groups(final_incidents(r.values(incidents))) == replay_groups
        )

    log = read_until(bootstrap, [stories, incidents], converged, 200)
    assert survivor.process is not None
    assert survivor.process.poll() is None
    assert story_assignments(log.values(stories)) == replayed
    assert incident_groups(final_incidents(log.values(incidents))) == replay_groups


def incident_groups(events: dict[str, dict]) -> dict[str, list[str]]:
    """Each incident id with the sorted ids of the articles it gathers."""
    return {k: sorted(set(e["article_ids"])) for k, e in events.items()}
