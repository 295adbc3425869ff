"""A local RocksDB store for derived state: no changelog, rebuilt after every rebalance.

The LSH bucket index is derived from the article records (which are changelogged); writing its
~26 band keys per article to Kafka would make them three quarters of the sequencer's changelog
traffic. It lives here instead and is rebuilt from `dedup_articles` when table recovery ends.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

from rocksdict import Options, Rdict


class LocalStore(MutableMapping[str, Any]):
    """A string-keyed mapping in a worker-local RocksDB folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = self._open()

    def _open(self) -> Rdict:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        options = Options()
        options.create_if_missing(True)
        return Rdict(str(self.path), options)

    def reset(self) -> None:
        """Drop every entry (by deleting the folder) before a rebuild."""
        self._db.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self._db = self._open()

    def close(self) -> None:
        """Close the database (tests reopen the same folder)."""
        self._db.close()

    def __getitem__(self, key: str) -> Any:
        return self._db[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The value for `key`, or `default`."""
        return self._db.get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._db.get(key) is not None

    def __setitem__(self, key: str, value: Any) -> None:
        self._db[key] = value

    def __delitem__(self, key: str) -> None:
        if self._db.get(key) is None:
            raise KeyError(key)
        del self._db[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._db.keys())

    def __len__(self) -> int:
        return len(list(self._db.keys()))
