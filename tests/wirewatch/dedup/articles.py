"""Builders of ParsedArticle values with deterministic pseudo-news text for dedup tests."""

from __future__ import annotations

import datetime as dt
import random

from schemas.parsed import Dateline, Outlet, ParsedArticle
from wirewatch.ids import content_hash

_VOCAB = [
    "embassy",
    "consulate",
    "ambassador",
    "ministry",
    "police",
    "protest",
    "statement",
    "minister",
    "foreign",
    "said",
    "official",
    "government",
    "security",
    "attack",
    "investigation",
    "spokesperson",
    "capital",
    "meeting",
    "report",
    "tuesday",
    "monday",
    "agency",
    "diplomats",
    "visas",
    "talks",
    "border",
    "trade",
    "cargo",
    "port",
    "office",
    "court",
    "charged",
    "officers",
    "arrested",
    "building",
    "night",
    "morning",
    "street",
    "gate",
    "car",
    "letter",
    "powder",
    "windows",
    "paint",
    "authorities",
    "demanded",
    "response",
    "note",
    "measures",
    "staff",
    "premises",
    "convention",
    "demonstrators",
    "crowd",
]


def sentences(seed: int, count: int, words: int = 24) -> list[str]:
    """`count` distinct pseudo-sentences, the same for the same seed."""
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(_VOCAB) for _ in range(words)).capitalize() + "." for _ in range(count)
    ]


def article(
    article_id: str,
    paragraphs: list[str],
    *,
    url: str | None = None,
    domain: str = "urdupoint.com",
    published: dt.datetime | None = None,
    agency: str | None = None,
    city: str | None = None,
) -> ParsedArticle:
    """A ParsedArticle whose text_for_matching is its lowercased paragraphs."""
    published = published or dt.datetime(2022, 10, 10, 12, tzinfo=dt.UTC)
    text = " ".join(p.lower() for p in paragraphs)
    return ParsedArticle(
        article_id=article_id,
        url=url or f"https://{domain}/news/{article_id}.html",
        outlet=Outlet(name=domain, domain=domain),
        headline=f"Headline of {article_id}",
        published_at=published,
        fetched_at=published + dt.timedelta(hours=1),
        dateline=Dateline(city=city) if city else None,
        attributed_agency=agency,
        paragraphs=paragraphs,
        language="en",
        text_for_matching=text,
        content_hash=content_hash(text),
    )
