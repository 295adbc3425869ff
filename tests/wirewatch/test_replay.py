"""Replay writes every input to exactly one of parsed.jsonl or deadletters.jsonl."""

from __future__ import annotations

import json

from tests.shared_data import REPO_ROOT, require_shared
from wirewatch.replay import run_replay
from wirewatch.sources import iter_payloads

GOOD = {
    "id": "r-1",
    "url": "https://example-wire.test/r1",
    "fetched_at": "2023-02-01T08:00:00Z",
    "content_type": "text/plain",
    "body": "Crowd Gathers Outside Mission\nTBILISI (Example Wire) - A crowd of about two "
    "hundred people gathered outside a diplomatic mission in Tbilisi on Tuesday, police said.\n",
}


def _ids(path):
    return [json.loads(line)["article_id"] for line in path.read_text().splitlines()]


def test_replay_accounts_for_every_input(tmp_path):
    """One good and two bad inputs give one parsed line and two dead-letter lines."""
    payloads = [
        json.dumps(GOOD).encode(),
        b"{",
        json.dumps({**GOOD, "id": "r-2", "body": ""}).encode(),
    ]
    summary = run_replay(payloads, tmp_path)
    assert summary.inputs == 3
    assert _ids(tmp_path / "parsed.jsonl") == ["r-1"]
    assert _ids(tmp_path / "deadletters.jsonl") == [None, "r-2"]


def test_replay_of_shipped_examples_accounts_for_every_input(tmp_path):
    """Every example article lands in exactly one output file."""
    source = REPO_ROOT / "examples" / "articles.jsonl"
    ids = [json.loads(p)["id"] for p in iter_payloads(source)]
    run_replay(iter_payloads(source), tmp_path)
    out = _ids(tmp_path / "parsed.jsonl") + _ids(tmp_path / "deadletters.jsonl")
    assert sorted(out) == sorted(ids)


def test_replay_of_corpus_accounts_for_every_input(tmp_path):
    """Every corpus article lands in exactly one output file."""
    corpus = require_shared() / "corpus" / "dev-articles.jsonl"
    ids = [json.loads(p)["id"] for p in iter_payloads(corpus)]
    run_replay(iter_payloads(corpus), tmp_path)
    out = _ids(tmp_path / "parsed.jsonl") + _ids(tmp_path / "deadletters.jsonl")
    assert sorted(out) == sorted(ids)
    assert len(out) == len(set(out))


def test_replay_of_the_seed_like_sample_gives_its_three_incidents_and_an_alert(tmp_path):
    """Our seed-style sample: an Ottawa arson attempt, a separate blockade, a summons, one alert."""
    source = REPO_ROOT / "examples" / "articles.jsonl"
    run_replay(iter_payloads(source), tmp_path)
    incidents = [
        json.loads(line) for line in (tmp_path / "incidents.jsonl").read_text().splitlines()
    ]
    sample = [i for i in incidents if "sample-seedlike-001" in i["article_ids"]]
    by_type = {i["type"]: i for i in sample}
    assert sorted(by_type) == ["arson_attempt", "blockade", "diplomatic_protest"]
    arson = by_type["arson_attempt"]
    assert (arson["location"]["city"], arson["location"]["country"]) == ("Ottawa", "CA")
    assert arson["target"]["represented_country"] == "RU"
    assert arson["event_date"] == {"value": "2022-09", "precision": "month"}
    alerts = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    ottawa = [a for a in alerts if a["incidents"][0]["incident_id"] == arson["incident_id"]]
    assert [a["rule"] for a in ottawa] == ["russian-missions-canada"]
