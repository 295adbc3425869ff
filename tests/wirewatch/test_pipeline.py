"""Pipeline.parse turns every input into exactly one ParsedArticle or DeadLetter."""

from __future__ import annotations

import json

import pytest

from schemas.deadletter import DeadLetter, DeadLetterReason
from schemas.parsed import ParsedArticle
from wirewatch.pipeline import Pipeline
from wirewatch.settings import PipelineSettings

ARTICLE = {
    "id": "p-1",
    "url": "https://example-wire.test/a",
    "fetched_at": "2023-01-05T10:00:00Z",
    "content_type": "text/plain",
    "body": (
        "Protesters Block Road Outside Embassy\n"
        "RIGA (Example Wire) - Several dozen protesters blocked the road outside an embassy in "
        "Riga on Wednesday evening, police said, adding that the crowd dispersed peacefully.\n"
    ),
}


def test_parse_returns_parsed_article_for_valid_input():
    """A valid payload parses, keeping its id."""
    result = Pipeline().parse(json.dumps(ARTICLE).encode())
    assert isinstance(result, ParsedArticle)
    assert result.article_id == "p-1"


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"\xff\xfe\x00", DeadLetterReason.INVALID_UTF8),
        (b"not json at all", DeadLetterReason.INVALID_JSON),
        (b'"a string"', DeadLetterReason.INVALID_FIELDS),
        (json.dumps({**ARTICLE, "body": "  \n "}).encode(), DeadLetterReason.EMPTY_BODY),
        (
            json.dumps({**ARTICLE, "fetched_at": "yesterday"}).encode(),
            DeadLetterReason.INVALID_FIELDS,
        ),
    ],
)
def test_parse_dead_letters_bad_input_with_reason(payload, reason):
    """Each kind of bad input becomes a parse-stage dead letter with its precise reason."""
    result = Pipeline().parse(payload)
    assert isinstance(result, DeadLetter)
    assert result.stage == "parse"
    assert result.reason is reason


def test_parse_enforces_configured_body_limit():
    """A body above max_body_bytes is rejected as body_too_large, naming the limit."""
    pipeline = Pipeline(PipelineSettings(max_body_bytes=100))
    result = pipeline.parse(json.dumps({**ARTICLE, "body": "word " * 100}).encode())
    assert isinstance(result, DeadLetter)
    assert result.reason is DeadLetterReason.BODY_TOO_LARGE
    assert result.article_id == "p-1"
    assert "100" in result.message


def test_reprocessing_an_article_reemits_its_story_and_writes_nothing_new():
    """At-least-once redelivery: the same article again keeps its story and role, adds nothing."""
    from tests.shared_data import REPO_ROOT
    from wirewatch.sources import iter_payloads
    from wirewatch.state import in_memory_stores

    payloads = {
        json.loads(p)["id"]: p for p in iter_payloads(REPO_ROOT / "examples" / "articles.jsonl")
    }
    stores = in_memory_stores(Pipeline.STORE_NAMES)
    pipeline = Pipeline(stores=stores)
    first = {}
    for article_id in ("dev-016", "dev-018", "dev-017"):
        output = pipeline.downstream(pipeline.parse(payloads[article_id]))
        first[article_id] = output.link
    snapshot = {name: dict(store) for name, store in stores.items()}
    for article_id in ("dev-016", "dev-018"):
        again = pipeline.downstream(pipeline.parse(payloads[article_id]))
        assert again.link is not None
        assert (again.link.story_id, again.link.role) == (
            first[article_id].story_id,
            first[article_id].role,
        )
        assert again.story_updates == []
        assert again.incidents == []
    assert {name: dict(store) for name, store in stores.items()} == snapshot
