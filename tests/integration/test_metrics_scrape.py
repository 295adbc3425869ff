"""A real worker on the real broker: /metrics series exist and move after articles flow."""

from __future__ import annotations

import json
import time

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.link_helpers import example_payloads, feed_in_order
from tests.kafka_harness import Worker, consume_until, produce, run
from tests.metric_names import wirewatch_series

pytestmark = pytest.mark.integration

ARTICLES = [
    {
        "id": f"scrape-{n}",
        "url": f"https://example-wire.test/2024/06/0{n}/story-{n}",
        "fetched_at": "2024-06-03T08:00:00Z",
        "content_type": "text/plain",
        "body": (
            f"{headline}\n"
            f"{dateline} (Example Wire) - {lead}\n"
            "Officials said an inquiry had been opened and that more details would follow "
            "once the facts had been checked by the local authorities.\n"
        ),
    }
    for n, (headline, dateline, lead) in enumerate(
        [
            (
                "Harbour Cranes Halted By Strike",
                "ROTTERDAM",
                "Crane operators at the port stopped work on Monday over a pay dispute.",
            ),
            (
                "Embassy Windows Broken During Night",
                "TALLINN",
                "Stones were thrown at the windows of an embassy overnight, police said.",
            ),
            (
                "Farmers Block Border Crossing",
                "MEDYKA",
                "Tractors blocked the road to a border crossing for several hours on Tuesday.",
            ),
        ],
        start=1,
    )
]
MALFORMED = b'{"id": "scrape-bad", "url": "https://example-wire.test/bad", "body": 7}'


def scrape(worker: Worker) -> dict[str, float]:
    """Every sample on /metrics as {'name{label="v",...}': value} (labels sorted)."""
    samples: dict[str, float] = {}
    for family in text_string_to_metric_families(worker.get("/metrics")):
        for sample in family.samples:
            labels = ",".join(f'{k}="{v}"' for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return samples


def names(samples: dict[str, float]) -> set[str]:
    """The series names (without labels) among the samples."""
    return {key.partition("{")[0] for key in samples}


def total(samples: dict[str, float], name: str, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    wanted = [f'{k}="{v}"' for k, v in labels.items()]
    return sum(
        value
        for key, value in samples.items()
        if key.partition("{")[0] == name and all(w in key for w in wanted)
    )


def wait_for(worker: Worker, ready, timeout: float = 60) -> dict[str, float]:
    """Scrape until `ready(samples)` holds, or fail with the worker's log."""
    deadline = time.monotonic() + timeout
    samples = scrape(worker)
    while not ready(samples):
        if time.monotonic() > deadline:
            pytest.fail(f"metrics never got there:\n{worker.log_tail()}")
        time.sleep(0.5)
        samples = scrape(worker)
    return samples


def test_metrics_exist_and_move_when_articles_flow(make_worker, kafka_broker, isolated_names):
    """Articles, dead letters, stage latency and Faust's sensor series move with traffic."""
    _, prefix = isolated_names
    worker = make_worker()
    raw, parsed = f"{prefix}articles.raw", f"{prefix}articles.parsed"
    # Faust's sensor: offsets and the assignment (the rebalance) that let the agents start.
    before = wait_for(
        worker, lambda s: total(s, "faust_assignment_operations_total", operation="completed")
    )
    assert {"faust_total_rebalances", "faust_total_rebalances_recovering"} <= names(before)
    assert total(before, "wirewatch_articles_total") == 0

    payloads = [json.dumps(article).encode() for article in ARTICLES] + [MALFORMED]
    run(produce(kafka_broker.bootstrap, raw, payloads))
    records = run(
        consume_until(
            kafka_broker.bootstrap,
            [parsed],
            lambda r: len(r[parsed]) >= len(ARTICLES),
            timeout=60,
        )
    )
    assert {r["article_id"] for r in records[parsed]} == {a["id"] for a in ARTICLES}

    n = len(ARTICLES)
    after = wait_for(
        worker,
        lambda s: (
            total(s, "wirewatch_stage_latency_seconds_count", stage="link") >= n
            and total(s, "faust_topic_partition_offset_commited", topic=parsed) >= n
        ),
    )
    assert total(after, "wirewatch_articles_total", stage="parse", outcome="parsed") == n
    assert total(after, "wirewatch_articles_total", stage="parse", outcome="dead_letter") == 1
    assert total(after, "wirewatch_articles_total", stage="link") == n
    assert total(after, "wirewatch_dead_letters_total", stage="parse", reason="invalid_fields") == 1
    assert total(after, "wirewatch_stage_latency_seconds_count", stage="parse") == n + 1
    assert total(after, "wirewatch_stage_latency_seconds_sum", stage="parse") > 0
    assert total(after, "wirewatch_stage_latency_seconds_bucket", stage="parse", le="+Inf") == n + 1

    # Faust's sensor: messages in and out, and the offsets the lag panel subtracts.
    assert total(after, "faust_messages_received_total") >= 2 * n + 1
    assert total(after, "faust_messages_received_per_topic_total", topic=raw) == n + 1
    assert total(after, "faust_topic_messages_sent_total", topic=f"topic.{parsed}") == n
    assert total(after, "faust_topic_partition_end_offset", topic=parsed) == n
    assert total(after, "faust_topic_partition_end_offset", topic=raw) == n + 1
    assert total(after, "faust_consumer_commit_latency_count") > 0
    assert total(after, "faust_producer_send_latency_count") >= n + 1

    # Every series the worker serves under wirewatch_ is one that WirewatchMetrics declares.
    ours = {name for name in names(after) if name.startswith("wirewatch_")}
    assert ours <= wirewatch_series()


def test_sequencer_metrics_move_when_a_copy_and_an_incident_arrive(
    make_worker, kafka_broker, isolated_names
):
    """Copies by agency/outlet, incidents by type/country, e2e latency and dedup size move."""
    _, prefix = isolated_names
    worker = make_worker()
    examples = example_payloads()
    # A Sputnik original, a UrduPoint republication of it with two words changed (so it is
    # linked by MinHash as a copy, not by its content hash as a recapture), and a CBC report.
    copy = json.loads(examples["dev-044"])
    copy["id"] = "scrape-urdupoint-copy"
    copy["url"] = copy["url"].replace(".html", "-scrape.html")
    copy["body"] = copy["body"].replace("a few meters from", "several meters from")
    payloads = [examples["dev-045"], json.dumps(copy).encode(), examples["dev-043"]]
    ids = [json.loads(p)["id"] for p in payloads]
    feed_in_order(kafka_broker.bootstrap, prefix, payloads)
    after = wait_for(
        worker,
        lambda s: total(s, "wirewatch_stage_latency_seconds_count", stage="link") >= len(ids),
    )
    copies = {k: v for k, v in after.items() if k.startswith("wirewatch_copies_total{")}
    assert any('agency="Sputnik"' in k and "urdupoint" in k.lower() for k in copies), copies
    assert total(after, "wirewatch_copies_total") >= 1
    created = total(
        after, "wirewatch_incidents_total", kind="created", type="arson_attempt", country="CA"
    )
    assert created == 1, {k: v for k, v in after.items() if "incidents" in k}
    assert total(after, "wirewatch_end_to_end_latency_seconds_count") >= 1
    assert total(after, "wirewatch_end_to_end_latency_seconds_sum") > 0
    assert total(after, "wirewatch_dedup_index_articles") >= 2
    assert total(after, "wirewatch_articles_total", stage="link") == len(ids)
