"""Benchmark (not a test): our Linker against datasketch MinHash + MinHashLSH on the same input.

    /work/venv/bin/python bench/bench_dedup.py            # ~2-3 min: 20k race, index to 100k
    /work/venv/bin/python bench/bench_dedup.py --index-size 1000000   # measured 1M (~6 GB RAM)

Synthetic news: Zipf words, 250-word articles, 25% copies of an earlier article (rewritten lede,
chrome line, sometimes truncated). Both sides use the same 5-word shingles, num_perm=128 and the
same LSH layout (42 bands x 3 rows); datasketch verifies candidates with its estimated Jaccard.
Index bytes are the serialised size a RocksDB-backed table holds: key + JSON value bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from schemas.parsed import Outlet, ParsedArticle
from wirewatch.dedup import DedupSettings, LinkDecision, Linker
from wirewatch.dedup.minhash import words
from wirewatch.ids import content_hash
from wirewatch.state import in_memory_stores

VOCAB = np.array([f"w{i}" for i in range(30000)])
T0 = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def synthetic(count: int, seed: int, prefix: str) -> Iterator[tuple[ParsedArticle, str | None]]:
    """Articles and, for copies, the id of the article they copy."""
    rng = np.random.default_rng(seed)
    ranks = np.minimum(rng.zipf(1.2, size=count * 260), len(VOCAB)) - 1
    bodies: list[str] = []
    for i in range(count):
        source: str | None = None
        if i > 10 and rng.random() < 0.25:
            j = int(rng.integers(max(0, i - 5000), i))
            base = bodies[j].split(" ")
            cut = len(base) if rng.random() < 0.7 else int(len(base) * 0.6)
            text_words = ["dateline", "sputnik", *base[3:cut], "related", "topics", "share"]
            source = f"{prefix}{j}"
        else:
            text_words = VOCAB[ranks[i * 260 : i * 260 + 250]].tolist()
        text = " ".join(text_words)
        bodies.append(text)
        yield (
            ParsedArticle(
                article_id=f"{prefix}{i}",
                url=f"https://site{i % 97}.example/{prefix}{i}",
                outlet=Outlet(name="x", domain=f"site{i % 97}.example"),
                headline="h",
                published_at=T0 + dt.timedelta(seconds=i),
                fetched_at=T0 + dt.timedelta(seconds=i + 60),
                paragraphs=[text],
                language="en",
                text_for_matching=text,
                content_hash=content_hash(text),
            ),
            source,
        )


def run_ours(linker: Linker, items: list[tuple[ParsedArticle, str | None]]) -> tuple[float, int]:
    """Seconds to link all items, and how many copies were linked to a story."""
    began = time.perf_counter()
    results = [linker.link(parsed) for parsed, _ in items]
    elapsed = time.perf_counter() - began
    found = sum(
        1
        for (_, source), result in zip(items, results, strict=True)
        if source and result.decision is not LinkDecision.NEW_STORY
    )
    return elapsed, found


def run_datasketch(
    items: list[tuple[ParsedArticle, str | None]], settings: DedupSettings
) -> tuple[float, int]:
    """The same job with datasketch: MinHash per article, LSH query, verify, insert."""
    k = settings.shingle_words
    lsh = MinHashLSH(num_perm=settings.num_perm, params=(settings.bands, settings.rows))
    kept: dict[str, MinHash] = {}
    found = 0
    began = time.perf_counter()
    for parsed, source in items:
        tokens = words(parsed.text_for_matching)
        shingles = {" ".join(tokens[i : i + k]).encode() for i in range(len(tokens) - k + 1)}
        minhash = MinHash(num_perm=settings.num_perm)
        minhash.update_batch(list(shingles))
        matched = [
            key
            for key in lsh.query(minhash)
            if kept[key].jaccard(minhash) >= settings.jaccard_threshold
        ]
        lsh.insert(parsed.article_id, minhash)
        kept[parsed.article_id] = minhash
        found += bool(source and matched)
    return time.perf_counter() - began, found


def store_bytes(stores: dict[str, dict[str, Any]]) -> int:
    """Serialised size of every key and JSON value (the bench may iterate; the Linker never)."""
    return sum(
        len(key) + len(json.dumps(value, separators=(",", ":")))
        for store in stores.values()
        for key, value in store.items()
    )


def per_article_us(linker: Linker, seed: int, prefix: str, count: int = 2000) -> float:
    """Microseconds per article for a fresh batch (25% copies of its own earlier items)."""
    items = list(synthetic(count, seed, prefix))
    elapsed, _ = run_ours(linker, items)
    return elapsed / count * 1e6


def main() -> None:
    """Print throughput, ratio, index bytes per article and cost flatness."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--race-size", type=int, default=20000)
    parser.add_argument("--index-size", type=int, default=100000)
    args = parser.parse_args()
    settings = DedupSettings()

    race = list(synthetic(args.race_size, 1, "r"))
    copies = sum(1 for _, source in race if source)
    ours_s, ours_found = run_ours(Linker(settings, in_memory_stores(Linker.STORE_NAMES)), race)
    ds_s, ds_found = run_datasketch(race, settings)
    print(f"race: {args.race_size} articles, {copies} copies")
    print(f"  ours:       {args.race_size / ours_s:8.0f} articles/s, copies linked {ours_found}")
    print(f"  datasketch: {args.race_size / ds_s:8.0f} articles/s, copies linked {ds_found}")
    print(f"  ratio ours/datasketch: {ds_s / ours_s:.2f}x")
    del race

    stores = in_memory_stores(Linker.STORE_NAMES)
    linker = Linker(settings, stores)
    fill = 10000
    for parsed, _ in synthetic(fill, 2, "f"):
        linker.link(parsed)
    small = per_article_us(linker, 3, "s")
    print(f"index {linker.index_size:>8}: {small:7.1f} us/article")
    chunk = 50000
    done, seed = linker.index_size, 10
    while done < args.index_size:
        step = min(chunk, args.index_size - done)
        for parsed, _ in synthetic(step, seed, f"g{seed}-"):
            linker.link(parsed)
        done, seed = linker.index_size, seed + 1
        if done in (100000,) or done >= args.index_size:
            size = store_bytes(stores)
            print(f"index {done:>8}: {size / done:7.0f} bytes/article (key + JSON value)")
    large = per_article_us(linker, 4, "l")
    print(f"index {linker.index_size:>8}: {large:7.1f} us/article")
    print(f"  cost ratio {linker.index_size} vs 10k: {large / small:.2f}x")


if __name__ == "__main__":
    main()
