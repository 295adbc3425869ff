"""RocksDB-backed stores for the dedup benchmark: what a Faust RocksDB table holds, minus Kafka.

Each store is one rocksdict database in raw mode: UTF-8 keys, compact JSON values, as the worker's
tables serialise them. Only get / [] / []= / del / in are used by the Linker.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from rocksdict import Options, Rdict

_MISSING = object()


class RocksStore(MutableMapping[str, Any]):
    """A string-keyed MutableMapping of JSON values over one RocksDB database."""

    def __init__(self, path: Path) -> None:
        options = Options(raw_mode=True)
        options.create_if_missing(True)
        self.db = Rdict(str(path), options)

    def get(self, key: str, default: Any = None) -> Any:
        """The decoded value of `key`, or `default`."""
        raw = self.db.get(key.encode())
        return default if raw is None else json.loads(raw)

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.db[key.encode()] = json.dumps(value, separators=(",", ":")).encode()

    def __delitem__(self, key: str) -> None:
        self.db.delete(key.encode())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.db.get(key.encode()) is not None

    def __iter__(self) -> Iterator[str]:
        return (key.decode() for key in self.db)

    def __len__(self) -> int:
        return sum(1 for _ in self.db)

    def serialised_bytes(self) -> int:
        """Key + value bytes of every entry (a full scan: benchmark use only)."""
        return sum(len(key) + len(value) for key, value in self.db.items())

    def close(self) -> None:
        """Flush and close the database."""
        self.db.close()


def rocks_stores(root: Path, names: Iterable[str]) -> dict[str, RocksStore]:
    """One RocksStore per name under `root`."""
    return {name: RocksStore(root / name) for name in names}


def disk_bytes(root: Path) -> int:
    """Bytes of every file under `root` (SST files after flush: compressed on disk)."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
