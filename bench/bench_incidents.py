"""Throughput of incident extraction and merging: stories per second on one core.

Run: `python bench/bench_incidents.py [--rounds N]`. Parsing happens once up front; the timed
loop is `IncidentTracker.observe` (extraction + merging) over the dev corpus stories, replayed
`rounds` times with fresh story and article ids so that every round creates and merges anew.
Without ../shared the bench uses a small built-in set of own-words stories.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas.parsed import ParsedArticle  # noqa: E402
from wirewatch.incidents.settings import IncidentSettings  # noqa: E402
from wirewatch.incidents.targets import find_targets  # noqa: E402
from wirewatch.incidents.text import find_places  # noqa: E402
from wirewatch.incidents.tracker import IncidentTracker  # noqa: E402
from wirewatch.pipeline import Pipeline  # noqa: E402
from wirewatch.state import in_memory_stores  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus" / "dev-articles.jsonl"
FALLBACK = [
    "Vandals splashed red paint on the Russian embassy in Oslo overnight, the embassy said.",
    "A car rammed the gate of the Russian embassy in Ljubljana early on Thursday.",
    "Russia's foreign ministry summoned Finland's ambassador on Monday over the attack.",
    "Rupee gains 12 paisa against the dollar in interbank trading on Tuesday.",
]


def _articles() -> list[ParsedArticle]:
    pipeline = Pipeline()
    if CORPUS.is_file():
        parsed = [pipeline.parse(line) for line in CORPUS.read_bytes().splitlines() if line]
        return [p for p in parsed if isinstance(p, ParsedArticle)]
    out = []
    for i, text in enumerate(FALLBACK):
        raw = {
            "id": f"b{i}",
            "url": f"https://x.example/{i}",
            "fetched_at": "2022-10-11T06:00:00Z",
            "content_type": "text/plain",
            "body": text,
        }
        result = pipeline.parse(json.dumps(raw).encode())
        if isinstance(result, ParsedArticle):
            out.append(result)
    return out


def main() -> None:
    """Time observe() over every story, `rounds` times; print wall and CPU throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--warm", dest="cold", action="store_false", help="keep per-sentence caches across stories"
    )
    args = parser.parse_args()
    articles = _articles()
    tracker = IncidentTracker(IncidentSettings(), in_memory_stores(IncidentTracker.STORE_NAMES))
    first = articles[0]
    tracker.observe(first, story_id="warm-up", role="new_story", paragraphs=first.paragraphs)
    walls, cpus, events = [], [], 0
    for r in range(args.rounds):
        batch = [a.model_copy(update={"article_id": f"{a.article_id}-r{r}"}) for a in articles]
        wall, cpu = time.perf_counter(), time.process_time()
        for parsed in batch:
            if args.cold:  # every sentence new, as if no two stories shared text
                find_places.cache_clear()
                find_targets.cache_clear()
            events += len(
                tracker.observe(
                    parsed,
                    story_id=f"{parsed.article_id}-s",
                    role="new_story",
                    paragraphs=parsed.paragraphs,
                )
            )
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    n = len(articles)
    print(f"sentence caches: {'cleared per story' if args.cold else 'kept'}")
    print(f"stories per round: {n}  rounds: {args.rounds}  events: {events}")
    print(
        f"wall: median {n / statistics.median(walls):,.0f} stories/s, "
        f"best {n / min(walls):,.0f} stories/s"
    )
    print(
        f"cpu:  median {n / statistics.median(cpus):,.0f} stories/s, "
        f"best {n / min(cpus):,.0f} stories/s (one core, extraction + merging)"
    )


if __name__ == "__main__":
    main()
