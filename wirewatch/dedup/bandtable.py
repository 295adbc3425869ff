"""The LSH band table: an in-memory multimap from 64-bit band keys to the articles holding them.

It replaces a string-keyed store of ~42 entries per article (a 42M-key dict at 1M indexed, or a
RocksDB folder in the worker) with two numpy arrays made for the job:

- open addressing with linear probing over `keys` (uint64, 0 = empty) and `values` (int32, the
  article's slot); an entry's home is the top bits of `key * 0x9E3779B97F4A7C15`;
- duplicates allowed: a bucket shared by several articles is several entries with one key, so
  inserting never reads what is stored;
- deletion by backward shift (no tombstones), so probe runs never fill up with dead entries;
- growth by doubling and rehashing when the load would pass one half.

All bands of an article go through one compiled call (numba, eagerly compiled at import and
cached like the kernels in `minhash.py`): the probes are independent, so the CPU overlaps their
cache misses. Without numba (or with `WIREWATCH_NO_NUMBA=1`) the same functions run as Python;
their results are identical (`test_compiled_kernels_equal_the_python_path`).

Slots map to article ids (`ids`, reused through a free list); candidates are article ids, so
slot numbers never reach a result. The table is derived state: the records in `dedup_articles`
keep every indexed article's shingle set, and `reindex.rebuild_buckets` rebuilds it from them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from wirewatch.dedup.minhash import U64Array

I32Array = npt.NDArray[np.int32]
_EMPTY = np.uint64(0)
_STAND_IN = np.uint64(0x9E3779B97F4A7C15)
"""The stored key for a band key of 0 (which marks an empty entry); a 2**-64 chance per band."""
_GOLDEN64 = np.uint64(0x9E3779B97F4A7C15)
MIN_CAPACITY = 1 << 10


def _table_lookup(keys: U64Array, values: I32Array, band_keys: U64Array, shift: np.uint64) -> Any:
    """The values (slots) of every entry whose key is one of `band_keys`, repeats included."""
    mask = keys.size - 1
    found = np.empty(64, dtype=np.int32)
    count = 0
    for band in range(band_keys.size):
        key = band_keys[band]
        if key == _EMPTY:
            key = _STAND_IN
        slot = np.int64((key * _GOLDEN64) >> shift)
        while True:
            held = keys[slot]
            if held == _EMPTY:
                break
            if held == key:
                if count == found.size:
                    grown = np.empty(2 * found.size, dtype=np.int32)
                    grown[:count] = found
                    found = grown
                found[count] = values[slot]
                count += 1
            slot = (slot + 1) & mask
    return found[:count]


def _table_insert(
    keys: U64Array, values: I32Array, band_keys: U64Array, shift: np.uint64, value: int
) -> None:
    """Add one entry (key, value) per band key, each in the first empty slot from its home."""
    mask = keys.size - 1
    for band in range(band_keys.size):
        key = band_keys[band]
        if key == _EMPTY:
            key = _STAND_IN
        slot = np.int64((key * _GOLDEN64) >> shift)
        while keys[slot] != _EMPTY:
            slot = (slot + 1) & mask
        keys[slot] = key
        values[slot] = value


def _table_remove(
    keys: U64Array, values: I32Array, band_keys: U64Array, shift: np.uint64, value: int
) -> int:
    """Delete every entry (key, value) of the band keys; returns how many were deleted.

    Backward shift: the entries after a hole move back into it unless that would put them
    before their home, so every remaining entry stays reachable from its home without gaps.
    """
    mask = keys.size - 1
    removed = 0
    for band in range(band_keys.size):
        key = band_keys[band]
        if key == _EMPTY:
            key = _STAND_IN
        slot = np.int64((key * _GOLDEN64) >> shift)
        while True:
            held = keys[slot]
            if held == _EMPTY:
                break
            if held != key or values[slot] != value:
                slot = (slot + 1) & mask
                continue
            hole = slot
            probe = slot
            while True:
                probe = (probe + 1) & mask
                moving = keys[probe]
                if moving == _EMPTY:
                    break
                home = np.int64((moving * _GOLDEN64) >> shift)
                if ((probe - home) & mask) >= ((probe - hole) & mask):  # home at or before hole
                    keys[hole] = moving
                    values[hole] = values[probe]
                    hole = probe
            keys[hole] = _EMPTY
            removed += 1  # `slot` now holds the run's next entry (or is empty): look again
    return removed


def _table_rehash(
    keys: U64Array, values: I32Array, new_keys: U64Array, new_values: I32Array, shift: np.uint64
) -> None:
    """Insert every entry of the old arrays into the (empty, larger) new ones."""
    mask = new_keys.size - 1
    for index in range(keys.size):
        key = keys[index]
        if key == _EMPTY:
            continue
        slot = np.int64((key * _GOLDEN64) >> shift)
        while new_keys[slot] != _EMPTY:
            slot = (slot + 1) & mask
        new_keys[slot] = key
        new_values[slot] = values[index]


class TableKernels:
    """The four table loops: compiled by numba, or the same functions run as Python."""

    def __init__(
        self,
        lookup: Callable[..., I32Array],
        insert: Callable[..., None],
        remove: Callable[..., int],
        rehash: Callable[..., None],
        compiled: bool,
    ) -> None:
        self.lookup = lookup
        self.insert = insert
        self.remove = remove
        self.rehash = rehash
        self.compiled = compiled


def _quiet(function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` with numpy's overflow warnings off: uint64 arithmetic wraps on purpose."""

    def run(*args: Any) -> Any:
        with np.errstate(over="ignore"):
            return function(*args)

    return run


def python_kernels() -> TableKernels:
    """The table loops as plain Python over numpy arrays (slow; the fallback and reference)."""
    return TableKernels(
        _quiet(_table_lookup),
        _quiet(_table_insert),
        _quiet(_table_remove),
        _quiet(_table_rehash),
        compiled=False,
    )


def _numba_kernels(jit: Any, types: Any, cache: bool) -> TableKernels:
    """The table loops compiled eagerly for their one signature each."""
    u64, i32, i64 = types.uint64, types.int32, types.int64
    band_keys = [types.Array(u64, 1, "C", readonly=flag) for flag in (True, False)]
    return TableKernels(
        jit([i32[::1](u64[::1], i32[::1], bands, u64) for bands in band_keys], cache=cache)(
            _table_lookup
        ),
        jit(
            [types.void(u64[::1], i32[::1], bands, u64, i64) for bands in band_keys],
            cache=cache,
        )(_table_insert),
        jit([i64(u64[::1], i32[::1], bands, u64, i64) for bands in band_keys], cache=cache)(
            _table_remove
        ),
        jit([types.void(u64[::1], i32[::1], u64[::1], i32[::1], u64)], cache=cache)(_table_rehash),
        compiled=True,
    )


def compiled_kernels() -> TableKernels | None:
    """The kernels compiled by numba (cached in __pycache__), or None without numba."""
    try:
        import numba
    except ImportError:  # minhash.py has warned already
        return None
    try:
        return _numba_kernels(numba.njit, numba.types, cache=True)
    except RuntimeError:  # no writable cache location: compile for this process only
        return _numba_kernels(numba.njit, numba.types, cache=False)


def _default_kernels() -> TableKernels:
    """Compiled kernels unless numba is missing or WIREWATCH_NO_NUMBA is set."""
    compiled = None if os.environ.get("WIREWATCH_NO_NUMBA") else compiled_kernels()
    return compiled if compiled is not None else python_kernels()


_KERNELS = _default_kernels()


class BandTable:
    """LSH band index: band key -> articles sharing it, with lookup/insert/remove per article."""

    def __init__(self, capacity: int = MIN_CAPACITY, kernels: TableKernels | None = None) -> None:
        if capacity < 2 or capacity & (capacity - 1):
            raise ValueError(f"capacity must be a power of two >= 2, got {capacity}")
        self._initial = capacity
        self._kernels = kernels or _KERNELS
        self.clear()

    def clear(self) -> None:
        """Drop every entry and article (before a rebuild)."""
        self._allocate(self._initial)
        self._count = 0
        self._ids: list[str] = []  # slot -> article id ("" when free)
        self._slots: dict[str, int] = {}  # article id -> slot
        self._entries: list[int] = []  # slot -> entries holding it
        self._free: list[int] = []

    def _allocate(self, capacity: int) -> None:
        self.keys: U64Array = np.zeros(capacity, dtype=np.uint64)
        self.values: I32Array = np.zeros(capacity, dtype=np.int32)
        self._shift = np.uint64(64 - (capacity.bit_length() - 1))

    @property
    def capacity(self) -> int:
        """Entries the arrays can hold (a power of two; kept at most half full)."""
        return int(self.keys.size)

    def __len__(self) -> int:
        """Entries held (one per band per indexed article)."""
        return self._count

    @property
    def articles(self) -> int:
        """Articles holding at least one entry."""
        return len(self._slots)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._slots

    def reserve(self, entries: int) -> None:
        """Grow now, if needed, so that `entries` entries fit without a doubling later.

        A doubling rehashes every entry into fresh arrays (at 4M entries ~0.05 s, plus the first
        touch of the new memory, which can cost more); a rebuild that knows its size does it once.
        """
        if 2 * entries > self.keys.size:
            self._grow(entries)

    def lookup(self, band_keys: U64Array) -> set[str]:
        """Ids of the articles that share at least one of these band keys."""
        found = self._kernels.lookup(self.keys, self.values, band_keys, self._shift)
        if not found.size:
            return set()
        ids = self._ids
        return {ids[slot] for slot in found.tolist()}

    def insert(self, article_id: str, band_keys: U64Array) -> None:
        """Add `article_id` under every band key (again, if it is already there)."""
        added = int(band_keys.size)
        if not added:
            return
        if 2 * (self._count + added) > self.keys.size:
            self._grow(self._count + added)
        slot = self._slots.get(article_id)
        if slot is None:
            slot = self._new_slot(article_id)
        self._kernels.insert(self.keys, self.values, band_keys, self._shift, slot)
        self._count += added
        self._entries[slot] += added

    def remove(self, article_id: str, band_keys: U64Array) -> None:
        """Drop `article_id` from these band keys; its slot is freed once it holds no entry."""
        slot = self._slots.get(article_id)
        if slot is None:
            return
        removed = self._kernels.remove(self.keys, self.values, band_keys, self._shift, slot)
        self._count -= removed
        self._entries[slot] -= removed
        if self._entries[slot] == 0:
            del self._slots[article_id]
            self._ids[slot] = ""
            self._free.append(slot)

    def entries(self) -> list[tuple[int, str]]:
        """Every (key, article id) entry, sorted (for tests and inspection; reads the arrays)."""
        held = np.flatnonzero(self.keys != _EMPTY)
        ids = self._ids
        pairs = zip(self.keys[held].tolist(), self.values[held].tolist(), strict=True)
        return sorted((key, ids[slot]) for key, slot in pairs)

    @property
    def nbytes(self) -> int:
        """Bytes of the two arrays."""
        return int(self.keys.nbytes + self.values.nbytes)

    def mapping_bytes(self) -> int:
        """Bytes of the slot <-> id containers (not the id strings, which records share)."""
        small_int = sys.getsizeof(1 << 20)
        return (
            sys.getsizeof(self._ids)
            + sys.getsizeof(self._slots)
            + sys.getsizeof(self._entries)
            + sys.getsizeof(self._free)
            + small_int * (len(self._slots) + len(self._free))  # slots > 256 are int objects
        )

    def _new_slot(self, article_id: str) -> int:
        if self._free:
            slot = self._free.pop()
            self._ids[slot] = article_id
        else:
            slot = len(self._ids)
            if slot > np.iinfo(np.int32).max:
                raise OverflowError("band table: more than 2**31 articles")
            self._ids.append(article_id)
            self._entries.append(0)
        self._slots[article_id] = slot
        return slot

    def _grow(self, needed: int) -> None:
        """Double the arrays until `needed` entries fill at most half, and rehash into them."""
        capacity = self.keys.size
        while 2 * needed > capacity:
            capacity *= 2
        keys, values = self.keys, self.values
        self._allocate(capacity)
        self._kernels.rehash(keys, values, self.keys, self.values, self._shift)
