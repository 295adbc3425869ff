"""Rebuild the LSH bucket store from the article records it was derived from.

The worker keeps `dedup_buckets` as a local, derived index (no changelog): it is ~3/4 of the
linker's writes, and every changelogged write is a Kafka message. After a rebalance or a restart
the index is rebuilt from `dedup_articles`, whose records keep each article's shingle set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wirewatch.dedup.linker import Linker
from wirewatch.dedup.minhash import decode_set


def rebuild_buckets(linker: Linker, records: Iterable[tuple[str, Any]]) -> int:
    """Insert every indexed article's band keys into the linker's (empty) bucket store.

    `records` are the (article id, record) pairs of the `dedup_articles` store. Returns how
    many articles were indexed; records without a shingle set (never indexed) are skipped.
    """
    indexed = 0
    for article_id, record in records:
        encoded = record.get("sh") if isinstance(record, Mapping) else None
        if not encoded:
            continue
        band_keys = linker.minhasher.band_keys(linker.minhasher.signature(decode_set(encoded)))
        _, found = linker.index.lookup(band_keys)
        linker.index.insert(article_id, band_keys, found)
        indexed += 1
    return indexed
