"""Parse stage: validate a raw payload and turn it into a ParsedArticle, or reject it."""

from __future__ import annotations

from wirewatch.parse.article import parse_article
from wirewatch.parse.validate import decode_raw_article

__all__ = ["decode_raw_article", "parse_article"]
