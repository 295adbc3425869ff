"""DedupSettings: the knobs of syndication linking, each with the reason for its default."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class DedupSettings(BaseModel):
    """Thresholds and sizes for MinHash-LSH linking; defaults are explained in docs/dedup.md."""

    model_config = ConfigDict(frozen=True)

    shingle_words: int = Field(
        default=5,
        ge=1,
        le=16,
        description=(
            "Words per shingle. 5 keeps template twins (same boilerplate, other facts) apart "
            "while a changed dateline or chrome line only disturbs a handful of shingles."
        ),
    )
    num_perm: int = Field(
        default=128,
        ge=8,
        le=1024,
        description="MinHash permutations: 128 gives ~0.04 Jaccard standard error at 4 bytes each.",
    )
    bands: int = Field(
        default=42,
        ge=1,
        le=256,
        description=(
            "LSH bands. 42 bands of 3 rows find a pair at Jaccard 0.45 with p=0.98 and at 0.5 "
            "with p=0.996 (partial copies of merged wire items sit near 0.4-0.5), while two "
            "unrelated articles (Jaccard ~0.003) collide with p~1e-6."
        ),
    )
    rows: int = Field(default=3, ge=1, description="MinHash values per band (see bands).")
    jaccard_threshold: float = Field(
        default=0.6,
        gt=0.0,
        le=1.0,
        description="Exact Jaccard at or above which a candidate is a copy (full-text copies).",
    )
    containment_threshold: float = Field(
        default=0.65,
        gt=0.0,
        le=1.0,
        description=(
            "Shared shingles over the smaller set at or above which a candidate is a copy, so a "
            "copy of one item from a merged wire text links. Template twins measured 0.53, the "
            "weakest true partial copy 0.71."
        ),
    )
    min_shared_shingles: int = Field(
        default=20,
        ge=1,
        description="A link needs at least this many shared shingles: a sentence or two of text.",
    )
    update_min_new_words: int = Field(
        default=50,
        ge=1,
        description=(
            "A member is an update when its new paragraphs hold at least this many words; "
            "50 is two wire paragraphs, above a re-worded lede or a chrome line."
        ),
    )
    update_min_new_fraction: float = Field(
        default=0.15,
        ge=0.0,
        le=1.0,
        description="... and at least this share of its shingles is new to the story.",
    )
    update_min_paragraph_words: int = Field(
        default=20,
        ge=1,
        description=(
            "New paragraphs shorter than this are ignored: headlines, 'Related Topics' and share "
            "lines run 8-16 words, a wire paragraph 20-60."
        ),
    )
    paragraph_known_fraction: float = Field(
        default=0.5,
        gt=0.0,
        le=1.0,
        description="A paragraph is new when less than this share of its shingles is known.",
    )
    retention_days: int = Field(
        default=30,
        ge=1,
        description=(
            "Index window by publication day. Syndication happens within hours or days; 30 days "
            "covers late republications while keeping the index bounded."
        ),
    )
    redelivery_memory_articles: int = Field(
        default=100_000,
        ge=0,
        description=(
            "An evicted article leaves a small tombstone (story, original, role) for this many "
            "further indexed articles, so an at-least-once redelivery after a crash or "
            "rebalance gets its first answer again instead of founding a new story. "
            "Redeliveries are the uncommitted tail of the input (seconds to minutes); 100k "
            "articles is hours of global news at ~100 bytes each."
        ),
    )
    max_members_listed: int = Field(
        default=200,
        ge=1,
        description="Members kept in a story record and StoryUpdate; beyond it only counted.",
    )
    seed: int = Field(
        default=1, description="Seed of the MinHash permutations (fixed: determinism)."
    )

    @model_validator(mode="after")
    def _bands_fit(self) -> DedupSettings:
        if self.bands * self.rows > self.num_perm:
            raise ValueError(
                f"bands * rows = {self.bands * self.rows} exceeds num_perm = {self.num_perm}; "
                f"lower bands or rows, or raise num_perm to at least {self.bands * self.rows}"
            )
        return self
