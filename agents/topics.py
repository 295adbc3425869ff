"""Every topic, declared once: names, keys, value contracts, partitions and retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import faust

    from agents.settings import WorkerSettings

SEQUENCER_PARTITIONS = 1
"""articles.parsed is the linking sequencer: one partition, so linking sees one total order."""


@dataclass(frozen=True)
class TopicSpec:
    """One topic's contract."""

    name: str
    key: str
    value: str
    scalable: bool
    retention: dt.timedelta
    written_by: str

    def partitions(self, settings: WorkerSettings) -> int:
        """Partition count: configurable for scalable topics, one for the sequencer."""
        return settings.topic_partitions if self.scalable else SEQUENCER_PARTITIONS

    def full_name(self, settings: WorkerSettings) -> str:
        """The topic name with the configured prefix."""
        return f"{settings.topic_prefix}{self.name}"


WEEK = dt.timedelta(days=7)
MONTH = dt.timedelta(days=30)

RAW = TopicSpec(
    "articles.raw", "article id", "RawArticle", True, WEEK, "crawlers, wirewatch ingest"
)
PARSED = TopicSpec("articles.parsed", "article id", "ParsedArticle", False, WEEK, "parse stage")
DEADLETTER = TopicSpec(
    "articles.deadletter", "article id", "DeadLetter", True, MONTH, "every stage"
)
STORIES = TopicSpec("stories", "story id", "StoryUpdate", True, MONTH, "link stage")
INCIDENTS = TopicSpec("incidents", "incident id", "IncidentEvent", True, MONTH, "incident stage")
ALERTS = TopicSpec("alerts", "alert key", "Alert", True, MONTH, "alert stage")

TICKS = TopicSpec(
    "wirewatch.ticks", "none", "tick (empty)", False, dt.timedelta(hours=1), "every worker's timer"
)
"""Internal: wakes the sequencer to flush alert groups whose wait elapsed (see link_stories)."""

ALL_TOPICS: tuple[TopicSpec, ...] = (RAW, PARSED, DEADLETTER, STORIES, INCIDENTS, ALERTS, TICKS)


@dataclass(frozen=True)
class Topics:
    """The Faust topic objects of one app."""

    raw: faust.TopicT
    parsed: faust.TopicT
    deadletter: faust.TopicT
    stories: faust.TopicT
    incidents: faust.TopicT
    alerts: faust.TopicT
    ticks: faust.TopicT

    def all(self) -> tuple[faust.TopicT, ...]:
        """Every topic, in declaration order."""
        return (
            self.raw,
            self.parsed,
            self.deadletter,
            self.stories,
            self.incidents,
            self.alerts,
            self.ticks,
        )


def declare_topics(app: faust.App, settings: WorkerSettings) -> Topics:
    """Create the Faust topic objects: raw bytes in and out, pydantic at the edges."""

    def topic(spec: TopicSpec) -> faust.TopicT:
        return app.topic(
            spec.full_name(settings),
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            partitions=spec.partitions(settings),
            replicas=settings.topic_replication,
            retention=spec.retention,
            internal=True,  # the worker creates missing topics with these settings at start-up
        )

    return Topics(*(topic(spec) for spec in ALL_TOPICS))
