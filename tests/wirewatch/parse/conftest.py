"""Fixtures for parse tests: the shipped examples, which every clone has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas.raw import RawArticle

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles.jsonl"


@pytest.fixture(scope="session")
def examples() -> dict[str, RawArticle]:
    """The shipped example articles, by id."""
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    return {row["id"]: RawArticle.model_validate(row) for row in rows}
