"""The wirewatch console script: our commands by name, Faust's for the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from agents.cli import OUR_COMMANDS, build_parser
from tests.shared_data import REPO_ROOT


def test_parser_knows_every_command_it_dispatches():
    """Each of our command names parses with its required arguments."""
    parser = build_parser()
    assert parser.parse_args(["replay", "in.jsonl", "--out", "o"]).command == "replay"
    assert parser.parse_args(["ingest", "-"]).path == "-"
    assert parser.parse_args(["demo", "--keep-running"]).keep_running
    assert parser.parse_args(["topics", "list"]).action == "list"
    assert {"ingest", "replay", "demo", "topics"} <= set(OUR_COMMANDS)


def test_replay_command_writes_outputs_from_stdin(tmp_path):
    """`wirewatch replay - --out DIR` reads JSONL from stdin and writes parsed and dead letters."""
    article = {
        "id": "cli-1",
        "url": "https://example-wire.test/cli-1",
        "fetched_at": "2024-03-01T10:00:00Z",
        "content_type": "text/plain",
        "body": "Crowd Rallies Outside Embassy\nSOFIA (Example Wire) - Several hundred people "
        "rallied outside an embassy in Sofia on Friday, police said, and no arrests were made.\n",
    }
    stdin = json.dumps(article) + "\nnot json\n"
    subprocess.run(
        [sys.executable, "-m", "agents.cli", "replay", "-", "--out", str(tmp_path)],
        input=stdin.encode(),
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    parsed = (tmp_path / "parsed.jsonl").read_text().splitlines()
    letters = (tmp_path / "deadletters.jsonl").read_text().splitlines()
    assert [json.loads(line)["article_id"] for line in parsed] == ["cli-1"]
    assert [json.loads(line)["reason"] for line in letters] == ["invalid_json"]


def test_topics_list_prints_prefixed_names():
    """`wirewatch topics list` prints every declared topic with the configured prefix."""
    result = subprocess.run(
        [sys.executable, "-m", "agents.cli", "topics", "list"],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "WIREWATCH_TOPIC_PREFIX": "x."},
    )
    assert "x.articles.raw" in result.stdout.split()
    assert "x.alerts" in result.stdout.split()
