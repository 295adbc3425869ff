"""The state interface stateful stages use: named string-keyed mappings of JSON-ready values.

In the worker each store is a Faust Table (RocksDB with a Kafka changelog); in replay it is a
plain dict. Stages only use `get`, `__getitem__`, `__setitem__`, `__delitem__` and `__contains__`,
never iteration over a whole store, so a partitioned table serves as well as a dict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import Any

Store = MutableMapping[str, Any]
StateStores = Mapping[str, Store]


def in_memory_stores(names: Iterable[str]) -> dict[str, Store]:
    """Return one empty dict per store name, for replay and unit tests."""
    return {name: {} for name in names}


def require_stores(stores: StateStores, names: Iterable[str], owner: str) -> None:
    """Fail fast, naming the missing store, when a stage is built without its state."""
    missing = sorted(set(names) - set(stores))
    if missing:
        raise KeyError(f"{owner} needs state stores {missing}; pass them in `stores`")


StoreFactory = Callable[[str], Store]
