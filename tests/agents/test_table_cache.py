"""CachedTable: a read cache and write-back buffer that never serves a stale value."""

from __future__ import annotations

import pytest

from agents.table_cache import CachedTable, flush_writes


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


def test_writes_and_deletes_reach_the_table_at_flush():
    """Set and delete are served from the buffer at once and reach the table on flush."""
    table = CountingTable(old=1)
    cached = CachedTable(table)
    assert "k" not in cached  # a cached miss
    cached["k"] = {"v": 1}
    del cached["old"]
    assert cached["k"] == {"v": 1}
    assert "old" not in cached
    assert table == {"old": 1}
    assert cached.pending == 2
    assert cached.flush_writes() == 2
    assert table == {"k": {"v": 1}}
    del cached["k"]
    with pytest.raises(KeyError):
        cached["k"]
    with pytest.raises(KeyError):
        del cached["k"]
    cached.flush_writes()
    assert table == {}


def test_a_key_written_many_times_in_a_batch_is_written_once():
    """Repeated writes of one key coalesce: the table sees the last value, once."""
    writes: list[str] = []

    class RecordingTable(dict[str, object]):
        def __setitem__(self, key: str, value: object) -> None:
            writes.append(key)
            super().__setitem__(key, value)

    table = RecordingTable()
    cached = CachedTable(table)
    for n in range(5):
        cached["meta"] = {"n": n}
        cached[f"a{n}"] = n
    assert flush_writes([cached, {"not": "a cached table"}]) == 6
    assert writes == ["meta", "a0", "a1", "a2", "a3", "a4"]
    assert table["meta"] == {"n": 4}
    assert cached.coalesced_writes == 4


def test_set_then_deleted_in_one_batch_never_reaches_the_table():
    """A key created and deleted before the flush leaves the table untouched."""
    table = CountingTable()
    cached = CachedTable(table)
    cached["tmp"] = 1
    del cached["tmp"]
    assert cached.flush_writes() == 0
    assert table == {}


def test_a_buffered_write_survives_cache_eviction():
    """A pending value evicted from the bounded cache is still served, not the table's."""
    table = CountingTable(a="old")
    cached = CachedTable(table, max_entries=2)
    cached["a"] = "new"
    cached.get("b")
    cached.get("c")  # evicts "a" from the cache; it is still pending
    assert cached["a"] == "new"
    cached.flush_writes()
    assert table["a"] == "new"


def test_a_full_scan_refuses_unflushed_writes():
    """A full scan with writes still buffered would miss them, so it raises."""
    cached = CachedTable(CountingTable())
    cached["k"] = 1
    with pytest.raises(RuntimeError):
        list(cached.items())
    cached.flush_writes()
    assert dict(cached.items()) == {"k": 1}


def test_clear_cache_drops_the_writes_of_a_failed_batch():
    """An assignment discards unflushed writes: their events were not acked and come again."""
    table = CountingTable(a=1)
    cached = CachedTable(table)
    cached["a"] = 2
    cached.clear_cache()
    assert cached.flush_writes() == 0
    assert cached["a"] == 1


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
