"""What linking one article returns: the decision, the `stories` records and the forward payload."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from schemas.parsed import ParsedArticle
from schemas.story import LinkEvidence, MemberRole, StoryUpdate


class LinkDecision(StrEnum):
    """What the linker decided about one article."""

    NEW_STORY = "new_story"
    COPY = "copy"
    UPDATE = "update"
    RECAPTURE = "recapture"


@dataclass(frozen=True, slots=True)
class StoryContent:
    """Text the next stage (incident extraction) should read: only what is new to the story.

    A new story forwards all its paragraphs; an update forwards only its new paragraphs.
    """

    story_id: str
    article_id: str
    role: MemberRole
    paragraphs: list[str]
    parsed: ParsedArticle


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The outcome of `Linker.link` for one article.

    `role` is the article's member role right after linking: a late original is `original`
    although its decision is `copy` or `update` (it joined an existing story).
    """

    article_id: str
    decision: LinkDecision
    role: MemberRole
    story_id: str
    original_id: str
    evidence: LinkEvidence | None = None
    original_changed: bool = False
    story_updates: list[StoryUpdate] = field(default_factory=list)
    forward: StoryContent | None = None


@dataclass(slots=True)
class LinkerStats:
    """Counters of this Linker instance, for metrics (index size lives in the store)."""

    articles: int = 0
    new_stories: int = 0
    copies: int = 0
    updates: int = 0
    recaptures: int = 0
    originals_changed: int = 0
    candidates_verified: int = 0
    evicted: int = 0
    not_indexed_too_old: int = 0
    redelivered_after_eviction: int = 0
