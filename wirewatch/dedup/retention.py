"""The retention window: which articles were indexed on which publication day, and eviction.

Layout in one store, so no store is ever iterated and every write is small:
- `meta` -> {"newest": day | None, "days": {"<day>": count}, "indexed": n, "evicted": n}
- `<day>:<n>` -> the n-th article id indexed under that day (one short entry per article).
- `t:<seq>:<n>` -> the n-th article id entombed when `seq` articles had been indexed; `meta`
  keeps `"seq"` (articles indexed so far) and `"tombs"` ({"<seq>": count}).
Days are whole UTC days since 1970-01-01.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirewatch.state import Store

META_KEY = "meta"


def day_number(moment: dt.datetime) -> int:
    """Whole UTC days since the epoch."""
    return int(moment.timestamp() // 86400)


class RetentionWindow:
    """Tracks indexed article ids per day and hands back the ids that fall out of the window.

    `load()` reads `meta` once per linked article; later calls in the same article reuse it.
    """

    def __init__(self, store: Store, retention_days: int):
        if retention_days < 1:
            raise ValueError(
                f"retention_days must be >= 1, got {retention_days}; the default is 30"
            )
        self.store = store
        self.retention_days = retention_days
        self._meta: dict[str, Any] | None = None

    def load(self) -> dict[str, Any]:
        """Read `meta` from the store (a fresh copy) and keep it for this article's calls."""
        meta = self.store.get(META_KEY)
        if meta is None:
            self._meta = {"newest": None, "days": {}, "indexed": 0, "evicted": 0}
        else:
            self._meta = {**meta, "days": dict(meta["days"]), "tombs": dict(meta.get("tombs", {}))}
        return self._meta

    def _current(self) -> dict[str, Any]:
        return self._meta if self._meta is not None else self.load()

    @property
    def indexed(self) -> int:
        """Articles currently held in the window."""
        return int(self.load()["indexed"])

    @property
    def evicted(self) -> int:
        """Articles evicted since the store was created."""
        return int(self.load()["evicted"])

    def oldest_kept_day(self) -> int | None:
        """First day inside the window, or None before any article."""
        newest = self._current()["newest"]
        return None if newest is None else int(newest) - self.retention_days + 1

    def admits(self, day: int) -> bool:
        """True when an article of `day` is inside the window (and so worth indexing)."""
        oldest = self.oldest_kept_day()
        return oldest is None or day >= oldest

    def advance(self, day: int) -> list[str]:
        """Move the window forward to `day`; return the article ids of the days it drops."""
        meta = self.load()
        if meta["newest"] is not None and day <= int(meta["newest"]):
            return []
        meta["newest"] = day
        cutoff = day - self.retention_days + 1
        expired = self._drain(meta["days"], cutoff, "")
        meta["indexed"] = int(meta["indexed"]) - len(expired)
        meta["evicted"] = int(meta["evicted"]) + len(expired)
        self.store[META_KEY] = meta
        return expired

    def add(self, day: int, article_id: str) -> None:
        """Record that `article_id` was indexed under publication day `day`."""
        meta = self._current()
        days: dict[str, int] = meta["days"]
        count = days.get(str(day), 0)
        self.store[f"{day}:{count}"] = article_id
        days[str(day)] = count + 1
        meta["indexed"] = int(meta["indexed"]) + 1
        meta["seq"] = int(meta.get("seq", 0)) + 1
        self.store[META_KEY] = meta

    def entomb(self, article_ids: list[str]) -> None:
        """Remember that these evicted articles left tombstones, stamped with the current seq."""
        if not article_ids:
            return
        meta = self._current()
        seq = str(int(meta.get("seq", 0)))
        tombs: dict[str, int] = meta.setdefault("tombs", {})
        count = tombs.get(seq, 0)
        for n, article_id in enumerate(article_ids, start=count):
            self.store[f"t:{seq}:{n}"] = article_id
        tombs[seq] = count + len(article_ids)
        self.store[META_KEY] = meta

    def expired_tombstones(self, memory: int) -> list[str]:
        """Ids whose tombstones are older than `memory` indexed articles (and unlist them)."""
        meta = self._current()
        cutoff = int(meta.get("seq", 0)) - memory
        expired = self._drain(meta.get("tombs", {}), cutoff + 1, "t:")
        if expired:
            self.store[META_KEY] = meta
        return expired

    def _drain(self, counts: dict[str, int], below: int, prefix: str) -> list[str]:
        """Delete the `<prefix><group>:<n>` entries of every group under `below`; return their ids.

        `counts` ({"<group>": entries}) loses those groups; the caller writes `meta` back.
        """
        drained: list[str] = []
        for group in sorted((g for g in counts if int(g) < below), key=int):
            for n in range(counts.pop(group)):
                key = f"{prefix}{group}:{n}"
                article_id = self.store.get(key)
                if article_id is not None:
                    drained.append(article_id)
                    del self.store[key]
        return drained
