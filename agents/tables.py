"""Faust tables that back the domain's state stores (RocksDB, changelog on Kafka)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from agents.topics import SEQUENCER_PARTITIONS

if TYPE_CHECKING:
    import faust

    from agents.settings import WorkerSettings
    from wirewatch.state import Store


def declare_tables(
    app: faust.App, settings: WorkerSettings, names: Iterable[str]
) -> dict[str, Store]:
    """One table per store name, co-partitioned with the single-partition sequencer topic.

    Keys are str; values are JSON-ready and use the app's default JSON value serializer.
    """
    return {
        name: app.Table(
            f"{settings.topic_prefix}{name}",
            default=None,
            partitions=SEQUENCER_PARTITIONS,
            key_type=str,
        )
        for name in names
    }
