"""Minimal article parser: headline and body paragraphs from plain text or HTML."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from schemas.deadletter import DeadLetterReason
from schemas.parsed import Outlet, ParsedArticle
from schemas.raw import RawArticle
from wirewatch.errors import StageRejected
from wirewatch.ids import content_hash

STAGE = "parse"
_SPACE = re.compile(r"\s+")


def parse_article(raw: RawArticle) -> ParsedArticle:
    """Parse a validated raw article; raise StageRejected when no article text is found."""
    if "html" in raw.content_type.lower():
        headline, paragraphs = _from_html(raw.body)
    else:
        headline, paragraphs = _from_text(raw.body)
    if not paragraphs:
        raise StageRejected(STAGE, DeadLetterReason.NO_ARTICLE_TEXT, "no paragraph of article text")
    text = " ".join(_SPACE.sub(" ", p).strip().lower() for p in paragraphs)
    domain = (urlsplit(raw.url).hostname or "").removeprefix("www.")
    return ParsedArticle(
        article_id=raw.id,
        url=raw.url,
        outlet=Outlet(name=domain, domain=domain),
        headline=headline,
        fetched_at=raw.fetched_at,
        paragraphs=paragraphs,
        language="en",
        text_for_matching=text,
        content_hash=content_hash(text),
        content_type=raw.content_type,
    )


def _from_text(body: str) -> tuple[str, list[str]]:
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if not lines:
        return "", []
    return lines[0], [line for line in lines[1:] if len(line) > 60]


def _from_html(body: str) -> tuple[str, list[str]]:
    tree = HTMLParser(body)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    title = tree.css_first("h1") or tree.css_first("title")
    headline = _SPACE.sub(" ", title.text()).strip() if title else ""
    paragraphs = [
        _SPACE.sub(" ", node.text()).strip()
        for node in tree.css("article p, .article__text, p")
    ]
    return headline, [p for p in dict.fromkeys(paragraphs) if len(p) > 40]
