"""`python -m wirewatch.generate`: write generated articles (and labels) as JSON Lines.

Pipe into the broker with `python -m wirewatch.generate --rate 200 --live | wirewatch ingest -`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from wirewatch.generate.articles import ArticleGenerator, GeneratorSettings


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m wirewatch.generate", description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="articles to write")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same stream")
    parser.add_argument("--out", type=Path, default=None, help="articles .jsonl (default stdout)")
    parser.add_argument("--labels", type=Path, default=None, help="ground-truth labels .jsonl")
    parser.add_argument("--rate", type=float, default=0.0, help="articles per second (0: max)")
    parser.add_argument(
        "--live", action="store_true", help="fetched_at = generation time (for latency)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Generate `--count` articles at `--rate`, with labels beside them."""
    args = build_parser().parse_args(argv)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    labels = args.labels.open("w", encoding="utf-8") if args.labels else None
    began = time.monotonic()
    try:
        for index, item in enumerate(ArticleGenerator(GeneratorSettings(seed=args.seed))):
            if index >= args.count:
                break
            if args.rate > 0:
                delay = began + index / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            article = dict(item.article)
            if args.live and "fetched_at" in article:
                article["fetched_at"] = dt.datetime.now(dt.UTC).isoformat()
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            if args.rate > 0:
                out.flush()
            if labels is not None:
                labels.write(json.dumps(item.label) + "\n")
    finally:
        if args.out:
            out.close()
        if labels is not None:
            labels.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
