"""ParsedArticle: the structured record the parse stage writes to `articles.parsed`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import AwareDatetime, Field

from schemas.base import Contract


class Outlet(Contract):
    """The site that published this page."""

    name: str
    domain: str


class Dateline(Contract):
    """The dateline that opens the story, e.g. `WASHINGTON (UrduPoint News / Sputnik - ...)`."""

    city: str | None = None
    date: dt.date | None = None
    chain: list[str] = Field(
        default_factory=list, description='Credited chain, e.g. ["UrduPoint News", "Sputnik"].'
    )
    raw: str = ""


class Quote(Contract):
    """A direct quotation and, where found, who said it."""

    speaker: str | None = None
    text: str


class ParsedArticle(Contract):
    """One article after parsing: who wrote it, when, where, and its clean text."""

    article_id: str
    url: str
    outlet: Outlet
    headline: str
    headline_flags: list[str] = Field(
        default_factory=list, description="Prefixes such as RPT or UPDATE, kept out of headline."
    )
    author: str | None = None
    published_at: AwareDatetime | None = None
    published_precision: Literal["datetime", "date"] | None = Field(
        default=None,
        description="`date` when the page states only a date: published_at is then local midnight.",
    )
    fetched_at: AwareDatetime
    dateline: Dateline | None = None
    attributed_agency: str | None = Field(
        default=None, description="The wire that wrote the story (Sputnik, TASS, AFP, ...)."
    )
    republisher: str | None = Field(
        default=None, description="The outlet that republished a wire story, if any."
    )
    paragraphs: list[str]
    language: str = Field(description="ISO 639-1 code.")
    quotes: list[Quote] = Field(default_factory=list)
    text_for_matching: str = Field(
        description="Normalised body without dateline, byline and chrome; dedup input."
    )
    content_hash: str = Field(description="Hash of text_for_matching: identical text, same hash.")
    content_type: str = "text/plain"
