"""RawArticle accepts the corpus format and rejects bad records."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas.raw import RawArticle

GOOD = {
    "id": "x-1",
    "url": "https://example.test/a",
    "fetched_at": "2022-10-11T02:15:00Z",
    "content_type": "text/plain",
    "body": "Headline\nBody text.",
}


def test_raw_article_accepts_corpus_format():
    """The five corpus keys validate and fetched_at becomes timezone-aware."""
    raw = RawArticle.model_validate(GOOD)
    assert raw.fetched_at.tzinfo is not None
    assert raw.id == "x-1"


@pytest.mark.parametrize("missing", ["id", "url", "fetched_at", "body"])
def test_raw_article_rejects_missing_required_field(missing):
    """A record without a required key fails validation naming that key."""
    record = {k: v for k, v in GOOD.items() if k != missing}
    with pytest.raises(ValidationError) as info:
        RawArticle.model_validate(record)
    assert missing in str(info.value)


def test_raw_article_rejects_naive_fetch_time():
    """fetched_at without a timezone is refused: every time in wirewatch is aware."""
    with pytest.raises(ValidationError):
        RawArticle.model_validate({**GOOD, "fetched_at": "2022-10-11T02:15:00"})
