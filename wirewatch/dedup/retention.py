"""The retention window: which articles were indexed on which publication day, and eviction.

Layout in one store, so no store is ever iterated:
- `meta` -> {"newest": day | None, "days": {"<day>": count}, "indexed": n, "evicted": n}
- `<day>:<chunk>` -> [article ids], chunks of `chunk_size` so a write never rewrites a big list.
Days are whole UTC days since 1970-01-01.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirewatch.state import Store

META_KEY = "meta"
DEFAULT_CHUNK_SIZE = 256


def day_number(moment: dt.datetime) -> int:
    """Whole UTC days since the epoch."""
    return int(moment.timestamp() // 86400)


class RetentionWindow:
    """Tracks indexed article ids per day and hands back the ids that fall out of the window."""

    def __init__(self, store: Store, retention_days: int, chunk_size: int = DEFAULT_CHUNK_SIZE):
        if retention_days < 1:
            raise ValueError(
                f"retention_days must be >= 1, got {retention_days}; the default is 30"
            )
        self.store = store
        self.retention_days = retention_days
        self.chunk_size = chunk_size

    def _meta(self) -> dict[str, Any]:
        meta = self.store.get(META_KEY)
        if meta is None:
            return {"newest": None, "days": {}, "indexed": 0, "evicted": 0}
        return dict(meta)

    @property
    def indexed(self) -> int:
        """Articles currently held in the window."""
        return int(self._meta()["indexed"])

    @property
    def evicted(self) -> int:
        """Articles evicted since the store was created."""
        return int(self._meta()["evicted"])

    def oldest_kept_day(self) -> int | None:
        """First day inside the window, or None before any article."""
        meta = self.store.get(META_KEY)
        newest = None if meta is None else meta["newest"]
        return None if newest is None else int(newest) - self.retention_days + 1

    def admits(self, day: int) -> bool:
        """True when an article of `day` is inside the window (and so worth indexing)."""
        oldest = self.oldest_kept_day()
        return oldest is None or day >= oldest

    def advance(self, day: int) -> list[str]:
        """Move the window forward to `day`; return the article ids of the days it drops."""
        meta = self._meta()
        if meta["newest"] is not None and day <= int(meta["newest"]):
            return []
        meta["newest"] = day
        cutoff = day - self.retention_days + 1
        days: dict[str, int] = dict(meta["days"])
        expired: list[str] = []
        for old_day in sorted((d for d in days if int(d) < cutoff), key=int):
            count = days.pop(old_day)
            for chunk in range((count + self.chunk_size - 1) // self.chunk_size):
                chunk_key = f"{old_day}:{chunk}"
                expired.extend(self.store.get(chunk_key) or [])
                if chunk_key in self.store:
                    del self.store[chunk_key]
        meta["days"] = days
        meta["indexed"] = int(meta["indexed"]) - len(expired)
        meta["evicted"] = int(meta["evicted"]) + len(expired)
        self.store[META_KEY] = meta
        return expired

    def add(self, day: int, article_id: str) -> None:
        """Record that `article_id` was indexed under publication day `day`."""
        meta = self._meta()
        days: dict[str, int] = dict(meta["days"])
        count = days.get(str(day), 0)
        chunk_key = f"{day}:{count // self.chunk_size}"
        self.store[chunk_key] = [*(self.store.get(chunk_key) or []), article_id]
        days[str(day)] = count + 1
        meta["days"] = days
        meta["indexed"] = int(meta["indexed"]) + 1
        self.store[META_KEY] = meta
