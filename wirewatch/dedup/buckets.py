"""LSH buckets in the `dedup_buckets` store: band key -> article id, or a list of ids when shared.

A lookup keeps what it read, so indexing the same article right after its candidate lookup
writes each band without reading the store a second time.
"""

from __future__ import annotations

from typing import Any

from wirewatch.state import Store

Bucket = str | list[str] | None


class BucketIndex:
    """Candidate lookup, insertion and removal over one store of band keys."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def lookup(self, band_keys: list[str]) -> tuple[set[str], list[Bucket]]:
        """Ids sharing at least one band, and each band's bucket as read (for `insert`)."""
        found: list[Any] = list(map(self.store.get, band_keys))
        ids: set[str] = set()
        if found.count(None) == len(found):  # the common case: nothing shares a band
            return ids, found
        for bucket in found:
            if bucket is None:
                continue
            if isinstance(bucket, str):
                ids.add(bucket)
            else:
                ids.update(bucket)
        return ids, found

    def insert(self, article_id: str, band_keys: list[str], found: list[Bucket]) -> None:
        """Add `article_id` to every band's bucket; `found` is what `lookup` read for them."""
        store = self.store
        if found.count(None) == len(band_keys):  # the common case: every band's bucket is new
            for key in band_keys:
                store[key] = article_id
            return
        for key, bucket in zip(band_keys, found, strict=True):
            if bucket is None:
                store[key] = article_id
            elif isinstance(bucket, str):
                store[key] = [bucket, article_id]
            else:
                store[key] = [*bucket, article_id]

    def remove(self, article_id: str, band_keys: list[str]) -> None:
        """Drop `article_id` from its bands' buckets, deleting buckets left empty."""
        store = self.store
        for key in band_keys:
            bucket = store.get(key)
            if bucket is None:
                continue
            rest = [bucket] if isinstance(bucket, str) else list(bucket)
            rest = [a for a in rest if a != article_id]
            if not rest:
                del store[key]
            else:
                store[key] = rest[0] if len(rest) == 1 else rest
