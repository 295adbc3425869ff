"""`wirewatch topics create|list`: create every declared topic with its partitions and retention."""

from __future__ import annotations

import asyncio
import contextlib

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from agents.settings import WorkerSettings
from agents.topics import ALL_TOPICS, TopicSpec


def new_topic(spec: TopicSpec, settings: WorkerSettings) -> NewTopic:
    """The admin request for one declared topic."""
    return NewTopic(
        name=spec.full_name(settings),
        num_partitions=spec.partitions(settings),
        replication_factor=settings.topic_replication,
        topic_configs={"retention.ms": str(int(spec.retention.total_seconds() * 1000))},
    )


async def create_topics(settings: WorkerSettings) -> list[str]:
    """Create the declared topics that do not exist yet; return the names created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            new_topic(s, settings) for s in ALL_TOPICS if s.full_name(settings) not in existing
        ]
        if wanted:
            with contextlib.suppress(TopicAlreadyExistsError):  # a racing job made them first
                await admin.create_topics(wanted)
        return [topic.name for topic in wanted]
    finally:
        await admin.close()


def run_topics(action: str, settings: WorkerSettings | None = None) -> list[str]:
    """Run `create` (idempotent) or `list` (declared names) and return topic names."""
    settings = settings or WorkerSettings()
    if action == "list":
        return [spec.full_name(settings) for spec in ALL_TOPICS]
    return asyncio.run(create_topics(settings))
