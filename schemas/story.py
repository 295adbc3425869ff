"""StoryUpdate: what the link stage writes to `stories` when an article joins or founds a story.

A story is one wire text and every page that carries it. Its id is the hash of its first member's
article id and never changes; its original may change when the agency's own item arrives late.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, Field

from schemas.base import Contract


class MemberRole(StrEnum):
    """How a member relates to the story's original text."""

    ORIGINAL = "original"
    COPY = "copy"
    UPDATE = "update"
    RECAPTURE = "recapture"
    TRANSLATION = "translation"


class StoryUpdateKind(StrEnum):
    """Why a StoryUpdate was emitted. Stable strings: consumers switch on them."""

    CREATED = "created"
    COPY_ADDED = "copy_added"
    UPDATE_ADDED = "update_added"
    RECAPTURE_ADDED = "recapture_added"
    ORIGINAL_CHANGED = "original_changed"


class LinkEvidence(Contract):
    """Why a member was linked: the scores and signals the verifier saw."""

    matched_article_id: str = Field(description="The already-indexed article it was matched to.")
    jaccard: float = Field(ge=0.0, le=1.0, description="Exact Jaccard of the shingle sets.")
    containment: float = Field(
        ge=0.0, le=1.0, description="Shared shingles over the smaller shingle set."
    )
    shared_shingles: int = Field(ge=0)
    shared_attribution: bool = Field(description="Both credit the same agency (evidence only).")
    dateline_match: bool | None = Field(description="Same dateline city; null if either lacks one.")
    method: str = Field(description="minhash-lsh+exact, same-url or same-content-hash.")


class StoryMember(Contract):
    """One article of a story, with its role and the evidence that put it there."""

    article_id: str
    outlet: str = Field(description="Outlet domain, e.g. urdupoint.com.")
    url: str
    role: MemberRole
    published_at: AwareDatetime | None = None
    evidence: LinkEvidence | None = Field(
        default=None, description="Null for the member that founded the story."
    )


class StoryUpdate(Contract):
    """The full current state of a story after one article changed it (compacted by story_id)."""

    update_id: str = Field(description="Deterministic hash of story_id, version and article_id.")
    story_id: str = Field(description="stable_id('story', first member's article_id); immutable.")
    version: int = Field(ge=1, description="1 for the created record, +1 per later update.")
    kind: StoryUpdateKind
    article_id: str = Field(description="The article whose arrival triggered this update.")
    original_id: str = Field(description="The current original member's article id.")
    previous_original_id: str | None = Field(
        default=None, description="Set when kind is original_changed."
    )
    attributed_agency: str | None = Field(description="The wire the story credits, if known.")
    members: list[StoryMember] = Field(description="Members in arrival order (capped, see docs).")
    member_count: int = Field(ge=1, description="All members, including any beyond the cap.")
