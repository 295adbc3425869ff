"""Done-when checks on ../shared: corpus field accuracy, bad items rejected, and the seed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from rich.console import Console

from schemas.raw import RawArticle
from tests.shared_data import require_shared
from wirewatch.evaluate.parse import outcome_from_articles, run_parse_report, score
from wirewatch.parse import parse_article

pytestmark = pytest.mark.corpus

TARGETS = {
    "headline": 0.95,
    "dateline_city": 0.95,
    "attributed_agency": 0.95,
    "published": 0.95,
    "author": 0.9,
    "parsed": 1.0,
    "rejected": 1.0,
}


def test_dev_corpus_field_accuracy() -> None:
    """Every field meets its target, every dev item parses and every bad item is rejected."""
    corpus = require_shared() / "corpus"
    labels = [
        json.loads(line)
        for line in (corpus / "dev-labels.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    scores = score(outcome_from_articles(corpus / "dev-articles.jsonl"), labels)
    below = {name: s.errors for name, s in scores.items() if s.accuracy < TARGETS[name]}
    assert not below


def test_report_command_prints_the_table() -> None:
    """The report runs in-process on the corpus and passes with the done-when minimum."""
    corpus = require_shared() / "corpus"
    console = Console(record=True, width=100)
    status = run_parse_report(
        labels_path=corpus / "dev-labels.jsonl",
        replay_dir=None,
        articles_path=corpus / "dev-articles.jsonl",
        min_accuracy=0.9,
        console=console,
    )
    assert status == 0
    assert "attributed_agency" in console.export_text()


def test_seed_is_a_sputnik_story_republished_by_urdupoint() -> None:
    """The seed: Sputnik via UrduPoint, dateline Washington, 2022-10-11, by Faizan Hashmi."""
    seed = require_shared() / "seed" / "urdupoint-sputnik-2022-10-11.txt"
    raw = RawArticle(
        id="seed",
        url="https://www.urdupoint.com/en/world/seed.html",
        fetched_at=dt.datetime(2022, 10, 11, 6, 0, tzinfo=dt.UTC),
        body=seed.read_text(encoding="utf-8"),
    )
    parsed = parse_article(raw)
    assert (parsed.attributed_agency, parsed.republisher) == ("Sputnik", "UrduPoint")
    assert parsed.dateline is not None
    assert parsed.dateline.city is not None
    assert parsed.dateline.city.upper() == "WASHINGTON"
    assert parsed.published_at is not None
    assert parsed.published_at.date() == dt.date(2022, 10, 11)
    assert parsed.author == "Faizan Hashmi"
    assert parsed.headline.count("Envoy") == 1
