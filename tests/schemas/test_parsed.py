"""ParsedArticle contract: round trip, strictness and the published precision field."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from schemas.parsed import Dateline, Outlet, ParsedArticle, Quote


def _article(**overrides: object) -> ParsedArticle:
    fields: dict[str, object] = {
        "article_id": "a-1",
        "url": "https://www.urdupoint.com/en/world/x.html",
        "outlet": Outlet(name="UrduPoint", domain="urdupoint.com"),
        "headline": "Envoy Urges Canada To Act",
        "fetched_at": dt.datetime(2022, 10, 11, tzinfo=dt.UTC),
        "published_at": dt.datetime(2022, 10, 11, 1, 40, tzinfo=dt.timezone(dt.timedelta(hours=5))),
        "published_precision": "datetime",
        "dateline": Dateline(city="Washington", chain=["UrduPoint News", "Sputnik"]),
        "attributed_agency": "Sputnik",
        "republisher": "UrduPoint",
        "paragraphs": ["One paragraph."],
        "language": "en",
        "quotes": [Quote(speaker="Envoy", text="We expect action.")],
        "text_for_matching": "one paragraph",
        "content_hash": "0" * 32,
    }
    fields.update(overrides)
    return ParsedArticle.model_validate(fields)


def test_json_round_trip() -> None:
    """A ParsedArticle survives JSON serialisation unchanged."""
    article = _article()
    assert ParsedArticle.model_validate_json(article.model_dump_json()) == article


def test_unknown_keys_are_rejected() -> None:
    """Output contracts forbid unknown keys."""
    with pytest.raises(ValidationError):
        _article(surprise=True)


def test_published_must_be_timezone_aware() -> None:
    """A naive published_at is invalid."""
    with pytest.raises(ValidationError):
        _article(published_at=dt.datetime(2022, 10, 11))


def test_published_precision_values() -> None:
    """published_precision is `datetime`, `date` or null, nothing else."""
    assert _article(published_precision="date").published_precision == "date"
    assert _article(published_precision=None, published_at=None).published_precision is None
    with pytest.raises(ValidationError):
        _article(published_precision="hour")
