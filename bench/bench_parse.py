"""Parse throughput: articles per second in one process, plain text and HTML separately.

Run: `python bench/bench_parse.py [--articles PATH] [--n 3000] [--as-is]`. Inputs are synthetic
variations (outlet, byline, paragraph order, numbers) of the shipped examples, so repeated inputs
don't flatter caches; `--as-is` parses the file's articles unchanged instead (for generated load,
`python -m wirewatch.generate`), skipping payloads that fail validation. This is a benchmark that
prints figures, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from schemas.raw import RawArticle
from wirewatch.errors import StageRejected
from wirewatch.parse import decode_raw_article, parse_article
from wirewatch.parse.gazetteer import is_city

DEFAULT_ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"
AUTHORS = ("Sana Qureshi", "Imran Baig", "Zeeshan Mehtab", "Olga Vetrova", "Lena Brückner")


def variations(seeds: list[RawArticle], count: int, rng: random.Random) -> list[RawArticle]:
    """`count` articles made from the seeds: shuffled body lines, new bylines and numbers."""
    out: list[RawArticle] = []
    for index in range(count):
        seed = seeds[index % len(seeds)]
        body = seed.body
        for name in AUTHORS:
            body = body.replace(name, rng.choice(AUTHORS))
        lines = body.split("\n")
        middle = lines[5:-3]
        rng.shuffle(middle)
        body = "\n".join([*lines[:5], *middle, *lines[-3:]]).replace(
            "2022", str(rng.randint(2019, 2024))
        )
        out.append(seed.model_copy(update={"id": f"{seed.id}-v{index}", "body": body}))
    return out


def measure(articles: list[RawArticle]) -> tuple[float, int]:
    """Parse every article once; return (articles per second, rejected count)."""
    rejected = 0
    started = time.perf_counter()
    for article in articles:
        try:
            parse_article(article)
        except StageRejected:
            rejected += 1
    return len(articles) / (time.perf_counter() - started), rejected


def main() -> None:
    """Load the seeds, warm up, and print articles/second per content type."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--n", type=int, default=3000, help="articles per content type")
    parser.add_argument("--as-is", action="store_true", help="parse the articles unchanged")
    args = parser.parse_args()
    rng = random.Random(7)
    if args.as_is:
        seeds = [_decoded(line) for line in args.articles.open()]
        seeds = [seed for seed in seeds if seed is not None]
    else:
        seeds = [RawArticle.model_validate(json.loads(line)) for line in args.articles.open()]
        seeds = [seed for seed in seeds if 200 < len(seed.body) < 20_000]
    is_city("London")  # warm-up: loads the gazetteer once, outside the timed runs
    parse_article(seeds[0])
    for kind in ("text/plain", "text/html"):
        pool = [seed for seed in seeds if seed.content_type == kind]
        if not pool:
            continue
        articles = pool if args.as_is else variations(pool, args.n, rng)
        rate, rejected = measure(articles)
        print(f"{kind:<11} {rate:8.0f} articles/s  ({len(articles)} articles, {rejected} rejected)")


def _decoded(line: str) -> RawArticle | None:
    """The validated article of one JSON line, or None for a malformed payload."""
    try:
        return decode_raw_article(line, max_body_bytes=1 << 22)
    except StageRejected:
        return None


if __name__ == "__main__":
    main()
