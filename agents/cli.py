"""The `wirewatch` console script: Faust's commands plus ingest, replay and demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from agents.alerts_command import add_parser as add_alerts_parser

OUR_COMMANDS = ("ingest", "replay", "demo", "topics", "alerts")


def build_parser() -> argparse.ArgumentParser:
    """Parser for wirewatch's own commands (everything else goes to Faust's CLI)."""
    parser = argparse.ArgumentParser(
        prog="wirewatch",
        description="wirewatch commands; Faust's own (worker, agents, tables, ...) also work.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="produce RawArticle messages to articles.raw")
    ingest.add_argument("path", help=".jsonl file, folder of .txt/.html files, or - for stdin")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    replay = sub.add_parser("replay", help="run the pipeline in-process, no broker")
    replay.add_argument("path", help=".jsonl file, folder of .txt/.html files, or - for stdin")
    replay.add_argument("--out", required=True, type=Path, help="folder for the JSONL outputs")
    demo = sub.add_parser("demo", help="local Kafka + worker + sample articles, shown live")
    demo.add_argument("--keep-running", action="store_true", help="run until Ctrl-C")
    demo.add_argument("--articles", type=Path, default=None, help="articles to ingest")
    topics = sub.add_parser("topics", help="create or list the declared topics")
    topics.add_argument("action", choices=("create", "list"))
    add_alerts_parser(sub)
    return parser


def run_ours(argv: list[str]) -> int:
    """Dispatch one of wirewatch's own commands."""
    args = build_parser().parse_args(argv)
    console = Console(stderr=True)
    if args.command == "ingest":
        from agents.ingest import ingest

        sent = ingest(args.path, quiet=args.quiet)
        console.print(f"ingested {sent} articles")
        return 0
    if args.command == "replay":
        from agents.replay_command import replay

        return replay(args.path, args.out, console)
    if args.command == "alerts":
        from agents.alerts_command import run_alerts

        return run_alerts(args, console)
    if args.command == "topics":
        from agents.topics_command import run_topics

        for name in run_topics(args.action):
            print(name)
        return 0
    from agents.demo import run_demo

    return run_demo(keep_running=args.keep_running, articles=args.articles)


def main(argv: list[str] | None = None) -> int:
    """Entry point: our commands by name, Faust's CLI for the rest."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in OUR_COMMANDS:
        return run_ours(argv)
    if argv and argv[0] in ("-h", "--help"):
        build_parser().print_help()
        print("\nFaust commands (worker, agents, tables, send, ...): wirewatch worker --help")
        return 0
    from agents.app import app

    sys.argv = ["wirewatch", *argv]
    app.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
