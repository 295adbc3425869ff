"""A read cache and write-back buffer in front of a Faust table, for the sequencer's state.

A Faust table read walks several layers (table, serialized store, RocksDB, JSON decode) and a
miss raises KeyError through them: about a fifth of the sequencer's CPU. Only the sequencer's
agents write these tables, so the cache sees every change; table recovery (after an assignment)
can change them behind its back, so the cache is cleared on every assignment.

Writes are buffered until `flush_writes`, which the agent calls once per batch of input events
while the batch's last event is current (Faust tables write into the current event's partition):
a key written by several articles of a batch (the retention record, a busy story, an alert
group) then costs one changelog message instead of one per article. Nothing awaits between the
first buffered write and the flush, so no other agent sees the buffer half written, and offsets
are committed only after the batch's events are acked, which happens after the flush.

Values are handed out as stored, like the plain dicts replay uses: a stage that mutates a value
writes it back, which the cache then holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

_MISSING = object()  # cached or buffered: the table has (or will have) no such key
_NOT_CACHED = object()


class CachedTable(MutableMapping[str, Any]):
    """Mapping over `table` that remembers up to `max_entries` recent keys and buffers writes."""

    def __init__(self, table: MutableMapping[str, Any], max_entries: int = 20_000) -> None:
        self.table = table
        self.max_entries = max_entries
        self._cache: dict[str, Any] = {}
        self._pending: dict[str, Any] = {}  # key -> value (or _MISSING: delete) not yet written
        self.hits = 0
        self.misses = 0
        self.coalesced_writes = 0

    def clear_cache(self) -> None:
        """Forget cached entries and unflushed writes (recovery may have changed the table).

        Writes are pending only while a batch runs, which never awaits before its flush; any
        found here belong to a batch that failed, whose events were not acked and come again.
        """
        self._pending.clear()
        self._cache.clear()

    @property
    def pending(self) -> int:
        """Buffered writes (sets and deletes) waiting for `flush_writes`."""
        return len(self._pending)

    def flush_writes(self) -> int:
        """Write every buffered key to the table once, in first-write order; return how many."""
        table = self.table
        written = 0
        for key, value in self._pending.items():
            if value is _MISSING:
                try:
                    del table[key]
                except KeyError:  # set and deleted in one batch (a Faust table never raises)
                    continue
            else:
                table[key] = value
            written += 1
        self._pending.clear()
        return written

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
        value = self._pending.get(key, _NOT_CACHED)  # evicted from the cache, not yet written
        if value is _NOT_CACHED:
            self.misses += 1
            value = self.table.get(key, _MISSING)
        self._remember(key, value)
        return value

    def _buffer(self, key: str, value: Any) -> None:
        pending = self._pending
        if key in pending:
            self.coalesced_writes += 1
        pending[key] = value
        self._remember(key, value)

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
        self._buffer(key, value)

    def __delitem__(self, key: str) -> None:
        if self._lookup(key) is _MISSING:
            raise KeyError(key)
        self._buffer(key, _MISSING)

    def __iter__(self) -> Iterator[str]:
        self._require_flushed()
        return iter(self.table)

    def __len__(self) -> int:
        self._require_flushed()
        return len(self.table)

    def items(self) -> Any:
        """The table's own items (a full scan, used by the derived-index rebuild)."""
        self._require_flushed()
        return self.table.items()

    def _require_flushed(self) -> None:
        if self._pending:
            raise RuntimeError("a full scan of the table would miss buffered writes")


def flush_writes(stores: Iterable[object]) -> int:
    """Flush every CachedTable among `stores`; return the number of table writes made."""
    return sum(s.flush_writes() for s in stores if isinstance(s, CachedTable))
