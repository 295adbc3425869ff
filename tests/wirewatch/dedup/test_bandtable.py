"""The LSH band table: open addressing, shared buckets, backward-shift deletion, growth."""

from __future__ import annotations

import numpy as np
import pytest

from wirewatch.dedup import bandtable
from wirewatch.dedup.bandtable import BandTable, TableKernels, python_kernels


def _keys(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.uint64)


def _home(table: BandTable, key: int) -> int:
    """The slot a key's probe starts at (the top bits of key * golden)."""
    bits = table.capacity.bit_length() - 1
    return ((key * 0x9E3779B97F4A7C15) & ((1 << 64) - 1)) >> (64 - bits)


def _colliding_keys(table: BandTable, count: int, home: int = 5) -> list[int]:
    """`count` distinct keys that all start probing at slot `home`."""
    found: list[int] = []
    key = 1
    while len(found) < count:
        if _home(table, key) == home:
            found.append(key)
        key += 1
    return found


@pytest.fixture(params=["compiled", "python"])
def kernels(request: pytest.FixtureRequest) -> TableKernels:
    """Run a test on the numba kernels and again on the plain Python functions."""
    if request.param == "python":
        return python_kernels()
    compiled = bandtable.compiled_kernels()
    if compiled is None:
        pytest.skip("numba is not installed")
    return compiled


def test_shared_buckets_find_every_article_and_remove_only_one(kernels: TableKernels) -> None:
    """Articles sharing a band key are all found; removing one leaves the others."""
    table = BandTable(64, kernels)
    table.insert("a", _keys(10, 11, 12))
    table.insert("b", _keys(10, 21, 22))
    table.insert("c", _keys(30, 11, 32))
    assert table.lookup(_keys(10)) == {"a", "b"}
    assert table.lookup(_keys(11, 99)) == {"a", "c"}
    assert table.lookup(_keys(12, 22, 32)) == {"a", "b", "c"}
    assert table.lookup(_keys(99, 98)) == set()
    assert (len(table), table.articles) == (9, 3)
    table.remove("a", _keys(10, 11, 12))
    assert table.lookup(_keys(10, 11, 12)) == {"b", "c"}
    assert (len(table), table.articles) == (6, 2)
    assert "a" not in table
    assert "b" in table


def test_key_zero_is_stored_like_any_other(kernels: TableKernels) -> None:
    """A band key of 0 (the empty marker) is stored under a stand-in and found again."""
    table = BandTable(64, kernels)
    table.insert("z", _keys(0, 7))
    assert table.lookup(_keys(0)) == {"z"}
    table.remove("z", _keys(0, 7))
    assert len(table) == 0
    assert table.lookup(_keys(0, 7)) == set()


def test_removal_keeps_later_entries_of_the_run_findable(kernels: TableKernels) -> None:
    """Deleting from the middle of a probe run shifts the rest back; every other key is found."""
    table = BandTable(64, kernels)
    keys = _colliding_keys(table, 6)
    for number, key in enumerate(keys):
        table.insert(f"a{number}", _keys(key))
    run = table.keys[5:11].tolist()
    assert sorted(run) == sorted(keys), "all six share home slot 5, so they fill slots 5..10"
    table.remove("a2", _keys(keys[2]))
    assert table.keys[10] == 0, "the run closed up: no hole, no tombstone"
    for number, key in enumerate(keys):
        assert table.lookup(_keys(key)) == (set() if number == 2 else {f"a{number}"})


def test_removal_does_not_move_an_entry_before_its_home(kernels: TableKernels) -> None:
    """An entry whose home lies after the hole stays put; everything stays findable."""
    table = BandTable(64, kernels)
    at_five = _colliding_keys(table, 3, home=5)
    at_six = _colliding_keys(table, 1, home=6)[0]
    at_nine = _colliding_keys(table, 1, home=9)[0]
    table.insert("x", _keys(at_five[0], at_five[1]))
    table.insert("y", _keys(at_six, at_nine))  # at_six probes to slot 7
    table.insert("z", _keys(at_five[2]))  # slot 8
    table.remove("x", _keys(at_five[0], at_five[1]))
    assert table.lookup(_keys(at_six)) == {"y"}
    assert table.lookup(_keys(at_nine)) == {"y"}
    assert table.lookup(_keys(at_five[2])) == {"z"}
    assert table.keys[9] == at_nine, "home 9 is after every hole: it never moves"
    assert table.lookup(_keys(*at_five[:2])) == set()


def test_removal_at_the_end_of_the_array_wraps_around(kernels: TableKernels) -> None:
    """Runs that wrap past the last slot close up across the wrap."""
    table = BandTable(16, kernels)
    keys = _colliding_keys(table, 4, home=15)
    table.insert("w", _keys(*keys[:2]))
    table.insert("v", _keys(*keys[2:]))
    assert np.all(table.keys[[15, 0, 1, 2]] != 0)
    table.remove("w", _keys(*keys[:2]))
    assert table.lookup(_keys(*keys[2:])) == {"v"}
    assert sorted(table.keys[[15, 0]].tolist()) == sorted(keys[2:])
    assert np.all(table.keys[[1, 2]] == 0)


def test_growth_keeps_every_entry(kernels: TableKernels) -> None:
    """Doubling and rehashing keeps every entry findable and the load at most one half."""
    rng = np.random.default_rng(3)
    table = BandTable(16, kernels)
    held = {f"n{i}": rng.integers(0, 2**64, size=7, dtype=np.uint64) for i in range(200)}
    for article_id, keys in held.items():
        table.insert(article_id, keys)
        assert 2 * len(table) <= table.capacity
    assert table.capacity == 4096  # 1400 entries
    for article_id, keys in held.items():
        for key in keys:
            assert table.lookup(_keys(int(key))) == {article_id}
    assert len(table.entries()) == 1400


def test_reserve_grows_once_and_keeps_every_entry(kernels: TableKernels) -> None:
    """reserve() sizes the arrays for that many entries at most half full, keeping the entries."""
    table = BandTable(16, kernels)
    table.insert("r", _keys(1, 2, 3))
    table.reserve(1000)
    assert table.capacity == 2048
    table.reserve(10)  # already room: nothing changes
    assert table.capacity == 2048
    assert table.lookup(_keys(1, 2, 3)) == {"r"}
    for number in range(330):
        table.insert(f"f{number}", _keys(number + 10, number + 5000, number + 9000))
    assert table.capacity == 2048, "999 entries fit without a doubling"


def test_slots_are_reused_only_after_every_entry_is_gone(kernels: TableKernels) -> None:
    """An article inserted twice keeps its slot until both insertions were removed."""
    table = BandTable(64, kernels)
    table.insert("a", _keys(1, 2))
    table.insert("a", _keys(1, 2))  # duplicates, as a string bucket list held them
    assert len(table) == 4
    table.remove("a", _keys(1))
    assert table.lookup(_keys(2)) == {"a"}
    assert "a" in table
    table.remove("a", _keys(2))
    assert "a" not in table
    assert len(table) == 0
    table.insert("b", _keys(3))
    assert table.entries() == [(3, "b")]
    table.remove("nobody", _keys(3))  # unknown article: nothing happens
    assert table.lookup(_keys(3)) == {"b"}


def test_clear_empties_the_table(kernels: TableKernels) -> None:
    """clear() drops every entry and article and returns to the initial capacity."""
    table = BandTable(16, kernels)
    for number in range(20):
        table.insert(f"c{number}", _keys(number + 1, number + 100))
    table.clear()
    assert (len(table), table.articles, table.capacity) == (0, 0, 16)
    assert table.lookup(_keys(*range(1, 21))) == set()


def test_compiled_kernels_equal_the_python_path() -> None:
    """Random inserts, lookups and removals leave identical arrays and answers on both paths."""
    compiled = bandtable.compiled_kernels()
    if compiled is None:
        pytest.skip("numba is not installed")
    rng = np.random.default_rng(5)
    # few distinct keys: many shared buckets and long runs
    pool = rng.integers(0, 2**64, size=300, dtype=np.uint64)
    pool[0] = 0
    tables = [BandTable(16, compiled), BandTable(16, python_kernels())]
    live: dict[str, np.ndarray] = {}
    answers: list[list[set[str]]] = [[], []]
    for step in range(600):
        if live and rng.random() < 0.35:
            article_id = sorted(live)[int(rng.integers(len(live)))]
            keys = live.pop(article_id)
            for table in tables:
                table.remove(article_id, keys)
        else:
            article_id = f"s{step}"
            keys = pool[rng.integers(0, pool.size, size=int(rng.integers(1, 12)))]
            live[article_id] = keys
            for table in tables:
                table.insert(article_id, keys)
        probe = pool[rng.integers(0, pool.size, size=10)]
        for answer, table in zip(answers, tables, strict=True):
            answer.append(table.lookup(probe))
    assert answers[0] == answers[1]
    assert np.array_equal(tables[0].keys, tables[1].keys)
    assert np.array_equal(tables[0].values, tables[1].values)
    assert tables[0].entries() == tables[1].entries()
    expected = sorted(
        (int(key) or 0x9E3779B97F4A7C15, article_id)
        for article_id, keys in live.items()
        for key in keys
    )
    assert tables[0].entries() == expected


def test_capacity_must_be_a_power_of_two() -> None:
    """A capacity that is not a power of two is refused with the rule."""
    with pytest.raises(ValueError, match="power of two"):
        BandTable(1000)
