"""Build ParsedArticle values for incident tests, in our own words."""

from __future__ import annotations

import datetime as dt

from schemas.parsed import Outlet, ParsedArticle
from wirewatch.ids import content_hash


def article(
    article_id: str,
    paragraphs: list[str],
    *,
    published: dt.datetime | None = dt.datetime(2022, 10, 11, 1, 40, tzinfo=dt.UTC),
    fetched: dt.datetime = dt.datetime(2022, 10, 11, 6, 0, tzinfo=dt.UTC),
    domain: str = "example.com",
    headline: str = "Headline",
) -> ParsedArticle:
    """A parsed article with the given body; the outlet is named after the domain."""
    text = "\n".join(paragraphs)
    return ParsedArticle(
        article_id=article_id,
        url=f"https://{domain}/{article_id}",
        outlet=Outlet(name=domain, domain=domain),
        headline=headline,
        published_at=published,
        fetched_at=fetched,
        paragraphs=paragraphs,
        language="en",
        text_for_matching=text,
        content_hash=content_hash(text),
    )


DAY_REPORT = [
    "Ottawa police said on Thursday they were still looking for the person who hurled a Molotov "
    "cocktail over the fence of the Russian embassy in Ottawa shortly after midnight on "
    "September 12.",
    "The bottle burned out on the lawn, and nobody was injured.",
]
