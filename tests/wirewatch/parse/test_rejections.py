"""Bad input becomes a StageRejected with a precise reason, never another exception."""

from __future__ import annotations

import json

import pytest

from schemas.deadletter import DeadLetterReason
from schemas.raw import RawArticle
from wirewatch.errors import StageRejected
from wirewatch.parse import decode_raw_article, parse_article

LIMIT = 1024 * 1024


def _payload(body: str, content_type: str = "text/plain", **extra: object) -> bytes:
    row = {
        "id": "t-1",
        "url": "https://example.org/a",
        "fetched_at": "2022-10-11T00:00:00Z",
        "content_type": content_type,
        "body": body,
        **extra,
    }
    return json.dumps(row).encode()


def _reason(payload: bytes, limit: int = LIMIT) -> DeadLetterReason:
    with pytest.raises(StageRejected) as caught:
        parse_article(decode_raw_article(payload, max_body_bytes=limit))
    assert caught.value.stage == "parse"
    return caught.value.reason


def test_empty_body(examples: dict[str, RawArticle]) -> None:
    """An empty body is rejected as empty_body."""
    raw = examples["bad-001"].model_dump(mode="json")
    assert _reason(json.dumps(raw).encode()) is DeadLetterReason.EMPTY_BODY


def test_script_injected_broken_html(examples: dict[str, RawArticle]) -> None:
    """Unclosed tags with a script block and no article text: broken_html."""
    assert _reason_of(examples["bad-004"]) is DeadLetterReason.BROKEN_HTML


def _reason_of(raw: RawArticle) -> DeadLetterReason:
    with pytest.raises(StageRejected) as caught:
        parse_article(raw)
    return caught.value.reason


def test_chrome_only_page() -> None:
    """A page of navigation, story lists and copyright only: chrome_only."""
    body = "\n".join(
        [
            "Daily Wire Digest",
            "Home | World | Business | Sports",
            "Recent Stories",
            "Gold Rates In Pakistan Today",
            "Dollar Rate In Pakistan Today",
            "Share on Facebook Share on Twitter",
            "Copyright © 2022 Daily Wire Digest. All Rights Reserved.",
        ]
    )
    assert _reason(_payload(body)) is DeadLetterReason.CHROME_ONLY


def test_repetitive_junk_is_no_article_text() -> None:
    """Large repetitive machine noise is rejected as no_article_text, decided by content."""
    body = "\ufffdPK <<overflow>> 0xDEAD lorem ipsum ##### null ~~~ %%% " * 4000
    assert _reason(_payload(body)) is DeadLetterReason.NO_ARTICLE_TEXT


def test_body_over_the_limit() -> None:
    """A body over the configured limit is rejected as body_too_large."""
    assert _reason(_payload("word " * 500), limit=1000) is DeadLetterReason.BODY_TOO_LARGE


def test_invalid_utf8() -> None:
    """Bytes that are not UTF-8 are rejected as invalid_utf8."""
    assert _reason(b'{"id": "x", "body": "\xff\xfe"}') is DeadLetterReason.INVALID_UTF8


def test_missing_fields() -> None:
    """A payload without a url is rejected as invalid_fields."""
    assert _reason(b'{"id": "x", "body": "text"}') is DeadLetterReason.INVALID_FIELDS


def test_unsupported_content_type() -> None:
    """A PDF is not parsed: unsupported_content_type."""
    payload = _payload("%PDF-1.4 binary", content_type="application/pdf")
    assert _reason(payload) is DeadLetterReason.UNSUPPORTED_CONTENT_TYPE


def test_script_and_style_never_reach_paragraphs() -> None:
    """Script and style content is dropped even inside the article container."""
    prose = "<p>The embassy said the protest ended peacefully after two hours outside the gate.</p>"
    html = (
        "<html><body><article><h1>Protest ends</h1>"
        + prose * 3
        + "<script>document.write('<p>injected text that must not appear anywhere</p>')</script>"
        + "<style>p { color: red }</style></article></body></html>"
    )
    parsed = parse_article(decode_raw_article(_payload(html, "text/html"), max_body_bytes=LIMIT))
    joined = " ".join(parsed.paragraphs)
    assert "injected" not in joined
    assert "color" not in joined
    assert "document.write" not in parsed.text_for_matching
