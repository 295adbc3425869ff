"""Topic declarations: names, partitions and the single-partition sequencer."""

from __future__ import annotations

from agents.settings import WorkerSettings
from agents.topics import ALL_TOPICS, PARSED, RAW, SEQUENCER_PARTITIONS
from agents.topics_command import new_topic


def test_topic_names_are_unique_and_prefixed():
    """Every declared topic has a distinct name, and the prefix applies to all of them."""
    settings = WorkerSettings(topic_prefix="stage-")
    names = [spec.full_name(settings) for spec in ALL_TOPICS]
    assert len(set(names)) == len(names)
    assert all(name.startswith("stage-") for name in names)


def test_sequencer_has_one_partition_and_raw_scales():
    """articles.parsed keeps one partition whatever the setting; articles.raw follows it."""
    settings = WorkerSettings(topic_partitions=12)
    assert PARSED.partitions(settings) == SEQUENCER_PARTITIONS == 1
    assert RAW.partitions(settings) == 12


def test_topic_creation_request_carries_retention():
    """The admin request sets partitions, replication and retention.ms from the declaration."""
    settings = WorkerSettings(topic_partitions=6, topic_replication=3)
    request = new_topic(RAW, settings)
    assert request.num_partitions == 6
    assert request.replication_factor == 3
    assert request.topic_configs["retention.ms"] == str(7 * 24 * 3600 * 1000)
