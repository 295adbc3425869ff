"""LocalStore: the worker-local RocksDB mapping for derived state."""

from __future__ import annotations

import pytest

from agents.derived_store import LocalStore


def test_local_store_round_trips_strings_and_lists(tmp_path):
    """Values written are read back; missing keys give the default or KeyError."""
    store = LocalStore(tmp_path / "idx")
    store["a"] = "article-1"
    store["b"] = ["article-1", "article-2"]
    assert store["a"] == "article-1"
    assert store.get("b") == ["article-1", "article-2"]
    assert store.get("zzz") is None
    assert "a" in store
    assert "zzz" not in store
    with pytest.raises(KeyError):
        store["zzz"]
    del store["a"]
    assert "a" not in store
    assert len(store) == 1


def test_local_store_survives_reopen_and_reset_empties_it(tmp_path):
    """Data persists across a reopen; reset() removes everything."""
    store = LocalStore(tmp_path / "idx")
    store["k"] = "v"
    store.close()
    reopened = LocalStore(tmp_path / "idx")
    assert reopened["k"] == "v"
    reopened.reset()
    assert len(reopened) == 0
    reopened["k2"] = "v2"
    assert reopened["k2"] == "v2"
