"""Rebuild the LSH band table from the article records it was derived from.

The band table (`bandtable.BandTable`, the Linker's `index`) lives in memory only: it is ~42
entries per article, and as a Faust table every write would also be a changelog message. After
a rebalance or a restart the worker rebuilds it from `dedup_articles`, whose records keep each
article's shingle set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wirewatch.dedup.linker import Linker
from wirewatch.dedup.minhash import decode_set


def rebuild_buckets(linker: Linker, records: Iterable[tuple[str, Any]]) -> int:
    """Empty the linker's band table, then insert every indexed article's band keys.

    `records` are the (article id, record) pairs of the `dedup_articles` store. Returns how
    many articles were indexed; records without a shingle set (tombstones, articles with no
    text to match) are skipped.
    """
    index, minhasher = linker.index, linker.minhasher
    index.clear()
    index.reserve(linker.index_size * minhasher.bands)  # one allocation, not one per doubling
    indexed = 0
    for article_id, record in records:
        encoded = record.get("sh") if isinstance(record, Mapping) else None
        if not encoded:
            continue
        index.insert(article_id, minhasher.band_hashes(minhasher.signature(decode_set(encoded))))
        indexed += 1
    return indexed
