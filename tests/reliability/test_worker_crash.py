"""Worker crash: kill -9 mid-stream, restart, and nothing is lost, doubled or forgotten."""

from __future__ import annotations

import pytest

from tests.integration.link_helpers import story_assignments
from tests.kafka_harness import Broker
from tests.reliability.helpers import (
    articles,
    incident_conflicts,
    keyed,
    produce,
    read_until,
    wait_accounted,
)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(480)]


def test_kill_9_mid_stream_loses_nothing_and_later_copies_link_to_earlier_originals(
    make_worker, kafka_broker: Broker, isolated_names
):
    """5,000 articles, SIGKILL after ~1/3: every id accounted for, no conflicting incidents."""
    _, prefix = isolated_names
    items = articles(5000, seed=11)
    before, after = items[:4500], items[4500:]
    bootstrap = kafka_broker.bootstrap
    worker = make_worker("first")
    produce(bootstrap, f"{prefix}articles.raw", keyed(before))
    parsed = f"{prefix}articles.parsed"
    read_until(bootstrap, [parsed], lambda r: len(r.values(parsed)) >= 1500, 120)
    worker.kill()  # SIGKILL, in the middle of the stream
    make_worker("second")  # empty disk: tables come back from their changelogs
    produce(bootstrap, f"{prefix}articles.raw", keyed(after))
    log = wait_accounted(bootstrap, prefix, {i.article["id"] for i in items}, 150)

    letters = {v["article_id"] for v in log.values(f"{prefix}articles.deadletter")}
    malformed = {i.article["id"] for i in items if i.label["role"] == "malformed"}
    assert malformed <= letters
    parsed_ids = {v["article_id"] for v in log.values(parsed)}
    assert not (parsed_ids & malformed)

    stories, incidents = f"{prefix}stories", f"{prefix}incidents"
    wanted = {i.article["id"] for i in items if i.label["role"] != "malformed"}
    log = read_until(
        bootstrap,
        [stories, incidents],
        lambda r: wanted <= set(story_assignments(r.values(stories))),
        240,
    )
    assignments = story_assignments(log.values(stories))
    assert wanted <= set(assignments)
    assert incident_conflicts(log.values(incidents)) == []

    earlier = {i.article["id"] for i in before}
    late_copies = [
        i.label
        for i in after
        if i.label["role"] in ("copy", "update") and i.label["original_id"] in earlier
    ]
    assert len(late_copies) >= 20
    linked = [c for c in late_copies if assignments[c["id"]][1] == c["original_id"]]
    assert len(linked) == len(late_copies), [
        (c["id"], c["original_id"], assignments[c["id"]]) for c in late_copies if c not in linked
    ][:5]
