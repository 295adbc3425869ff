"""Syndication linking: MinHash-LSH candidates, exact verification, stories and their originals."""

from __future__ import annotations

from wirewatch.dedup.linker import Linker, normalise_url
from wirewatch.dedup.results import LinkDecision, LinkerStats, LinkResult, StoryContent
from wirewatch.dedup.rows import final_story_rows
from wirewatch.dedup.settings import DedupSettings

__all__ = [
    "DedupSettings",
    "LinkDecision",
    "LinkResult",
    "Linker",
    "LinkerStats",
    "StoryContent",
    "final_story_rows",
    "normalise_url",
]
