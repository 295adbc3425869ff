"""`python -m wirewatch.evaluate parse ...`: run a quality report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wirewatch.evaluate import dedup as dedup_report
from wirewatch.evaluate import incidents as incidents_report
from wirewatch.evaluate.parse import DEFAULT_LABELS, run_parse_report


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen report; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m wirewatch.evaluate")
    reports = parser.add_subparsers(dest="report", required=True)
    parse = reports.add_parser("parse", help="field accuracy of the parse stage")
    source = parse.add_mutually_exclusive_group(required=True)
    source.add_argument("--replay-dir", type=Path, help="replay output: *.jsonl of parsed/dead")
    source.add_argument("--articles", type=Path, help="raw corpus JSONL, parsed in-process")
    parse.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="dev-labels.jsonl")
    parse.add_argument("--show-errors", action="store_true", help="list every mismatch")
    parse.add_argument(
        "--min-accuracy", type=float, default=0.0, help="exit 1 if any field scores below this"
    )
    dedup_report.add_arguments(reports.add_parser("dedup", help="syndication linking quality"))
    incidents_report.add_arguments(
        reports.add_parser("incidents", help="incident recall, clustering and negatives")
    )
    args = parser.parse_args(argv)
    if args.report == "dedup":
        return dedup_report.run(args)
    if args.report == "incidents":
        return incidents_report.run(args)
    return run_parse_report(
        labels_path=args.labels,
        replay_dir=args.replay_dir,
        articles_path=args.articles,
        show_errors=args.show_errors,
        min_accuracy=args.min_accuracy,
    )


if __name__ == "__main__":
    sys.exit(main())
