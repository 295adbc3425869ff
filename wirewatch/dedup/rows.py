"""Final story state per article, as replay writes it to stories.jsonl."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from schemas.story import MemberRole
from wirewatch.dedup.results import LinkResult


def final_story_rows(linker_results: Iterable[LinkResult]) -> list[dict[str, Any]]:
    """One row per article, in first-seen order, reflecting later original changes.

    Row: {"article_id", "story_id", "original_id", "role", "evidence"}. An original displaced by a
    late agency item becomes a copy; every member's original_id is its story's final original.
    """
    rows: dict[str, dict[str, Any]] = {}
    original_of: dict[str, str] = {}
    for result in linker_results:
        original_of[result.story_id] = result.original_id
        evidence = result.evidence.model_dump(mode="json") if result.evidence else None
        rows.setdefault(
            result.article_id,
            {
                "article_id": result.article_id,
                "story_id": result.story_id,
                "role": result.role.value,
                "evidence": evidence,
            },
        )
    final: list[dict[str, Any]] = []
    for row in rows.values():
        original = original_of[row["story_id"]]
        role = row["role"]
        if row["article_id"] == original:
            role = MemberRole.ORIGINAL.value
        elif role == MemberRole.ORIGINAL.value:
            role = MemberRole.COPY.value
        final.append({**row, "original_id": original, "role": role})
    return final
