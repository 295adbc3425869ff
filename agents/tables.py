"""Faust tables that back the domain's state stores (RocksDB, changelog on Kafka).

Stores listed in DERIVED_STORES are rebuilt from other tables after recovery, so they live in a
local RocksDB folder with no changelog (see agents/derived_store.py). The others are Faust tables
behind a write-through read cache (agents/table_cache.py), cleared on every assignment.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from agents.derived_store import LocalStore
from agents.table_cache import CachedTable
from agents.topics import SEQUENCER_PARTITIONS

if TYPE_CHECKING:
    import faust

    from agents.settings import WorkerSettings
    from wirewatch.state import Store

DERIVED_STORES = frozenset({"dedup_buckets"})


def declare_tables(
    app: faust.App, settings: WorkerSettings, names: Iterable[str]
) -> dict[str, Store]:
    """One table per store name, co-partitioned with the single-partition sequencer topic.

    Keys are str; values are JSON-ready and use the app's default JSON value serializer.
    """
    stores: dict[str, Store] = {}
    for name in names:
        full_name = f"{settings.topic_prefix}{name}"
        if name in DERIVED_STORES:
            stores[name] = LocalStore(settings.data_dir / "derived" / full_name)
        else:
            table = app.Table(
                full_name, default=None, partitions=SEQUENCER_PARTITIONS, key_type=str
            )
            stores[name] = CachedTable(table)
    return stores
