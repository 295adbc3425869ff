"""Property-based: random and mutated inputs never raise anything but StageRejected."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.parsed import ParsedArticle
from wirewatch.errors import StageRejected
from wirewatch.parse import decode_raw_article, parse_article

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles.jsonl"
BODIES = [json.loads(line)["body"] for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
TOKENS = st.sampled_from(
    [
        "<p>", "</p>", "<div>", "<script>", "</script>", "<style>", "<article>", "<h1>",
        "(UrduPoint News / Sputnik - 11th October, 2022)", "MOSCOW, Sept 19 (Reuters) - ",
        "/TASS/.", "Recent Stories", " Published October 11, 2022 | 01:40 AM", "\n", "...",
        "date 2022-10-11 UrduPoint.com", "\"", "“", "|", "By ", "\u0000", "\ufffd", "é", "Ж",
    ]
)  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(payload: bytes | str) -> ParsedArticle | None:
    try:
        return parse_article(decode_raw_article(payload, max_body_bytes=1024 * 1024))
    except StageRejected:
        return None


def _row(body: str, content_type: str) -> str:
    return json.dumps(
        {
            "id": "p-1",
            "url": "https://www.urdupoint.com/en/world/x.html",
            "fetched_at": "2022-10-11T00:00:00Z",
            "content_type": content_type,
            "body": body,
        }
    )


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(payload: bytes) -> None:
    """Arbitrary bytes are parsed or rejected, never crash."""
    _parse(payload)


@SETTINGS
@given(
    st.text(max_size=3000),
    st.sampled_from(["text/plain", "text/html", "application/xhtml+xml", ""]),
)
def test_random_bodies(body: str, content_type: str) -> None:
    """Arbitrary text bodies, plain or HTML, are parsed or rejected, never crash."""
    _parse(_row(body, content_type))


@SETTINGS
@given(
    st.sampled_from(BODIES),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 200), TOKENS), max_size=8),
    st.sampled_from(["text/plain", "text/html"]),
)
def test_mutated_examples(body: str, edits: list[tuple[int, int, str]], content_type: str) -> None:
    """Examples with cuts and injected markup or datelines are parsed or rejected."""
    for position, cut, token in edits:
        at = position % (len(body) + 1)
        body = body[:at] + token + body[at + cut :]
    parsed = _parse(_row(body, content_type))
    if parsed is not None:
        assert parsed.paragraphs
        assert parsed.published_at is None or parsed.published_at.tzinfo is not None


@SETTINGS
@given(st.dictionaries(st.text(max_size=10), st.text(max_size=50), max_size=6))
def test_random_json_objects(row: dict[str, str]) -> None:
    """JSON objects with arbitrary keys and values are rejected or parsed, never crash."""
    _parse(json.dumps(row))
