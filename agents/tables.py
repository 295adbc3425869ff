"""Faust tables that back the domain's state stores (RocksDB, changelog on Kafka).

Each is behind a write-through read cache (agents/table_cache.py), cleared on every assignment.
The dedup LSH band table is not a store: it lives in the Linker's memory and is rebuilt from
`dedup_articles` after every assignment (`DerivedIndex` in agents/link_stories.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from agents.table_cache import CachedTable
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
    stores: dict[str, Store] = {}
    for name in names:
        full_name = f"{settings.topic_prefix}{name}"
        table = app.Table(full_name, default=None, partitions=SEQUENCER_PARTITIONS, key_type=str)
        stores[name] = CachedTable(table)
    return stores
