"""Benchmark (not a test): our Linker against datasketch MinHash + MinHashLSH on the same input.

    /work/venv/bin/python bench/bench_dedup.py          # ~3 min: 20k race, dict stores to 100k
    /work/venv/bin/python bench/bench_dedup.py --no-race --index-size 1000000  # 1M: 5.8 GB RSS
    /work/venv/bin/python bench/bench_dedup.py --full   # + 1M indexed in RocksDB stores (long)

Synthetic news: Zipf words, 250-word articles, 25% copies of an earlier article (rewritten lede,
chrome line, sometimes truncated). Both sides use the same 5-word shingles, num_perm=128 and the
same LSH layout (42 bands x 3 rows); datasketch verifies candidates with its estimated Jaccard
and starts each MinHash as a copy of one template (its documented fast path: a new MinHash()
re-draws its 2 x num_perm permutation parameters, which used to cost it ~1/5 of its time here).
Times are process CPU seconds (both sides are single-threaded, so machine load from other
processes does not count); the two sides run alternately in chunks, so cache pressure hits both
alike; cost flatness likewise alternates a 10k-indexed and a large-indexed Linker on the same
fresh batch, in three rounds of 4,000 articles, each round's ratio printed (the large linker's
memory-bound work suffers more from a neighbour's cache and memory traffic: one round alone
swung 1.0x-1.3x at 1M). Both band tables are sized beforehand so that neither doubles inside
the batch (a doubling rehashes the whole table once: a one-off stall, amortised into the fill
figures, that would otherwise land in the batch whenever the index sits just below a power of
two), and the batch runs with the worker's garbage-collector settings (`wirewatch.gc_pause`:
the filled indexes frozen, young passes per 100k allocations). With the defaults, a full pass
over the ~430k tracked objects (~0.35 s) fell at random into one linker's chunks: 0.5x to 2.0x
at 100k, run to run.
Index bytes are the serialised size a RocksDB-backed table holds: key + JSON value bytes;
`--full` also prints the on-disk size of the RocksDB stores (bench/rocks_store.py). The LSH band
table is in memory, not a store: its arrays and its slot <-> id mapping are printed apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH
from rocks_store import RocksStore, disk_bytes, rocks_stores

from schemas.parsed import Outlet, ParsedArticle
from wirewatch.dedup import DedupSettings, LinkDecision, Linker
from wirewatch.dedup.minhash import words
from wirewatch.gc_pause import fewer_collections, freeze_long_lived
from wirewatch.ids import content_hash
from wirewatch.state import Store, in_memory_stores

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


Items = list[tuple[ParsedArticle, str | None]]
TIMED_ROUNDS = 3
"""Flatness times this many rounds of 4,000 fresh articles."""


class Ours:
    """Our Linker, timed per chunk; counts copies it linked to a story."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.seconds = 0.0
        self.found = 0

    def run(self, items: Items) -> None:
        """Link `items` in order."""
        began = time.process_time()
        results = [self.linker.link(parsed) for parsed, _ in items]
        self.seconds += time.process_time() - began
        self.found += sum(
            1
            for (_, source), result in zip(items, results, strict=True)
            if source and result.decision is not LinkDecision.NEW_STORY
        )


class Datasketch:
    """The same job with datasketch: MinHash per article, LSH query, verify, insert."""

    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        self.lsh = MinHashLSH(num_perm=settings.num_perm, params=(settings.bands, settings.rows))
        # datasketch's documented fast start (what MinHash.generator/bulk do): copy one MinHash
        # instead of building each anew, which re-draws the 2 x num_perm permutation parameters
        self.template = MinHash(num_perm=settings.num_perm)
        self.kept: dict[str, MinHash] = {}
        self.seconds = 0.0
        self.found = 0

    def run(self, items: Items) -> None:
        """Index `items` in order, verifying candidates with the estimated Jaccard."""
        k, threshold = self.settings.shingle_words, self.settings.jaccard_threshold
        lsh, kept, template = self.lsh, self.kept, self.template
        began = time.process_time()
        for parsed, source in items:
            tokens = words(parsed.text_for_matching)
            shingles = {" ".join(tokens[i : i + k]).encode() for i in range(len(tokens) - k + 1)}
            minhash = template.copy()
            minhash.update_batch(list(shingles))
            matched = [key for key in lsh.query(minhash) if kept[key].jaccard(minhash) >= threshold]
            lsh.insert(parsed.article_id, minhash)
            kept[parsed.article_id] = minhash
            self.found += bool(source and matched)
        self.seconds += time.process_time() - began


def chunks(items: Items, size: int) -> Iterator[Items]:
    """Consecutive slices of `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def race(settings: DedupSettings, count: int, chunk: int) -> None:
    """Both sides on the same input, alternating in chunks so machine load hits both alike."""
    items = list(synthetic(count, 1, "r"))
    copies = sum(1 for _, source in items if source)
    ours = Ours(Linker(settings, in_memory_stores(Linker.STORE_NAMES)))
    theirs = Datasketch(settings)
    for part in chunks(items, chunk):
        ours.run(part)
        theirs.run(part)
    print(f"race: {count} articles, {copies} copies, alternating chunks of {chunk}")
    print(f"  ours:       {count / ours.seconds:8.0f} articles/s, copies linked {ours.found}")
    print(f"  datasketch: {count / theirs.seconds:8.0f} articles/s, copies linked {theirs.found}")
    print(f"  ratio ours/datasketch: {theirs.seconds / ours.seconds:.2f}x")


def store_bytes(stores: Mapping[str, Store]) -> int:
    """Serialised size of every key and JSON value (the bench may iterate; the Linker never)."""
    total = 0
    for store in stores.values():
        if isinstance(store, RocksStore):
            total += store.serialised_bytes()
        else:
            total += sum(
                len(key) + len(json.dumps(value, separators=(",", ":")))
                for key, value in store.items()
            )
    return total


def print_bytes(linker: Linker, stores: Mapping[str, Store]) -> None:
    """Bytes per indexed article: JSON stores, then the in-memory band table."""
    done = linker.index_size
    table = linker.index
    print(
        f"index {done:>8}: {store_bytes(stores) / done:7.0f} bytes/article (key + JSON); "
        f"band table {table.nbytes / done:5.0f} (arrays: {table.capacity:,} entries of 12 bytes, "
        f"load {len(table) / table.capacity:.2f}) + {table.mapping_bytes() / done:3.0f} "
        "(slot <-> id mapping)"
    )


def fill(linker: Linker, target: int, first_seed: int, stores: Mapping[str, Store]) -> None:
    """Link synthetic batches until `target` articles are indexed; print bytes at 100k/target.

    Each 50k batch also prints its CPU cost per article, so a long fill shows the cost curve.
    """
    seed = first_seed
    while linker.index_size < target:
        step = min(50000, target - linker.index_size)
        batch = list(synthetic(step, seed, f"g{seed}-"))
        began = time.process_time()
        for parsed, _ in batch:
            linker.link(parsed)
        spent = time.process_time() - began
        seed += 1
        done = linker.index_size
        if target > 100000:
            print(f"  fill to {done:>8}: {spent / step * 1e6:7.1f} us/article (CPU)", flush=True)
        if done == 100000 or done >= target:
            print_bytes(linker, stores)


def flatness(settings: DedupSettings, target: int, root: Path | None) -> None:
    """Per-article cost at 10k vs `target` indexed, the two linkers alternating in chunks."""
    make = (
        (lambda name: in_memory_stores(Linker.STORE_NAMES))
        if root is None
        else (lambda name: rocks_stores(root / name, Linker.STORE_NAMES))
    )
    small_stores, large_stores = make("small"), make("large")
    small, large = Linker(settings, small_stores), Linker(settings, large_stores)
    fill(small, 10000, 2, small_stores)
    began = time.process_time()
    fill(large, target, 10, large_stores)
    print(f"  (filled {target} in {time.process_time() - began:.0f} CPU s)")
    if root is not None:
        for store in large_stores.values():
            store.db.flush()
        print(
            f"index {target:>8}: {disk_bytes(root / 'large') / target:7.0f} bytes/article on disk"
        )
    batch = list(synthetic(TIMED_ROUNDS * 4000, 4, "t"))
    for linker in (small, large):  # a doubling is a one-off (amortised in the fill figures)
        linker.index.reserve(len(linker.index) + settings.bands * len(batch))
    print(
        f"  band tables sized for the timed batch: {small.index.capacity:,} and "
        f"{large.index.capacity:,} entries"
    )
    timed_small, timed_large = Ours(small), Ours(large)
    freeze_long_lived()  # as the worker: the filled indexes are exempt from later GC passes
    rounds = []
    with fewer_collections():  # the worker's and replay's GC thresholds
        for round_batch in chunks(batch, 4000):
            spent = timed_small.seconds, timed_large.seconds
            for part in chunks(round_batch, 250):
                timed_small.run(part)
                timed_large.run(part)
            rounds.append((timed_large.seconds - spent[1]) / (timed_small.seconds - spent[0]))
    per_small = timed_small.seconds / len(batch) * 1e6
    per_large = timed_large.seconds / len(batch) * 1e6
    print("  ratio per round of 4,000: " + ", ".join(f"{ratio:.2f}x" for ratio in rounds))
    print(f"index ~{small.index_size:>7}: {per_small:7.1f} us/article")
    print(f"index ~{large.index_size:>7}: {per_large:7.1f} us/article")
    print(f"  cost ratio {target} vs 10k: {per_large / per_small:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB on Linux
    print(f"peak RSS {peak:.2f} GiB")


def main() -> None:
    """Print throughput, ratio, index bytes per article and cost flatness."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--race-size", type=int, default=20000)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--index-size", type=int, default=100000)
    parser.add_argument(
        "--full", action="store_true", help="index 1M articles in RocksDB-backed stores"
    )
    parser.add_argument("--rocks-dir", type=Path, default=None, help="RocksDB dir (--full)")
    parser.add_argument("--no-race", action="store_true", help="only the index-size part")
    args = parser.parse_args()
    settings = DedupSettings()
    if not args.no_race:
        race(settings, args.race_size, args.chunk)
    if not args.full:
        flatness(settings, args.index_size, None)
        return
    with tempfile.TemporaryDirectory(dir=args.rocks_dir) as tmp:
        flatness(settings, 1000000, Path(tmp))


if __name__ == "__main__":
    main()
