"""Synthetic load generator: realistic articles with ground truth, deterministic for a seed."""

from __future__ import annotations

from wirewatch.generate.articles import (
    ArticleGenerator,
    GeneratedArticle,
    GeneratorSettings,
    generate,
)
from wirewatch.generate.fuzz import fuzz_payloads

__all__ = [
    "ArticleGenerator",
    "GeneratedArticle",
    "GeneratorSettings",
    "fuzz_payloads",
    "generate",
]
