"""CachedTable: a write-through read cache that never serves a value the table does not hold."""

from __future__ import annotations

import pytest

from agents.table_cache import CachedTable


class CountingTable(dict[str, object]):
    """A dict that counts reads, standing in for the Faust table behind the cache."""

    reads = 0

    def get(self, key, default=None):  # type: ignore[override]
        self.reads += 1
        return super().get(key, default)


def test_reads_hit_the_cache_after_the_first_lookup():
    """A key is read from the table once, then served from the cache (misses too)."""
    table = CountingTable(a=1)
    cached = CachedTable(table)
    assert cached.get("a") == 1
    assert cached["a"] == 1
    assert "a" in cached
    assert cached.get("nope") is None
    assert "nope" not in cached
    assert table.reads == 2
    assert (cached.hits, cached.misses) == (3, 2)


def test_writes_and_deletes_go_through_to_the_table():
    """Set and delete reach the table and the cache at once, so no stale value is served."""
    table = CountingTable()
    cached = CachedTable(table)
    assert "k" not in cached  # a cached miss
    cached["k"] = {"v": 1}
    assert table["k"] == {"v": 1}
    assert cached["k"] == {"v": 1}
    del cached["k"]
    assert "k" not in table
    assert "k" not in cached
    with pytest.raises(KeyError):
        cached["k"]


def test_clear_cache_rereads_what_changed_behind_it():
    """After clear_cache (an assignment), values changed by recovery are read again."""
    table = CountingTable(a=1)
    cached = CachedTable(table)
    assert cached["a"] == 1
    table["a"] = 2  # recovery writes straight into the table
    assert cached["a"] == 1
    cached.clear_cache()
    assert cached["a"] == 2


def test_cache_is_bounded_and_evicts_the_oldest_entry():
    """At most max_entries keys are kept; the oldest goes first and is re-read on demand."""
    table = CountingTable({f"k{i}": i for i in range(5)})
    cached = CachedTable(table, max_entries=3)
    for i in range(5):
        cached.get(f"k{i}")
    assert table.reads == 5
    cached.get("k4")
    assert table.reads == 5
    cached.get("k0")
    assert table.reads == 6
