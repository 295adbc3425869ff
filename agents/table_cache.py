"""A bounded read cache in front of a Faust table, for the sequencer's one-partition state.

A Faust table read walks several layers (table, serialized store, RocksDB, JSON decode) and a
miss raises KeyError through them: about a fifth of the sequencer's CPU. Only the sequencer agent
writes these tables, so a write-through cache sees every change; table recovery (after an
assignment) can change them behind its back, so the cache is cleared on every assignment.

Values are handed out as stored, like the plain dicts replay uses: a stage that mutates a value
writes it back, which the cache then holds.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

_MISSING = object()  # cached: the table has no such key
_NOT_CACHED = object()


class CachedTable(MutableMapping[str, Any]):
    """Write-through mapping over `table` that remembers up to `max_entries` recent keys."""

    def __init__(self, table: MutableMapping[str, Any], max_entries: int = 20_000) -> None:
        self.table = table
        self.max_entries = max_entries
        self._cache: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def clear_cache(self) -> None:
        """Forget every cached entry (the table may have changed under recovery)."""
        self._cache.clear()

    def _remember(self, key: str, value: Any) -> None:
        cache = self._cache
        if key not in cache and len(cache) >= self.max_entries:
            del cache[next(iter(cache))]  # oldest first: dicts keep insertion order
        cache[key] = value

    def _lookup(self, key: str) -> Any:
        value = self._cache.get(key, _NOT_CACHED)
        if value is not _NOT_CACHED:
            self.hits += 1
            return value
        self.misses += 1
        value = self.table.get(key, _MISSING)
        self._remember(key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """The value for `key`, or `default`."""
        value = self._lookup(key)
        return default if value is _MISSING else value

    def __getitem__(self, key: str) -> Any:
        value = self._lookup(key)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not _MISSING

    def __setitem__(self, key: str, value: Any) -> None:
        self.table[key] = value
        self._remember(key, value)

    def __delitem__(self, key: str) -> None:
        del self.table[key]
        self._remember(key, _MISSING)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)

    def items(self) -> Any:
        """The table's own items (a full scan, used by the derived-index rebuild)."""
        return self.table.items()
